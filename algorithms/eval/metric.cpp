#include <eqlab/algorithms/eval/metric.hpp>

#include <array>
#include <utility>

namespace eqlab {

namespace {

const std::array<std::pair<Metric, std::string>, 18>& metric_names() {
  static const std::array<std::pair<Metric, std::string>, 18> names = {{
      {Metric::nash_conv, "nash_conv"},
      {Metric::exploitability, "exploitability"},
      {Metric::nfcce_gap, "nfcce_gap"},
      {Metric::efce_gap, "efce_gap"},
      {Metric::kefce_gap, "kefce_gap"},
      {Metric::gap, "gap"},
      {Metric::cce_gap_upper, "cce_gap_upper"},
      {Metric::ce_gap_upper, "ce_gap_upper"},
      {Metric::cce_gap_lower, "cce_gap_lower"},
      {Metric::cce_gap_exact, "cce_gap_exact"},
      {Metric::last_iterate_gap, "last_iterate_gap"},
      {Metric::average_gap, "average_gap"},
      {Metric::mixture_cce_gap, "mixture_cce_gap"},
      {Metric::mixture_cce_gap_upper, "mixture_cce_gap_upper"},
      {Metric::mixture_cce_gap_lower, "mixture_cce_gap_lower"},
      {Metric::cce_gap, "cce_gap"},
      {Metric::ce_gap, "ce_gap"},
      {Metric::nash_gap, "nash_gap"},
  }};
  return names;
}

}  // namespace

const std::string& metric_name(Metric metric) {
  for (const auto& [m, name] : metric_names())
    if (m == metric) return name;
  return metric_names().front().second;
}

std::optional<Metric> parse_metric(std::string_view name) {
  for (const auto& [m, text] : metric_names())
    if (text == name) return m;
  return std::nullopt;
}

}  // namespace eqlab

#pragma once
// The metrics eqlab measures, one enum with one table of the names that result files,
// curves, plots and summaries use. Extensive-form games: NashConv and exploitability of a
// profile, the NFCCE, EFCE and K-EFCE gaps of a mixture (algorithms/eval/). Markov games:
// the certified bounds of CCE-/CE-V-learning's output, the gaps of correlated and product
// policies, and `gap`, the headline of whichever output the solver stands behind
// (algorithms/markov/eval/).
#include <optional>
#include <string>
#include <string_view>

namespace eqlab {

enum class Metric {
  nash_conv,
  exploitability,
  nfcce_gap,
  efce_gap,
  kefce_gap,
  gap,
  cce_gap_upper,
  ce_gap_upper,
  cce_gap_lower,
  cce_gap_exact,
  last_iterate_gap,
  average_gap,
  mixture_cce_gap,
  mixture_cce_gap_upper,
  mixture_cce_gap_lower,
  cce_gap,
  ce_gap,
  nash_gap,
};

// "nash_conv", "exploitability", "nfcce_gap", ...: the metric's name in files.
const std::string& metric_name(Metric metric);
// The inverse; nullopt for any other name (curves also have value_i and solvers' own
// columns, which are not metrics of this table).
std::optional<Metric> parse_metric(std::string_view name);

}  // namespace eqlab

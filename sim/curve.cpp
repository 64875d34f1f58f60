#include <eqlab/sim/curve.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace eqlab {

std::vector<std::int64_t> checkpoint_iterations(std::int64_t total, int points) {
  std::vector<std::int64_t> out;
  if (total <= 0 || points <= 0) return out;
  if (points == 1) return {total};
  const std::int64_t n = std::min<std::int64_t>(points, total);
  out.reserve(n);
  const double log_total = std::log(static_cast<double>(total));
  std::int64_t previous = 0;
  for (std::int64_t i = 0; i < n; ++i) {
    const double target = std::exp(log_total * static_cast<double>(i) / static_cast<double>(n - 1));
    std::int64_t t = std::llround(target);
    // Early on the geometric targets are closer than one iteration apart: take the next
    // iteration instead, but leave room for the points still to come.
    t = std::max(t, previous + 1);
    t = std::min(t, total - (n - 1 - i));
    out.push_back(t);
    previous = t;
  }
  return out;
}

void Curve::add_row(std::int64_t iteration, std::vector<double> values) {
  if (values.size() != metrics.size())
    throw std::invalid_argument("Curve::add_row: " + std::to_string(values.size()) +
                                " values for " + std::to_string(metrics.size()) + " metrics");
  rows.push_back({iteration, std::move(values)});
}

int Curve::metric_index(std::string_view metric) const {
  for (std::size_t k = 0; k < metrics.size(); ++k)
    if (metrics[k] == metric) return static_cast<int>(k);
  return -1;
}

std::vector<double> Curve::column(std::string_view metric) const {
  const int k = metric_index(metric);
  if (k < 0) throw std::invalid_argument("Curve: no metric \"" + std::string(metric) + "\"");
  std::vector<double> out;
  out.reserve(rows.size());
  for (const Row& row : rows) out.push_back(row.values[k]);
  return out;
}

namespace {

// Shortest text that reads back as the same double.
std::string exact_text(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char text[64];
  auto [end, ec] = std::to_chars(text, text + sizeof text, v);
  return std::string(text, end);
}

}  // namespace

void write_curve_csv(const Curve& curve, std::ostream& out) {
  out << "iteration";
  for (const std::string& m : curve.metrics) out << ',' << m;
  out << '\n';
  for (const Curve::Row& row : curve.rows) {
    out << row.iteration;
    for (double v : row.values) out << ',' << exact_text(v);
    out << '\n';
  }
}

void write_curve_csv(const Curve& curve, const std::string& path) {
  std::ofstream out(path);
  if (!out) throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
  write_curve_csv(curve, out);
  out.flush();
  if (!out) throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
}

nlohmann::ordered_json curve_to_json(const Curve& curve) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const Curve::Row& row : curve.rows) {
    nlohmann::ordered_json r = nlohmann::ordered_json::object();
    r["iteration"] = row.iteration;
    for (std::size_t k = 0; k < curve.metrics.size(); ++k) r[curve.metrics[k]] = row.values[k];
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace eqlab

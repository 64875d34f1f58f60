#include <eqlab/algorithms/markov/potential/json_option_reader.hpp>

#include <cmath>

#include <eqlab/lib/error.hpp>

namespace eqlab {

JsonOptionReader::JsonOptionReader(const nlohmann::json& options, std::string solver,
                                   std::initializer_list<const char*> known)
    : options_(options), solver_(std::move(solver)) {
  if (options_.is_null()) return;
  if (!options_.is_object()) throw UsageError("solver " + solver_ + ": options must be a JSON object");
  for (const auto& item : options_.items()) {
    bool found = false;
    for (const char* k : known) found = found || item.key() == k;
    if (!found) throw UsageError("solver " + solver_ + ": unknown option '" + item.key() + "'");
  }
}

void JsonOptionReader::refuse(const char* key, const std::string& what) const {
  throw UsageError("solver " + solver_ + ": " + key + " must be " + what + ", not " + options_.at(key).dump());
}

bool JsonOptionReader::has(const char* key) const { return options_.is_object() && options_.contains(key); }

double JsonOptionReader::positive(const char* key, double fallback) const {
  if (!has(key)) return fallback;
  const nlohmann::json& v = options_.at(key);
  if (!v.is_number()) refuse(key, "a positive number");
  const double x = v.get<double>();
  if (!(x > 0.0) || !std::isfinite(x)) refuse(key, "a positive number");
  return x;
}

double JsonOptionReader::nonnegative(const char* key, double fallback) const {
  if (!has(key)) return fallback;
  const nlohmann::json& v = options_.at(key);
  if (!v.is_number()) refuse(key, "a nonnegative number");
  const double x = v.get<double>();
  if (!(x >= 0.0) || !std::isfinite(x)) refuse(key, "a nonnegative number");
  return x;
}

long long JsonOptionReader::whole(const char* key, long long fallback, long long low, long long high) const {
  if (!has(key)) return fallback;
  const nlohmann::json& v = options_.at(key);
  const std::string range = "a whole number from " + std::to_string(low) + " to " + std::to_string(high);
  if (!v.is_number()) refuse(key, range);
  const double x = v.get<double>();
  // Compared as doubles first so that a huge value cannot overflow the conversion.
  if (!(x >= static_cast<double>(low) && x <= static_cast<double>(high)) || std::floor(x) != x) refuse(key, range);
  return v.is_number_integer() ? v.get<long long>() : static_cast<long long>(x);
}

std::string JsonOptionReader::choice(const char* key, const std::string& fallback,
                                     std::initializer_list<const char*> allowed) const {
  if (!has(key)) return fallback;
  const nlohmann::json& v = options_.at(key);
  std::string list;
  for (const char* a : allowed) list += (list.empty() ? "\"" : ", \"") + std::string(a) + "\"";
  if (!v.is_string()) refuse(key, "one of " + list);
  const std::string text = v.get<std::string>();
  for (const char* a : allowed)
    if (text == a) return text;
  refuse(key, "one of " + list);
}

}  // namespace eqlab

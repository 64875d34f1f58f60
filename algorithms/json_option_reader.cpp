#include <eqlab/algorithms/json_option_reader.hpp>

#include <cmath>

#include <eqlab/algorithms/solver_params.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/near_names.hpp>

namespace eqlab {

JsonOptionReader::JsonOptionReader(const nlohmann::json& options, std::string solver,
                                   std::initializer_list<const char*> known)
    : JsonOptionReader(options, std::move(solver), std::vector<std::string>(known.begin(), known.end())) {}

JsonOptionReader::JsonOptionReader(const nlohmann::json& options, std::string solver,
                                   const std::vector<std::string>& known)
    : options_(options), solver_(std::move(solver)) {
  if (options_.is_null()) return;
  if (!options_.is_object()) throw UsageError("solver " + solver_ + ": the parameters must be a JSON object");
  for (const auto& item : options_.items()) {
    bool found = false;
    std::string list;
    for (const std::string& k : known) {
      found = found || item.key() == k;
      list += (list.empty() ? "" : ", ") + k;
    }
    if (!found) {
      std::string near = did_you_mean(item.key(), known);  // " (did you mean x?)"
      if (!near.empty()) near.pop_back();
      throw UsageError("solver " + solver_ + ": unknown parameter " + item.key() +
                       (known.empty()      ? std::string(" (it takes none)")
                        : near.empty()     ? " (" + list + ")"
                                           : near + " The parameters: " + list + ")"));
    }
  }
}

std::string JsonOptionReader::text(const char* key) const {
  const nlohmann::json& v = options_.at(key);
  return v.is_string() ? v.get<std::string>() : v.dump();
}

void JsonOptionReader::refuse(const char* key, const std::string& what) const {
  throw UsageError("solver " + solver_ + ": " + key + " must be " + what + ", not " + text(key));
}

bool JsonOptionReader::has(const char* key) const { return options_.is_object() && options_.contains(key); }

double JsonOptionReader::positive(const char* key, double fallback) const {
  return has(key) ? positive_number_param(text(key), solver_, key) : fallback;
}

double JsonOptionReader::nonnegative(const char* key, double fallback) const {
  return has(key) ? nonnegative_number_param(text(key), solver_, key) : fallback;
}

double JsonOptionReader::below_one(const char* key, double fallback) const {
  const double x = positive(key, fallback);
  if (!(x < 1.0)) refuse(key, "below 1");
  return x;
}

long long JsonOptionReader::whole(const char* key, long long fallback, long long low, long long high) const {
  if (!has(key)) return fallback;
  const nlohmann::json& v = options_.at(key);
  if (v.is_number_float()) {
    // 1e3 is a whole number too; compared as doubles first so that a huge value cannot
    // overflow the conversion.
    const double x = v.get<double>();
    if (!(x >= static_cast<double>(low) && x <= static_cast<double>(high)) || std::floor(x) != x)
      refuse(key, "a whole number from " + std::to_string(low) + " to " + std::to_string(high));
    return static_cast<long long>(x);
  }
  return whole_number_param(text(key), low, high, solver_, key);
}

bool JsonOptionReader::flag(const char* key, bool fallback) const {
  if (!has(key)) return fallback;
  const std::string t = text(key);
  if (t == "true" || t == "1") return true;
  if (t == "false" || t == "0") return false;
  refuse(key, "true or false");
}

std::string JsonOptionReader::preset() const {
  const std::string preset = choice("preset", "practical", {"practical", "paper", "theory"});
  return preset == "theory" ? "paper" : preset;
}

std::string JsonOptionReader::choice(const char* key, const std::string& fallback,
                                     std::initializer_list<const char*> allowed) const {
  return choice(key, fallback, std::vector<std::string>(allowed.begin(), allowed.end()));
}

std::string JsonOptionReader::choice(const char* key, const std::string& fallback,
                                     const std::vector<std::string>& allowed) const {
  if (!has(key)) return fallback;
  std::string list;
  for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
  const nlohmann::json& v = options_.at(key);
  if (v.is_string())
    for (const std::string& a : allowed)
      if (v.get<std::string>() == a) return a;
  refuse(key, "one of " + list);
}

}  // namespace eqlab

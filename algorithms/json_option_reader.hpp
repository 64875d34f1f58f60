#pragma once
// Reading a solver's options from a JSON object: every key must be known, and a value of
// the wrong kind is refused with a UsageError that names the solver and the key, so that
// a typo never silently falls back to a default. A value may be a JSON number (or bool)
// or the text of --param KEY=VALUE; text is checked by solver_params.hpp, so both read
// alike.
#include <initializer_list>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace eqlab {

class JsonOptionReader {
 public:
  // options may be null (no options) or an object whose keys are all in `known`; otherwise
  // "solver S: the parameters must be a JSON object" or "solver S: unknown parameter K
  // (the known keys)".
  JsonOptionReader(const nlohmann::json& options, std::string solver, std::initializer_list<const char*> known);
  JsonOptionReader(const nlohmann::json& options, std::string solver, const std::vector<std::string>& known);

  bool has(const char* key) const;
  // A positive finite number.
  double positive(const char* key, double fallback) const;
  // A finite number >= 0 (a bonus scale of 0 switches optimism off).
  double nonnegative(const char* key, double fallback) const;
  // A number in (0, 1), such as a failure probability.
  double below_one(const char* key, double fallback) const;
  // A whole number in [low, high] (an integer, or a JSON float with no fraction).
  long long whole(const char* key, long long fallback, long long low, long long high) const;
  // true or false (also the text or number 1 and 0).
  bool flag(const char* key, bool fallback) const;
  // One of the allowed strings.
  std::string choice(const char* key, const std::string& fallback, std::initializer_list<const char*> allowed) const;
  std::string choice(const char* key, const std::string& fallback, const std::vector<std::string>& allowed) const;
  // The key "preset" of the learners whose constants come from a paper: "practical"
  // (the default) or "paper", also accepted under its former name "theory".
  std::string preset() const;

 private:
  // The value as --param would have written it: a string as is, anything else as JSON.
  std::string text(const char* key) const;
  [[noreturn]] void refuse(const char* key, const std::string& what) const;
  const nlohmann::json& options_;
  std::string solver_;
};

}  // namespace eqlab

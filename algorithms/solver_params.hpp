#pragma once
// Reading solver parameters given as text (--param KEY=VALUE) or JSON numbers: the checks
// every solver's options share, with messages that name the solver and the key.
#include <string>

namespace eqlab {

// A positive finite number; UsageError "solver S: KEY must be a positive number, not V".
double positive_number_param(const std::string& text, const std::string& solver, const std::string& key);

// A finite number >= 0 (a scale that may switch something off); UsageError
// "solver S: KEY must be a number >= 0, not V".
double nonnegative_number_param(const std::string& text, const std::string& solver, const std::string& key);

// A whole number in [low, high]; UsageError naming the range otherwise.
long long whole_number_param(const std::string& text, long long low, long long high, const std::string& solver,
                             const std::string& key);

}  // namespace eqlab

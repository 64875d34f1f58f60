#include <eqlab/algorithms/solver_params.hpp>

#include <cmath>
#include <exception>

#include <eqlab/lib/error.hpp>

namespace eqlab {

double positive_number_param(const std::string& text, const std::string& solver, const std::string& key) {
  std::size_t used = 0;
  double number = 0.0;
  try {
    number = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || !(number > 0.0) || !std::isfinite(number))
    throw UsageError("solver " + solver + ": " + key + " must be a positive number, not " + text);
  return number;
}

long long whole_number_param(const std::string& text, long long low, long long high, const std::string& solver,
                             const std::string& key) {
  std::size_t used = 0;
  long long number = -1;
  try {
    number = std::stoll(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || number < low || number > high)
    throw UsageError("solver " + solver + ": " + key + " must be a whole number from " + std::to_string(low) + " to " +
                     std::to_string(high) + ", not " + text);
  return number;
}

}  // namespace eqlab

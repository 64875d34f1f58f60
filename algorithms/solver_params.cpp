#include <eqlab/algorithms/solver_params.hpp>

#include <cmath>
#include <exception>

#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace {

// The whole text as a finite number, or NaN when it is not one.
double finite_number(const std::string& text) {
  std::size_t used = 0;
  double number = std::nan("");  // stays NaN for empty text or one std::stod refuses
  try {
    number = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  return used == text.size() && std::isfinite(number) ? number : std::nan("");
}

}  // namespace

double positive_number_param(const std::string& text, const std::string& solver, const std::string& key) {
  const double number = finite_number(text);
  if (!(number > 0.0)) throw UsageError("solver " + solver + ": " + key + " must be a positive number, not " + text);
  return number;
}

double nonnegative_number_param(const std::string& text, const std::string& solver, const std::string& key) {
  const double number = finite_number(text);
  if (!(number >= 0.0)) throw UsageError("solver " + solver + ": " + key + " must be a number >= 0, not " + text);
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

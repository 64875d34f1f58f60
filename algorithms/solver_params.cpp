#include <eqlab/algorithms/solver_params.hpp>

#include <cmath>
#include <exception>
#include <utility>

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

std::string ParamSpec::what() const {
  switch (kind) {
    case Kind::positive: return "a positive number";
    case Kind::nonnegative: return "a number >= 0";
    case Kind::probability: return "a number in (0, 1)";
    case Kind::whole: return "a whole number from " + std::to_string(low) + " to " + std::to_string(high);
    case Kind::flag: return "true or false";
    case Kind::choice: {
      std::string list;
      for (const std::string& c : choices) list += (list.empty() ? "" : "|") + c;
      return list;
    }
  }
  return {};
}

namespace {

ParamSpec spec(std::string name, ParamSpec::Kind kind, std::string default_text, std::string doc, std::string source) {
  ParamSpec p;
  p.name = std::move(name);
  p.kind = kind;
  p.default_text = std::move(default_text);
  p.doc = std::move(doc);
  p.source = std::move(source);
  return p;
}

}  // namespace

ParamSpec positive_param(std::string name, std::string default_text, std::string doc, std::string source) {
  return spec(std::move(name), ParamSpec::Kind::positive, std::move(default_text), std::move(doc), std::move(source));
}
ParamSpec nonnegative_param(std::string name, std::string default_text, std::string doc, std::string source) {
  return spec(std::move(name), ParamSpec::Kind::nonnegative, std::move(default_text), std::move(doc), std::move(source));
}
ParamSpec probability_param(std::string name, std::string default_text, std::string doc, std::string source) {
  return spec(std::move(name), ParamSpec::Kind::probability, std::move(default_text), std::move(doc), std::move(source));
}
ParamSpec whole_param(std::string name, long long low, long long high, std::string default_text, std::string doc) {
  ParamSpec p = spec(std::move(name), ParamSpec::Kind::whole, std::move(default_text), std::move(doc), {});
  p.low = low;
  p.high = high;
  return p;
}
ParamSpec flag_param(std::string name, std::string default_text, std::string doc) {
  return spec(std::move(name), ParamSpec::Kind::flag, std::move(default_text), std::move(doc), {});
}
ParamSpec choice_param(std::string name, std::vector<std::string> choices, std::string default_text, std::string doc) {
  ParamSpec p = spec(std::move(name), ParamSpec::Kind::choice, std::move(default_text), std::move(doc), {});
  p.choices = std::move(choices);
  return p;
}

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

#include <eqlab/lib/number.hpp>

#include <charconv>
#include <cstdio>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace eqlab {

namespace {

__extension__ typedef __int128 i128;

std::optional<Number> from_wide(i128 num, i128 den) {
  if (den == 0) return std::nullopt;
  if (den < 0) num = -num, den = -den;
  i128 a = num < 0 ? -num : num, b = den;
  while (b != 0) {
    i128 t = a % b;
    a = b;
    b = t;
  }
  if (a > 1) num /= a, den /= a;
  constexpr i128 kMax = INT64_MAX;
  if (num > kMax || num < -kMax || den > kMax) return std::nullopt;
  Number n;
  n.num = static_cast<std::int64_t>(num);
  n.den = static_cast<std::int64_t>(den);
  n.value = static_cast<double>(n.num) / static_cast<double>(n.den);
  n.exact = true;
  return n;
}

bool parse_int(std::string_view text, std::int64_t& out) {
  if (text.empty()) return false;
  if (text.front() == '+') text.remove_prefix(1);
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

Number Number::rational(std::int64_t num, std::int64_t den) {
  if (den == 0) throw std::invalid_argument("rational with zero denominator");
  auto n = from_wide(num, den);
  return n ? *n : real(static_cast<double>(num) / static_cast<double>(den));
}

Number Number::real(double v) {
  if (std::isfinite(v) && v == std::nearbyint(v) && std::fabs(v) < 9.0e15)
    return integer(static_cast<std::int64_t>(v));
  return Number{v, 0, 1, false};
}

std::optional<Number> Number::parse(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  if (auto slash = text.find('/'); slash != std::string_view::npos) {
    std::int64_t p, q;
    if (!parse_int(text.substr(0, slash), p) || !parse_int(text.substr(slash + 1), q) || q == 0)
      return std::nullopt;
    return rational(p, q);
  }
  std::int64_t whole;
  if (parse_int(text, whole)) return integer(whole);
  // A decimal: exact when it has no exponent and few enough digits.
  double v;
  std::string_view body = text.front() == '+' ? text.substr(1) : text;
  auto [end, ec] = std::from_chars(body.data(), body.data() + body.size(), v);
  if (ec != std::errc() || end != body.data() + body.size() || !std::isfinite(v)) return std::nullopt;
  if (auto dot = body.find('.'); dot != std::string_view::npos &&
                                 body.find_first_of("eE") == std::string_view::npos) {
    std::string digits(body.substr(0, dot));
    std::string fraction(body.substr(dot + 1));
    if (digits.size() + fraction.size() <= 17) {
      std::int64_t scaled, den = 1;
      for (std::size_t i = 0; i < fraction.size(); ++i) den *= 10;
      std::string all = digits + fraction;
      if (all == "-" || all.empty()) return std::nullopt;
      if (parse_int(all, scaled)) return rational(scaled, den);
    }
  }
  return Number{v, 0, 1, false};
}

nlohmann::json Number::to_json() const {
  if (exact && den == 1) return num;
  if (exact) return std::to_string(num) + "/" + std::to_string(den);
  return value;
}

std::string Number::to_string() const {
  if (exact && den == 1) return std::to_string(num);
  if (exact) return std::to_string(num) + "/" + std::to_string(den);
  nlohmann::json j = value;
  return j.dump();
}

Number add(const Number& a, const Number& b) {
  if (a.exact && b.exact)
    if (auto n = from_wide(i128(a.num) * b.den + i128(b.num) * a.den, i128(a.den) * b.den)) return *n;
  return Number{a.value + b.value, 0, 1, false};
}

Number multiply(const Number& a, const Number& b) {
  if (a.exact && b.exact)
    if (auto n = from_wide(i128(a.num) * b.num, i128(a.den) * b.den)) return *n;
  return Number::real(a.value * b.value);
}

std::string payoff_range_problem(double payoff) {
  if (std::abs(payoff) <= kMaxPayoffMagnitude) return {};
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", payoff);
  return std::string("the payoff ") + text +
         " is larger in magnitude than 1e100, the most eqlab accepts (its sums and squares would run out of "
         "range): rescale the game's payoffs";
}

}  // namespace eqlab

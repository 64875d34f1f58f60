#include <eqlab/sim/result_files.hpp>

#include <charconv>
#include <cmath>

namespace eqlab {

std::string exact_number_text(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char text[64];
  auto [end, ec] = std::to_chars(text, text + sizeof text, v);
  return std::string(text, end);
}

}  // namespace eqlab

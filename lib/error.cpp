#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace {
std::string compose(const std::string& file, const std::string& pointer, const std::string& what) {
  std::string text;
  if (!file.empty()) text += file + ": ";
  if (!pointer.empty()) text += pointer + ": ";
  return text + what;
}
}  // namespace

InputError::InputError(std::string file, std::string pointer, std::string what)
    : std::runtime_error(compose(file, pointer, what)),
      file_(std::move(file)),
      pointer_(std::move(pointer)),
      detail_(std::move(what)) {}

std::string pointer_token(const std::string& token) {
  std::string out;
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

}  // namespace eqlab

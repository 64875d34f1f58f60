#include <eqlab/games/builtin/spec_text.hpp>

#include <algorithm>
#include <cctype>

#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string joined(const std::vector<std::string>& items) {
  std::string list;
  for (const std::string& s : items) list += (list.empty() ? "" : ", ") + s;
  return list;
}

}  // namespace

std::string_view spec_name(std::string_view spec) { return trim(spec.substr(0, spec.find('('))); }

SpecValues spec_values(const std::string& spec, const std::string& game, const std::vector<std::string>& keys) {
  const std::string malformed =
      "malformed game spec \"" + spec + "\": expected " + game + " or " + game + "(key=value,...) with keys " +
      joined(keys);
  SpecValues given;
  // Starts at the '(' when there is one, so only its closing ')' needs checking.
  const std::string_view rest = trim(std::string_view(spec).substr(std::min(spec.size(), spec.find('('))));
  if (!rest.empty()) {
    if (rest.size() < 2 || rest.back() != ')') throw UsageError(malformed);
    std::string_view body = trim(rest.substr(1, rest.size() - 2));
    while (!body.empty()) {
      const std::size_t comma = body.find(',');
      const std::string_view item = trim(body.substr(0, comma));
      body = comma == std::string_view::npos ? std::string_view{} : body.substr(comma + 1);
      if (comma != std::string_view::npos && trim(body).empty()) throw UsageError(malformed);
      const std::size_t eq = item.find('=');
      if (eq == std::string_view::npos) throw UsageError(malformed);
      const std::string key(trim(item.substr(0, eq)));
      const std::string_view value = trim(item.substr(eq + 1));
      if (key.empty() || value.empty() || value.find_first_of("()=") != std::string_view::npos)
        throw UsageError(malformed);
      if (!given.emplace(key, std::string(value)).second)
        throw UsageError(game + ": parameter " + key + " is given twice");
    }
  }
  for (const auto& entry : given)
    if (std::find(keys.begin(), keys.end(), entry.first) == keys.end())
      throw UsageError(game + ": unknown parameter \"" + entry.first + "\"; its parameters are " + joined(keys));
  return given;
}

}  // namespace eqlab

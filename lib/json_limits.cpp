#include <eqlab/lib/json_limits.hpp>

#include <nlohmann/json.hpp>

#include <eqlab/lib/error.hpp>

namespace eqlab {

void check_json_nesting(const std::string& text, int limit) {
  long long depth = 0;  // wider than the limit: stray closing brackets may drive it negative
  int line = 1;
  bool inside_string = false;
  bool after_backslash = false;
  for (const char c : text) {
    if (c == '\n') ++line;
    if (inside_string) {
      // Only an unescaped quote ends a string; brackets inside one do not count.
      if (after_backslash) after_backslash = false;
      else if (c == '\\') after_backslash = true;
      else if (c == '"') inside_string = false;
      continue;
    }
    switch (c) {
      case '"': inside_string = true; break;
      case '{':
      case '[':
        if (++depth > limit)
          throw InputError("line " + std::to_string(line), "JSON nesting deeper than the limit of " +
                                                               std::to_string(limit) +
                                                               " levels (raise it with --max-nesting)");
        break;
      case '}':
      case ']': --depth; break;
      default: break;
    }
  }
}

std::string describe_json_value(const nlohmann::json& value) {
  if (value.is_null()) return "null";
  return value.is_structured() ? std::string(value.type_name()) : value.dump();
}

}  // namespace eqlab

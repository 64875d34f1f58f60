#include <eqlab/lib/json_limits.hpp>

#include <vector>

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

namespace {

bool starts_number(char c) { return c == '-' || (c >= '0' && c <= '9'); }
bool in_number(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

}  // namespace

std::optional<std::string> find_json_number(const std::string& text, const std::string& token) {
  struct Frame {
    bool object = false;
    std::string key;
    std::size_t index = 0;
    bool expect_key = false;
  };
  std::vector<Frame> stack;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      // A string: a key when an object waits for one. Escapes are kept as written, which
      // only matters for keys that hold them.
      std::string value;
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
          const char e = text[++i];
          value += e == 'n' ? '\n' : e == 't' ? '\t' : e;
          continue;
        }
        value += text[i];
      }
      if (!stack.empty() && stack.back().object && stack.back().expect_key) {
        stack.back().key = std::move(value);
        stack.back().expect_key = false;
      }
      continue;
    }
    if (c == '{' || c == '[') {
      stack.push_back({c == '{', {}, 0, c == '{'});
    } else if (c == '}' || c == ']') {
      if (!stack.empty()) stack.pop_back();
    } else if (c == ',') {
      if (!stack.empty()) {
        if (stack.back().object) stack.back().expect_key = true;
        else ++stack.back().index;
      }
    } else if (starts_number(c)) {
      std::size_t end = i;
      while (end < text.size() && in_number(text[end])) ++end;
      if (text.compare(i, end - i, token) == 0) {
        std::string pointer;
        for (const Frame& f : stack) pointer += "/" + (f.object ? pointer_token(f.key) : std::to_string(f.index));
        return pointer;
      }
      i = end - 1;
    }
  }
  return std::nullopt;
}

nlohmann::json parse_json_text(const std::string& text, int max_nesting) {
  check_json_nesting(text, max_nesting);
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::out_of_range& e) {
    // "number overflow parsing '1e400'": the only out_of_range the parser raises.
    const std::string what = e.what();
    const std::size_t open = what.find('\''), close = what.rfind('\'');
    if (e.id != 406 || open == std::string::npos || close <= open) throw;
    const std::string token = what.substr(open + 1, close - open - 1);
    const std::optional<std::string> pointer = find_json_number(text, token);
    throw InputError(pointer ? (pointer->empty() ? "/" : *pointer) : "",
                     "the number " + token + " is outside the range of a double (magnitude below 1.8e308)");
  }
}

std::string describe_json_value(const nlohmann::json& value) {
  if (value.is_null()) return "null";
  return value.is_structured() ? std::string(value.type_name()) : value.dump();
}

}  // namespace eqlab

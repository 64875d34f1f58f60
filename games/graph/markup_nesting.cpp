#include <eqlab/games/graph/markup_nesting.hpp>

#include <cstring>

#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace {

[[noreturn]] void too_deep(int line, int limit, const char* what) {
  throw InputError("line " + std::to_string(line),
                   std::string(what) + " nested more than " + std::to_string(limit) + " levels deep");
}

// Moves i past the next occurrence of `end` (or to the end of text), counting lines.
void skip_past(const std::string& text, std::size_t& i, const char* end, int& line) {
  const std::size_t found = text.find(end, i);
  const std::size_t stop = found == std::string::npos ? text.size() : found + std::strlen(end);
  for (; i < stop; ++i) line += text[i] == '\n';
}

}  // namespace

void check_xml_nesting(const std::string& text, int limit) {
  int depth = 0, line = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (c != '<') {
      ++i;
      continue;
    }
    if (text.compare(i, 4, "<!--") == 0) {
      skip_past(text, i, "-->", line);
    } else if (text.compare(i, 9, "<![CDATA[") == 0) {
      skip_past(text, i, "]]>", line);
    } else if (text.compare(i, 2, "<?") == 0) {
      skip_past(text, i, "?>", line);
    } else if (text.compare(i, 2, "<!") == 0) {
      skip_past(text, i, ">", line);
    } else {
      const bool closing = text.compare(i, 2, "</") == 0;
      // To the end of the tag, past quoted attribute values (which may hold '>').
      char quote = 0;
      bool self_closing = false;
      for (++i; i < text.size(); ++i) {
        const char t = text[i];
        if (t == '\n') ++line;
        if (quote) {
          if (t == quote) quote = 0;
        } else if (t == '"' || t == '\'') {
          quote = t;
        } else if (t == '>') {
          self_closing = text[i - 1] == '/';
          ++i;
          break;
        }
      }
      if (closing) {
        if (depth > 0) --depth;
      } else if (!self_closing && ++depth > limit) {
        too_deep(line, limit, "XML elements");
      }
    }
  }
}

void check_dot_nesting(const std::string& text, int limit) {
  int depth = 0, line = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      ++i;
    } else if (c == '"') {  // a quoted string, with \" escapes
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) ++i;
        if (text[i] == '\n') ++line;
      }
      ++i;
    } else if (c == '<') {  // an HTML string: balanced angle brackets
      int angle = 0;
      for (; i < text.size(); ++i) {
        if (text[i] == '\n') ++line;
        if (text[i] == '<' && ++angle > limit) too_deep(line, limit, "HTML strings");
        if (text[i] == '>' && --angle == 0) break;
      }
      ++i;
    } else if (text.compare(i, 2, "//") == 0 || (c == '#' && (i == 0 || text[i - 1] == '\n'))) {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (text.compare(i, 2, "/*") == 0) {
      skip_past(text, i, "*/", line);
    } else {
      if (c == '{' || c == '[') {
        if (++depth > limit) too_deep(line, limit, "subgraphs and attribute lists");
      } else if ((c == '}' || c == ']') && depth > 0) {
        --depth;
      }
      ++i;
    }
  }
}

}  // namespace eqlab

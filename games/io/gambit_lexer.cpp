#include <eqlab/games/io/gambit_lexer.hpp>

#include <charconv>
#include <unordered_map>
#include <unordered_set>

#include <eqlab/lib/error.hpp>

namespace eqlab::gambit {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool ends_word(char c) { return is_space(c) || c == '{' || c == '}' || c == '"' || c == ','; }

// Long words are cut in messages so that a binary file does not produce a huge error.
std::string shorten(const std::string& text) {
  constexpr std::size_t kMax = 40;
  return text.size() <= kMax ? text : text.substr(0, kMax) + "...";
}

}  // namespace

Lexer::Lexer(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {
  // A UTF-8 byte order mark is not part of the first token.
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  advance();
}

Token Lexer::take() {
  Token t = std::move(next_);
  advance();
  return t;
}

void Lexer::advance() {
  // The end is reported just after the last token: that is where the file stops making sense.
  const Position after_last{line_, static_cast<int>(pos_ - line_start_) + 1};
  while (pos_ < text_.size() && is_space(text_[pos_])) {
    if (text_[pos_] == '\n') {
      ++line_;
      line_start_ = pos_ + 1;
    }
    ++pos_;
  }
  next_ = Token{};
  if (pos_ >= text_.size()) {
    next_.kind = TokenKind::end;
    next_.at = after_last;
    return;
  }
  next_.at = {line_, static_cast<int>(pos_ - line_start_) + 1};
  const char c = text_[pos_];
  if (c == '{' || c == '}' || c == ',') {
    next_.kind = c == '{' ? TokenKind::open : c == '}' ? TokenKind::close : TokenKind::comma;
    next_.text = std::string(1, c);
    ++pos_;
    return;
  }
  if (c == '"') {
    next_.kind = TokenKind::string;
    const Position start = next_.at;
    ++pos_;
    while (true) {
      if (pos_ >= text_.size()) fail(start, "unterminated string (no closing '\"')");
      char d = text_[pos_++];
      if (d == '"') break;
      if (d == '\\') {
        if (pos_ >= text_.size()) fail(start, "unterminated string (no closing '\"')");
        d = text_[pos_++];
      }
      if (d == '\n') {
        ++line_;
        line_start_ = pos_;
      }
      next_.text += d;
    }
    return;
  }
  next_.kind = TokenKind::word;
  const std::size_t start = pos_;
  while (pos_ < text_.size() && !ends_word(text_[pos_])) ++pos_;
  next_.text = std::string(text_.substr(start, pos_ - start));
}

std::string position_text(Position at) {
  return "line " + std::to_string(at.line) + ", column " + std::to_string(at.column);
}

void Lexer::fail(Position at, const std::string& what) const { throw InputError(file_, position_text(at), what); }

void Lexer::fail_expected(const std::string& expected) const {
  if (next_.kind == TokenKind::end) fail(next_.at, "unexpected end of file: expected " + expected);
  fail(next_.at, "expected " + expected + ", found " + describe(next_));
}

std::string Lexer::word(const std::string& what) {
  if (!at(TokenKind::word)) fail_expected(what);
  return take().text;
}

std::string Lexer::string(const std::string& what) {
  if (!at(TokenKind::string)) fail_expected(what + " (a quoted string)");
  return take().text;
}

void Lexer::open(const std::string& what) {
  if (!at(TokenKind::open)) fail_expected("'{' opening " + what);
  take();
}

void Lexer::close(const std::string& what) {
  if (!at(TokenKind::close)) fail_expected("'}' closing " + what);
  take();
}

std::int64_t Lexer::integer(const std::string& what, std::int64_t min, std::int64_t max) {
  if (!at(TokenKind::word)) fail_expected(what);
  const Token t = take();
  std::int64_t value = 0;
  const char* first = t.text.data();
  const char* last = first + t.text.size();
  if (first != last && *first == '+') ++first;
  auto [end, ec] = std::from_chars(first, last, value);
  if (ec != std::errc() || end != last)
    fail(t.at, "expected " + what + " (an integer), found '" + shorten(t.text) + "'");
  if (value < min || value > max)
    fail(t.at, what + " " + t.text + " is out of range (" + std::to_string(min) + " to " +
                     std::to_string(max) + ")");
  return value;
}

Number Lexer::number(const std::string& what) {
  if (!at(TokenKind::word)) fail_expected(what + " (a number)");
  const Token t = take();
  auto n = Number::parse(t.text);
  if (!n) fail(t.at, "expected " + what + " (a number), found '" + shorten(t.text) + "'");
  return *n;
}

Number Lexer::payoff(const std::string& what) {
  const Position at = next_.at;
  const Number u = number(what);
  if (const std::string problem = payoff_range_problem(u.value); !problem.empty()) fail(at, problem);
  return u;
}

void Lexer::optional_comma() {
  if (at(TokenKind::comma)) take();
}

std::vector<std::string> Lexer::string_list(const std::string& what) {
  open(what);
  std::vector<std::string> out;
  while (!at(TokenKind::close)) out.push_back(string("a name in " + what + " or '}'"));
  take();
  return out;
}

std::vector<Number> Lexer::payoff_list(const std::string& what) {
  open(what);
  std::vector<Number> out;
  while (!at(TokenKind::close)) {
    out.push_back(payoff("a number in " + what + " or '}'"));
    // Commas between numbers are optional, and one may close the list: { 5, 2, }, as
    // OpenSpiel's reader accepts.
    if (at(TokenKind::comma)) take();
  }
  take();
  return out;
}

std::string describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::end: return "end of file";
    case TokenKind::open: return "'{'";
    case TokenKind::close: return "'}'";
    case TokenKind::comma: return "','";
    case TokenKind::string: return "string \"" + shorten(token.text) + "\"";
    case TokenKind::word: break;
  }
  std::string out = "'";
  out += shorten(token.text);
  out += '\'';
  return out;
}

std::vector<std::string> unique_labels(const std::vector<std::string>& names,
                                       const std::vector<std::int64_t>& numbers,
                                       const std::string& prefix) {
  std::unordered_map<std::string, int> count;
  for (const std::string& n : names) ++count[n];
  // Every name that can serve as a label is kept, whatever the generated labels would be:
  // a generated label must never displace a name the file gave.
  std::unordered_set<std::string> taken;
  for (const std::string& n : names)
    if (!n.empty() && count[n] == 1) taken.insert(n);
  std::vector<std::string> out(names.size());
  for (std::size_t k = 0; k < names.size(); ++k) {
    const std::string& name = names[k];
    if (!name.empty() && count[name] == 1) {
      out[k] = name;
      continue;
    }
    std::string label = prefix + std::to_string(numbers[k]);
    while (!taken.insert(label).second) label += '\'';  // the generated label is a kept name
    out[k] = std::move(label);
  }
  return out;
}

std::vector<std::int64_t> positions(std::size_t count) {
  std::vector<std::int64_t> out(count);
  for (std::size_t k = 0; k < count; ++k) out[k] = static_cast<std::int64_t>(k) + 1;
  return out;
}

std::string game_name(const std::string& title, const std::string& file) {
  if (!title.empty()) return title;
  const auto slash = file.find_last_of("/\\");
  return slash == std::string::npos ? file : file.substr(slash + 1);
}

}  // namespace eqlab::gambit

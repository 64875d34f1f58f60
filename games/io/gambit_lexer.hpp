#pragma once
// The token level shared by the Gambit .efg and .nfg readers, and the rule that turns
// Gambit's names (which may be empty or repeated) into eqlab labels (which may not).
//
// Gambit text is a stream of tokens separated by white space: quoted strings (a backslash
// makes the next character literal, so \" is a quote), braces, commas, and words (numbers,
// node kinds, the "EFG"/"NFG" magic). Every token remembers where it starts so that every
// error can say "line L, column C" (columns count bytes from 1; a tab is one). The lexer
// never reads past the end: a truncated file is reported as "unexpected end of file" just
// after the last token.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <eqlab/lib/number.hpp>

namespace eqlab::gambit {

enum class TokenKind { end, word, string, open, close, comma };

// Where a token starts: its line and column, both from 1.
struct Position {
  int line = 1;
  int column = 1;
};
// "line L, column C": the pointer of an InputError from a Gambit file.
std::string position_text(Position at);

struct Token {
  TokenKind kind = TokenKind::end;
  std::string text;  // the word, or the string with its escapes resolved
  Position at;
};

class Lexer {
 public:
  Lexer(std::string_view text, std::string file);

  const Token& peek() const { return next_; }
  Token take();
  bool at(TokenKind kind) const { return next_.kind == kind; }
  // Bytes not yet read behind the next token: an upper bound on how many more tokens the
  // file can hold, used to refuse absurd declared sizes before allocating for them.
  std::size_t remaining_bytes() const { return text_.size() - pos_; }

  // Throws InputError(file, "line L, column C", what).
  [[noreturn]] void fail(Position at, const std::string& what) const;
  // Fails at the next token, saying what was expected and what was found instead.
  [[noreturn]] void fail_expected(const std::string& expected) const;

  // Each reads one token of the kind named, or fails naming `what` was expected.
  std::string word(const std::string& what);
  std::string string(const std::string& what);
  void open(const std::string& what);
  void close(const std::string& what);
  std::int64_t integer(const std::string& what, std::int64_t min, std::int64_t max);
  Number number(const std::string& what);
  // A payoff: a number whose magnitude is within kMaxPayoffMagnitude (lib/number.hpp), so
  // that sums and products of payoffs stay finite.
  Number payoff(const std::string& what);
  // Skips one comma if there is one: Gambit separates payoffs by commas, spaces or both.
  void optional_comma();

  // "{ "a" "b" ... }"
  std::vector<std::string> string_list(const std::string& what);
  // "{ 1, -1/2 3.5 }": payoffs separated by white space and/or single commas.
  std::vector<Number> payoff_list(const std::string& what);

  const std::string& file() const { return file_; }

 private:
  void advance();

  std::string_view text_;
  std::string file_;
  std::size_t pos_ = 0;
  int line_ = 1;
  std::size_t line_start_ = 0;  // where line_ starts in text_
  Token next_;
};

// How a found token is shown in messages: "end of file", "'{'", "\"text\"", "word 'x'".
std::string describe(const Token& token);

// Labels from Gambit names: item k keeps names[k] when that name is non-empty and occurs
// once in `names` (so distinct non-empty names are always kept as they are); otherwise it
// gets the generated label prefix + numbers[k], followed by as many ' as it takes to
// differ from the kept names and the labels generated before it. The result is always
// non-empty and distinct.
std::vector<std::string> unique_labels(const std::vector<std::string>& names,
                                       const std::vector<std::int64_t>& numbers,
                                       const std::string& prefix);
// 1, 2, ..., count: the numbers of items labelled by position.
std::vector<std::int64_t> positions(std::size_t count);

// The game's name: the title, or the last component of the file's path when it is empty.
std::string game_name(const std::string& title, const std::string& file);

}  // namespace eqlab::gambit

// Bad Gambit input: every error names the file, the line and the column, and nothing
// crashes.
#include <doctest/doctest.h>

#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/lib/error.hpp>

#include "io/test_gambit_util.hpp"

using namespace eqlab;
using namespace eqlab::test;

namespace {

const std::string kPoker = "catalog/books/myerson1991/fig2_1.efg";

struct Failure {
  bool thrown = false;
  std::string file, pointer, detail;
};

template <class Read>
Failure failure_of(Read read) {
  Failure f;
  try {
    read();
  } catch (const InputError& e) {
    f.thrown = true;
    f.file = e.file();
    f.pointer = e.pointer();
    f.detail = e.detail();
  }
  return f;
}

Failure efg_failure(const std::string& text) {
  return failure_of([&] { read_gambit_efg(text, "bad.efg"); });
}
Failure nfg_failure(const std::string& text) {
  return failure_of([&] { read_gambit_nfg(text, "bad.nfg"); });
}

std::string line(int n) { return "line " + std::to_string(n); }

// Checks that `f` is an InputError on line `where` (at some column) whose text contains
// `what`; the exact columns are checked below.
void check_failure(const Failure& f, const std::string& file, int where, const std::string& what) {
  INFO(f.pointer << ": " << f.detail);
  REQUIRE(f.thrown);
  CHECK(f.file == file);
  CHECK(f.pointer.rfind(line(where) + ", column ", 0) == 0);
  CHECK(f.detail.find(what) != std::string::npos);
}

int count_lines(const std::string& text) {
  int n = 1;
  for (char c : text) n += c == '\n';
  return n;
}

}  // namespace

TEST_CASE("errors in .efg and .nfg files name the line and column of the token at fault") {
  const std::string efg = "EFG 2 R \"x\" { \"P1\" \"P2\" }\n"
                          "\"\"\n"
                          "p \"\" 1 1 \"\" { \"L\" \"R\" } 0\n"
                          "t \"\" 1 \"\" { 1, x }\n"
                          "\tt \"\" 2 \"\" { 0, 0 }\n";
  Failure f = efg_failure(efg);
  CHECK(f.pointer == "line 4, column 16");  // the 'x'
  CHECK(f.detail == "expected a number in the payoffs of outcome 1 or '}' (a number), found 'x'");
  f = efg_failure(replace_once(efg, "{ 1, x }", "{ 1, 1 }").substr(0, efg.size() - 10));
  CHECK(f.pointer == "line 5, column 11");  // just after the last token, '""': a tab counts one column
  CHECK(f.detail.find("unexpected end of file") == 0);
  f = efg_failure(replace_once(efg, "{ 1, x }", "{ 1, 2e200 }"));
  CHECK(f.pointer == "line 4, column 16");  // the payoff out of range, not its outcome
  CHECK(f.detail.find("the payoff 2e+200 is larger in magnitude than 1e100") == 0);
  f = efg_failure(replace_once(efg, "p \"\" 1 1", "p \"\" 3 1"));
  CHECK(f.pointer == "line 3, column 6");
  f = nfg_failure("NFG 1 R \"x\" { \"P1\" \"P2\" } { 2 2 }\n\n1 2  3 x\n");
  CHECK(f.pointer == "line 3, column 8");
  CHECK(f.detail == "expected a payoff (a number), found 'x'");
  f = nfg_failure("NFG 1 R \"x\" { \"P1\" \"P2\" } { 2 2 }\n\"unterminated\n");
  CHECK(f.pointer == "line 2, column 1");
}

TEST_CASE("imperfect recall in a .efg file names the nodes' lines and columns, not a pointer into eqlab's JSON") {
  // Player 1 forgets its first move: infoset 2 follows both L and R.
  const std::string text = "EFG 2 R \"forgetful\" { \"P1\" \"P2\" }\n"
                           "\"\"\n"
                           "p \"\" 1 1 \"\" { \"L\" \"R\" } 0\n"
                           "  p \"\" 1 2 \"\" { \"l\" \"r\" } 0\n"
                           "    t \"\" 1 \"\" { 1, -1 }\n"
                           "    t \"\" 2 \"\" { 0, 0 }\n"
                           "  p \"\" 1 2 0\n"
                           "    t \"\" 3 \"\" { 2, -2 }\n"
                           "    t \"\" 4 \"\" { 3, -3 }\n";
  const Failure f = failure_of([&] { (void)compile(read_gambit_efg(text, "forgetful.efg").tree); });
  REQUIRE(f.thrown);
  CHECK(f.pointer == "line 7, column 3");
  CHECK(f.detail ==
        "imperfect recall: infoset \"#2\" of player 0 (P1) is reached at the node at line 4, column 3 with last own "
        "move \"L\" at infoset \"#1\" and at the node at line 7, column 3 with last own move \"R\" at infoset \"#1\"");
}

TEST_CASE("a truncated .efg file is reported at its last line") {
  const std::string text = read_text(kGambitData + "/" + kPoker);
  // Cut before the last terminal: the last decision node lacks its second child.
  const std::string cut = text.substr(0, text.find("t \"\" 4 \"Lose\""));
  const int last = count_lines(cut) - 1;  // the cut text ends with a newline
  const Failure f = efg_failure(cut);
  check_failure(f, "bad.efg", last, "unexpected end of file");
  // The open node is Fred's decision with the black card.
  CHECK(f.detail.find("the node at line " + std::to_string(line_of(text, "p \"\" 1 2")) +
                      " has 2 children but only 1 are given") != std::string::npos);
  // Cut in the middle of a payoff list.
  const std::string mid = text.substr(0, text.find("{ 2, -2 }") + 4);
  check_failure(efg_failure(mid), "bad.efg", line_of(text, "{ 2, -2 }"), "unexpected end of file");
  // Only the header.
  check_failure(efg_failure("EFG 2 R \"x\" { \"a\" }\n\"comment\"\n"), "bad.efg", 2, "the file has no nodes");
}

TEST_CASE("chance probabilities must sum to 1: exactly when exact, within 1e-9 otherwise") {
  const std::string text = read_text(kGambitData + "/" + kPoker);
  const int chance_line = line_of(text, "c \"\" 1");
  const std::string probs = "\"Red\" 1/2 \"Black\" 1/2";
  check_failure(efg_failure(replace_once(text, probs, "\"Red\" 1/2 \"Black\" 1/3")), "bad.efg", chance_line,
                "sum to 5/6, not 1");
  // 1/3 + 0.6666666666666667 is within 1e-9 of 1 but not exactly 1.
  check_failure(efg_failure(replace_once(text, probs, "\"Red\" 1/3 \"Black\" 0.6666666666666667")), "bad.efg",
                chance_line, "not 1");
  // 5e-1 is not an exact input, so the tolerance applies.
  CHECK_NOTHROW(read_gambit_efg(replace_once(text, probs, "\"Red\" 5e-1 \"Black\" 0.5000000000001"), "ok.efg"));
  check_failure(efg_failure(replace_once(text, probs, "\"Red\" 5e-1 \"Black\" 0.51")), "bad.efg", chance_line,
                "not 1");
  check_failure(efg_failure(replace_once(text, probs, "\"Red\" 3/2 \"Black\" -1/2")), "bad.efg", chance_line,
                "is negative");
}

TEST_CASE("an unknown player number is an error naming the line") {
  const std::string text = read_text(kGambitData + "/" + kPoker);
  const std::string node = "p \"\" 2 1 \"\" { \"Meet\" \"Pass\" } 0";
  const Failure f = efg_failure(replace_once(text, node, "p \"\" 3 1 \"\" { \"Meet\" \"Pass\" } 0"));
  check_failure(f, "bad.efg", line_of(text, node), "unknown player 3 (the game has 2 players");
  check_failure(efg_failure(replace_once(text, node, "p \"\" 0 1 \"\" { \"Meet\" \"Pass\" } 0")), "bad.efg",
                line_of(text, node), "unknown player 0");
  check_failure(efg_failure(replace_once(text, node, "p \"\" two 1 \"\" { \"Meet\" \"Pass\" } 0")), "bad.efg",
                line_of(text, node), "expected the player number (an integer), found 'two'");
}

TEST_CASE("outcome payoffs: missing, too few, or repeated differently") {
  const std::string text = read_text(kGambitData + "/" + kPoker);
  const std::string big = "t \"\" 1 \"Win Big\" { 2, -2 }";
  check_failure(efg_failure(replace_once(text, big, "t \"\" 1 \"Win Big\" { 2 }")), "bad.efg", line_of(text, big),
                "outcome 1 has 1 payoffs, but the game has 2 players");
  const std::string lose = "t \"\" 3 \"Lose Big\" { -2, 2 }";
  check_failure(efg_failure(replace_once(text, lose, "t \"\" 3")), "bad.efg", line_of(text, lose),
                "outcome 3 appears here for the first time without its name and payoffs");
  // A later use may repeat the description, but only exactly.
  const std::string win = "t \"\" 2 \"Win\" { 1, -1 }\nt \"\" 2 \"Win\" { 1, -1 }";
  const int second = line_of(text, win) + 1;
  check_failure(efg_failure(replace_once(text, win, "t \"\" 2 \"Win\" { 1, -1 }\nt \"\" 2 \"Win\" { 1, -2 }")),
                "bad.efg", second, "outcome 2 is described differently from its first appearance at line " +
                                       std::to_string(second - 1));
  CHECK_NOTHROW(read_gambit_efg(replace_once(text, win, "t \"\" 2 \"Win\" { 1, -1 }\nt \"\" 2"), "ok.efg"));
  check_failure(efg_failure(replace_once(text, big, "t \"\" 0 \"Win Big\" { 2, -2 }")), "bad.efg",
                line_of(text, big), "outcome 0 means \"no outcome\"");
  check_failure(efg_failure(replace_once(text, big, "t \"\" 1 \"Win Big\" { 2, x }")), "bad.efg",
                line_of(text, big), "found 'x'");
  // A comma may close the list (OpenSpiel's files do), but two in a row are an error.
  check_failure(efg_failure(replace_once(text, big, "t \"\" 1 \"Win Big\" { 2, }")), "bad.efg",
                line_of(text, big), "outcome 1 has 1 payoffs");
  check_failure(efg_failure(replace_once(text, big, "t \"\" 1 \"Win Big\" { 2,, -2 }")), "bad.efg",
                line_of(text, big), "found ','");
}

TEST_CASE("more .efg structure errors name their line") {
  const std::string text = read_text(kGambitData + "/" + kPoker);
  const std::string second_set = "p \"\" 1 2 \"\" { \"Raise\" \"Fold\" } 0";
  const int at = line_of(text, second_set);
  check_failure(efg_failure(replace_once(text, second_set, "p \"\" 1 1 \"\" { \"Raise\" \"Check\" } 0")), "bad.efg",
                at, "information set 1 of player 1 is described differently from its first appearance at line " +
                        std::to_string(line_of(text, "p \"\" 1 1")));
  check_failure(efg_failure(replace_once(text, second_set, "p \"\" 1 2 0")), "bad.efg", at,
                "information set 2 of player 1 appears here for the first time without its name and actions");
  check_failure(efg_failure(replace_once(text, second_set, "p \"\" 1 2 \"\" { } 0")), "bad.efg", at,
                "has no actions");
  check_failure(efg_failure(text + "t \"\" 0\n"), "bad.efg", count_lines(text), "a node after the end of the tree");
  check_failure(efg_failure(replace_once(text, second_set, "q \"\" 1 2 \"\" { \"Raise\" \"Fold\" } 0")), "bad.efg",
                at, "expected a node ('c', 'p' or 't'), found 'q'");
  check_failure(efg_failure(replace_once(text, "c \"\" 1 \"\" { \"Red\" 1/2 \"Black\" 1/2 } 0", "c \"\" 1 0")), "bad.efg",
                line_of(text, "c \"\" 1"),
                "chance event 1 appears here for the first time without its actions and probabilities");
  // Its name may be left out before the braces (OpenSpiel's reader allows it).
  CHECK_NOTHROW(read_gambit_efg(replace_once(text, "c \"\" 1 \"\" {", "c \"\" 1 {"), "ok.efg"));
  check_failure(efg_failure(replace_once(text, "Black\" 1/2 } 0", "Black\" 1/2 } {")), "bad.efg",
                line_of(text, "c \"\" 1"), "expected the outcome number, found '{'");
  check_failure(efg_failure("hello"), "bad.efg", 1, "expected 'EFG'");
  check_failure(efg_failure("EFG 3 R \"x\" { \"a\" }"), "bad.efg", 1, "unsupported .efg version '3'");
  check_failure(efg_failure("EFG 2 R \"x\" { }\nt \"\" 0"), "bad.efg", 1, "the game has no players");
  check_failure(efg_failure("EFG 2 R \"x\" { \"a\" }\n\n\"a comment\nthat never ends\n"), "bad.efg", 3,
                "unterminated string");
  // Escaped quotes are part of strings.
  const LoadedGame g = read_gambit_efg("EFG 2 R \"say \\\"hi\\\"\" { \"a\" }\nt \"\" 1 \"o\" { 1/2 }", "ok.efg");
  CHECK(g.name == "say \"hi\"");
}

TEST_CASE("bad .nfg files name their line") {
  const std::string pay = read_text(kGambitData + "/test_games/mixed_strategy.nfg");
  const int body = line_of(pay, "1 1 0 2");
  const std::string cut = pay.substr(0, pay.rfind('0'));
  check_failure(nfg_failure(cut), "bad.nfg", body, "12 payoffs are needed (2 per profile), only 11 are given");
  check_failure(nfg_failure(pay + " 7\n"), "bad.nfg", count_lines(pay), "unexpected '7' after the last payoff");
  check_failure(nfg_failure(replace_once(pay, "{ 3 2 }", "{ 3 }")), "bad.nfg", 1,
                "expected a strategy count for each of the 2 players, found 1");
  check_failure(nfg_failure(replace_once(pay, "{ 3 2 }", "{ 3 2 2 }")), "bad.nfg", 1, "more entries than the 2 players");
  check_failure(nfg_failure(replace_once(pay, "{ 3 2 }", "{ 3 0 }")), "bad.nfg", 1, "player 2 has no strategies");
  // Absurd sizes are refused before anything is allocated for them.
  check_failure(nfg_failure(replace_once(pay, "{ 3 2 }", "{ 100000 100000 }")), "bad.nfg", 1,
                "player 1 has 100000 strategies, more than the rest of the file could give payoffs for");
  std::string many = "NFG 1 R \"x\" { \"a\" \"b\" \"c\" } { 20 20 20 }\n";
  for (int k = 0; k < 60; ++k) many += "0 ";
  check_failure(nfg_failure(many), "bad.nfg", 1, "more strategy profiles than the file could list");
  check_failure(nfg_failure(replace_once(pay, "1 1 0 2", "1 1 0 1/0")), "bad.nfg", body, "found '1/0'");

  const std::string out = read_text(kGambitData + "/contrib/2x2x2.nfg");
  const int indices = line_of(out, "1 2 3 4 5 6 7 8");
  check_failure(nfg_failure(replace_once(out, "1 2 3 4 5 6 7 8", "1 2 3 4 5 6 7 9")), "bad.nfg", indices,
                "outcome 9 does not exist (the file defines 8 outcomes");
  check_failure(nfg_failure(replace_once(out, "1 2 3 4 5 6 7 8", "1 2 3 4 5 6 7")), "bad.nfg", indices,
                "8 outcome numbers are needed (one per profile), only 7 are given");
  check_failure(nfg_failure(replace_once(out, "{ \"\" 9, 8, 2 }", "{ \"\" 9, 8 }")), "bad.nfg",
                line_of(out, "{ \"\" 9, 8, 2 }"), "outcome 4 has 2 payoffs, but the game has 3 players");
  check_failure(nfg_failure("NFG 1 R \"x\" { \"a\" }"), "bad.nfg", 1, "unexpected end of file");
  check_failure(nfg_failure("EFG 2 R \"x\""), "bad.nfg", 1, "expected 'NFG'");
}

TEST_CASE("no prefix or one-character change of a Gambit file crashes the readers") {
  // Each variant either loads (and then compiles or fails with InputError) or fails with an
  // InputError naming a line.
  auto probe = [](const std::string& text, bool efg) {
    try {
      LoadedGame g = efg ? read_gambit_efg(text, "f") : read_gambit_nfg(text, "f");
      try {
        compile(g.tree);
      } catch (const InputError&) {
      }
      return true;
    } catch (const InputError& e) {
      return e.pointer().rfind("line ", 0) == 0 && e.file() == "f";
    }
  };
  const std::pair<std::string, bool> files[] = {
      {kPoker, true}, {"contrib/2x2x2.nfg", false}, {"test_games/mixed_strategy.nfg", false}};
  int variants = 0, failed = 0;
  for (const auto& [file, efg] : files) {
    const std::string text = read_text(kGambitData + "/" + file);
    for (std::size_t n = 0; n < text.size(); ++n, ++variants) failed += !probe(text.substr(0, n), efg);
    for (std::size_t k = 0; k < text.size(); ++k)
      for (char c : {'{', '}', '"', '\\', ',', '0', '-', '/', ' ', 'x'}) {
        std::string changed = text;
        changed[k] = c;
        ++variants;
        failed += !probe(changed, efg);
      }
  }
  CHECK(variants > 8000);
  CHECK(failed == 0);
}

TEST_CASE("a 100,000-deep Gambit tree loads and compiles without recursion") {
  const int depth = 100000;
  std::string text = "EFG 2 R \"chain\" { \"solo\" }\n\"\"\n";
  for (int k = 1; k <= depth; ++k) text += "p \"\" 1 " + std::to_string(k) + " \"\" { \"go\" \"stop\" } 0\n";
  text += "t \"\" 1 \"end\" { 1 }\n";
  for (int k = 1; k <= depth; ++k) text += "t \"\" 0\n";
  const LoadedGame g = read_gambit_efg(text, "chain.efg");
  CHECK(g.tree.num_nodes() == 2 * depth + 1);
  CHECK(g.tree.infosets.size() == static_cast<std::size_t>(depth));
  const CompiledGame c = compile(g.tree);
  CHECK(c.terminals.size() == depth + 1);
}

TEST_CASE("payoffs beyond 1e100 in magnitude are refused at their line, in .efg and .nfg files") {
  const std::string text = read_text(kGambitData + "/" + kPoker);
  const std::string big = "t \"\" 1 \"Win Big\" { 2, -2 }";
  check_failure(efg_failure(replace_once(text, big, "t \"\" 1 \"Win Big\" { 2, -2e101 }")), "bad.efg",
                line_of(text, big), "the payoff -2e+101 is larger in magnitude than 1e100");
  CHECK_NOTHROW(read_gambit_efg(replace_once(text, big, "t \"\" 1 \"Win Big\" { 2, -1e100 }"), "ok.efg"));
  // Both .nfg forms: a payoff list, and outcomes.
  check_failure(nfg_failure("NFG 1 R \"g\" { \"a\" \"b\" } { 2 2 }\n1 -1 -1 1\n-1 1 1e150 -1\n"), "bad.nfg", 3,
                "the payoff 1e+150 is larger in magnitude than 1e100");
  check_failure(nfg_failure("NFG 1 R \"g\" { \"a\" \"b\" }\n{ { \"x\" \"y\" } { \"z\" } }\n\"\"\n"
                            "{ { \"o\" 1, -1 }\n{ \"p\" 3e200 0 } }\n1 2\n"),
                "bad.nfg", 5, "the payoff 3e+200 is larger in magnitude than 1e100");
}

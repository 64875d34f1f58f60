#include <eqlab/games/io/gambit_nfg.hpp>

#include <cstdint>
#include <limits>
#include <vector>

#include <eqlab/games/io/gambit_lexer.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace {

using gambit::Lexer;
using gambit::TokenKind;

// Walks the profiles in Gambit's order (player 1's strategy varies fastest) and keeps the
// matching flat index in eqlab's order (player 0's strategy most significant).
class ProfileOrder {
 public:
  explicit ProfileOrder(const std::vector<std::size_t>& counts)
      : counts_(counts), digit_(counts.size(), 0), stride_(counts.size(), 1) {
    for (int p = static_cast<int>(counts.size()) - 2; p >= 0; --p) stride_[p] = stride_[p + 1] * counts[p + 1];
  }
  std::size_t eqlab_index() const { return index_; }
  void advance() {
    for (std::size_t p = 0; p < counts_.size(); ++p) {
      if (++digit_[p] < counts_[p]) {
        index_ += stride_[p];
        return;
      }
      digit_[p] = 0;
      index_ -= (counts_[p] - 1) * stride_[p];
    }
  }

 private:
  std::vector<std::size_t> counts_, digit_, stride_;
  std::size_t index_ = 0;
};

class NfgReader {
 public:
  NfgReader(const std::string& text, const std::string& file) : lex_(text, file), file_(file) {}

  LoadedGame read() {
    header();
    NormalGame& g = game_;
    const int n = g.num_players();
    const std::size_t profiles = count_profiles();
    g.payoffs.assign(profiles * n, Number::integer(0));
    ProfileOrder order(counts_);
    if (outcome_version_) {
      const std::vector<std::vector<Number>> outcomes = outcome_list();
      const std::int64_t last = static_cast<std::int64_t>(outcomes.size());
      for (std::size_t k = 0; k < profiles; ++k, order.advance()) {
        const gambit::Position at = lex_.peek().at;
        if (lex_.at(TokenKind::end))
          lex_.fail(at, "unexpected end of file: " + std::to_string(profiles) +
                            " outcome numbers are needed (one per profile), only " + std::to_string(k) +
                            " are given");
        const std::int64_t o = lex_.integer("an outcome number", 0, std::numeric_limits<std::int64_t>::max());
        if (o > last)
          lex_.fail(at, "outcome " + std::to_string(o) + " does not exist (the file defines " +
                            std::to_string(last) + " outcomes, numbered from 1; 0 means all payoffs 0)");
        if (o > 0)
          for (int p = 0; p < n; ++p) g.payoffs[order.eqlab_index() * n + p] = outcomes[o - 1][p];
      }
    } else {
      for (std::size_t k = 0; k < profiles; ++k, order.advance()) {
        for (int p = 0; p < n; ++p) {
          if (lex_.at(TokenKind::end))
            lex_.fail(lex_.peek().at, "unexpected end of file: " + std::to_string(profiles * n) +
                                            " payoffs are needed (" + std::to_string(n) + " per profile), only " +
                                            std::to_string(k * n + p) + " are given");
          if (k + p > 0) lex_.optional_comma();
          g.payoffs[order.eqlab_index() * n + p] = lex_.payoff("a payoff");
        }
      }
    }
    if (!lex_.at(TokenKind::end))
      lex_.fail(lex_.peek().at, "unexpected " + gambit::describe(lex_.peek()) + " after the last " +
                                      (outcome_version_ ? "outcome number" : "payoff") + " (the game has " +
                                      std::to_string(profiles) + " profiles)");
    LoadedGame out;
    out.type = "normal";
    out.name = g.name;
    out.tree = g.to_tree();
    out.normal = std::move(game_);
    return out;
  }

 private:
  void header() {
    if (!lex_.at(TokenKind::word) || lex_.peek().text != "NFG")
      lex_.fail_expected("'NFG' (the start of a Gambit strategic game file)");
    lex_.take();
    const gambit::Position version_line = lex_.peek().at;
    const std::string version = lex_.word("the format version 1");
    if (version != "1") lex_.fail(version_line, "unsupported .nfg version '" + version + "' (only version 1 is read)");
    const gambit::Position kind_line = lex_.peek().at;
    const std::string kind = lex_.word("'R' after the version");
    if (kind != "R" && kind != "D") lex_.fail(kind_line, "expected 'R' after the version, found '" + kind + "'");
    const std::string title = lex_.string("the game's title");
    header_line_ = lex_.peek().at;
    const std::vector<std::string> names = lex_.string_list("the list of player names");
    if (names.empty()) lex_.fail(header_line_, "the game has no players");
    const std::size_t n = names.size();
    game_.name = gambit::game_name(title, file_);
    game_.players = gambit::unique_labels(names, gambit::positions(n), "Player ");
    game_.actions.resize(n);

    const gambit::Position strategies_line = lex_.peek().at;
    lex_.open("the strategies (counts or names per player)");
    const bool named = lex_.at(TokenKind::open);
    for (std::size_t p = 0; p < n; ++p) {
      const std::string whose = "player " + std::to_string(p + 1);
      if (named) {
        const gambit::Position at = lex_.peek().at;
        const std::vector<std::string> strategies = lex_.string_list("the strategy names of " + whose);
        if (strategies.empty()) lex_.fail(at, whose + " has no strategies");
        game_.actions[p] = gambit::unique_labels(strategies, gambit::positions(strategies.size()), "");
      } else {
        const gambit::Position at = lex_.peek().at;
        if (lex_.at(TokenKind::close))
          lex_.fail(at, "expected a strategy count for each of the " + std::to_string(n) +
                            " players, found " + std::to_string(p));
        const std::int64_t count = lex_.integer("the strategy count of " + whose, 0, std::numeric_limits<int>::max());
        if (count == 0) lex_.fail(at, whose + " has no strategies");
        // Each strategy needs at least one payoff in the rest of the file.
        if (static_cast<std::size_t>(count) > lex_.remaining_bytes())
          lex_.fail(at, whose + " has " + std::to_string(count) +
                            " strategies, more than the rest of the file could give payoffs for");
        game_.actions[p] = gambit::unique_labels(std::vector<std::string>(count),
                                                 gambit::positions(static_cast<std::size_t>(count)), "");
      }
      counts_.push_back(game_.actions[p].size());
    }
    if (!lex_.at(TokenKind::close))
      lex_.fail(lex_.peek().at, "the strategy list (line " + std::to_string(strategies_line.line) +
                                      ") has more entries than the " + std::to_string(n) + " players");
    lex_.take();
    if (lex_.at(TokenKind::string)) lex_.take();  // the optional comment
    // The body decides the version: a braced list of outcomes, or bare payoffs. (The
    // header's form does not: Gambit writes strategy names with either body.)
    outcome_version_ = lex_.at(TokenKind::open);
  }

  // The number of profiles, refused before anything is allocated when the rest of the file
  // is too short to hold one number per profile (each needs at least one byte).
  std::size_t count_profiles() {
    const std::size_t bound = lex_.remaining_bytes() + 1;
    std::size_t profiles = 1;
    for (std::size_t c : counts_) {
      if (profiles > bound / c)
        lex_.fail(header_line_, "the game has more strategy profiles than the file could list");
      profiles *= c;
    }
    if (!outcome_version_ && profiles > bound / counts_.size())
      lex_.fail(header_line_, "the game has more strategy profiles than the file could list");
    return profiles;
  }

  std::vector<std::vector<Number>> outcome_list() {
    const std::size_t n = counts_.size();
    std::vector<std::vector<Number>> outcomes;
    lex_.open("the list of outcomes");
    while (!lex_.at(TokenKind::close)) {
      const gambit::Position at = lex_.peek().at;
      const std::string what = "outcome " + std::to_string(outcomes.size() + 1);
      lex_.open(what + " (or '}' closing the list of outcomes)");
      lex_.string("the name of " + what);
      std::vector<Number> payoffs;
      while (!lex_.at(TokenKind::close)) {
        if (!payoffs.empty()) lex_.optional_comma();
        payoffs.push_back(lex_.payoff("a payoff of " + what + " or '}'"));
      }
      lex_.take();
      if (payoffs.size() != n)
        lex_.fail(at, what + " has " + std::to_string(payoffs.size()) + " payoffs, but the game has " +
                          std::to_string(n) + " players");
      outcomes.push_back(std::move(payoffs));
    }
    lex_.take();
    return outcomes;
  }

  Lexer lex_;
  std::string file_;
  NormalGame game_;
  std::vector<std::size_t> counts_;
  bool outcome_version_ = false;
  gambit::Position header_line_;
};

}  // namespace

LoadedGame read_gambit_nfg(const std::string& text, const std::string& file) {
  return NfgReader(text, file).read();
}

}  // namespace eqlab

#include <eqlab/games/io/gambit_efg.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <unordered_map>
#include <utility>
#include <vector>

#include <eqlab/games/io/gambit_lexer.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace {

using gambit::Lexer;
using gambit::positions;
using gambit::TokenKind;

constexpr std::int64_t kMaxNumber = std::numeric_limits<std::int64_t>::max();

// An information set or chance event, as described where it first appears.
struct Described {
  std::int64_t number = 0;
  gambit::Position at;
  std::string name;
  std::vector<std::string> actions;
  std::vector<Number> probs;  // chance events only
};

struct Outcome {
  gambit::Position at;
  std::string name;
  std::vector<Number> payoffs;
};

// One node as read, before labels are settled (they depend on the whole file).
struct ParsedNode {
  NodeKind kind = NodeKind::terminal;
  gambit::Position at;
  std::string name;
  int player = kChancePlayer;  // decision nodes, 0-based
  int infoset = -1;           // into infosets_[player] (decision) or events_ (chance)
  int outcome = -1;           // into outcomes_, -1 for none
  int num_children = 0;
};

bool same_number(const Number& a, const Number& b) {
  if (a.exact && b.exact) return a.num == b.num && a.den == b.den;
  return a.value == b.value;
}

bool same_numbers(const std::vector<Number>& a, const std::vector<Number>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (!same_number(a[k], b[k])) return false;
  return true;
}

class EfgReader {
 public:
  EfgReader(const std::string& text, const std::string& file) : lex_(text, file), file_(file) {}

  LoadedGame read() {
    header();
    if (lex_.at(TokenKind::end)) lex_.fail(lex_.peek().at, "the file has no nodes");
    while (!lex_.at(TokenKind::end)) node();
    if (!open_.empty()) {
      const ParsedNode& n = nodes_[open_.back().first];
      lex_.fail(lex_.peek().at, "unexpected end of file: the node at line " + std::to_string(n.at.line) +
                                      " has " + std::to_string(n.num_children) + " children but only " +
                                      std::to_string(n.num_children - open_.back().second) +
                                      " are given");
    }
    return build();
  }

 private:
  void header() {
    if (!lex_.at(TokenKind::word) || lex_.peek().text != "EFG")
      lex_.fail_expected("'EFG' (the start of a Gambit extensive game file)");
    lex_.take();
    const gambit::Position version_line = lex_.peek().at;
    const std::string version = lex_.word("the format version 2");
    if (version != "2") lex_.fail(version_line, "unsupported .efg version '" + version + "' (only version 2 is read)");
    const gambit::Position kind_line = lex_.peek().at;
    const std::string kind = lex_.word("'R' after the version");
    if (kind != "R" && kind != "D") lex_.fail(kind_line, "expected 'R' after the version, found '" + kind + "'");
    title_ = lex_.string("the game's title");
    const gambit::Position players_line = lex_.peek().at;
    player_names_ = lex_.string_list("the list of player names");
    if (player_names_.empty()) lex_.fail(players_line, "the game has no players");
    infosets_.resize(player_names_.size());
    infoset_index_.resize(player_names_.size());
    if (lex_.at(TokenKind::string)) lex_.take();  // the optional comment
  }

  int num_players() const { return static_cast<int>(player_names_.size()); }

  void node() {
    ParsedNode n;
    n.at = lex_.peek().at;
    const std::string kind = lex_.word("a node ('c', 'p' or 't')");
    if (kind != "c" && kind != "p" && kind != "t")
      lex_.fail(n.at, "expected a node ('c', 'p' or 't'), found '" + kind + "'");
    if (!nodes_.empty() && open_.empty())
      lex_.fail(n.at, "a node after the end of the tree (the tree that starts at line " +
                          std::to_string(nodes_.front().at.line) + " is already complete)");
    n.name = lex_.string("the node's name");
    if (kind == "c") {
      n.kind = NodeKind::chance;
      n.infoset = chance_event();
      n.num_children = static_cast<int>(events_[n.infoset].actions.size());
    } else if (kind == "p") {
      n.kind = NodeKind::decision;
      const gambit::Position player_line = lex_.peek().at;
      const std::int64_t player = lex_.integer("the player number", std::numeric_limits<std::int64_t>::min(), kMaxNumber);
      if (player < 1 || player > num_players())
        lex_.fail(player_line, "unknown player " + std::to_string(player) + " (the game has " +
                                   std::to_string(num_players()) + " players, numbered from 1)");
      n.player = static_cast<int>(player) - 1;
      n.infoset = decision_infoset(n.player);
      n.num_children = static_cast<int>(infosets_[n.player][n.infoset].actions.size());
    } else {
      n.kind = NodeKind::terminal;
    }
    n.outcome = outcome();

    // Prefix order: the node is the next missing child of the innermost open node.
    if (!open_.empty()) --open_.back().second;
    const int index = static_cast<int>(nodes_.size());
    nodes_.push_back(std::move(n));
    if (nodes_.back().num_children > 0) open_.emplace_back(index, nodes_.back().num_children);
    while (!open_.empty() && open_.back().second == 0) open_.pop_back();
  }

  int decision_infoset(int player) {
    const gambit::Position at = lex_.peek().at;
    const std::int64_t number = lex_.integer("the information set number", 1, kMaxNumber);
    const std::string what = "information set " + std::to_string(number) + " of player " + std::to_string(player + 1);
    Described d;
    d.number = number;
    d.at = at;
    // The name may be left out before the actions, as OpenSpiel's reader allows.
    const bool described = lex_.at(TokenKind::string) || lex_.at(TokenKind::open);
    if (described) {
      if (lex_.at(TokenKind::string)) d.name = lex_.take().text;
      d.actions = lex_.string_list("the actions of " + what);
      if (d.actions.empty()) lex_.fail(at, what + " has no actions");
    }
    return register_described(infoset_index_[player], infosets_[player], std::move(d), described, what,
                              "its name and actions");
  }

  // Finds or adds an infoset or chance event by number. Gambit describes each at its first
  // appearance; a later appearance may leave the description out or repeat it exactly.
  int register_described(std::unordered_map<std::int64_t, int>& index, std::vector<Described>& list, Described d,
                         bool described, const std::string& what, const std::string& description) {
    if (auto it = index.find(d.number); it != index.end()) {
      const Described& first = list[it->second];
      if (described && (d.name != first.name || d.actions != first.actions || !same_numbers(d.probs, first.probs)))
        lex_.fail(d.at, what + " is described differently from its first appearance at line " +
                            std::to_string(first.at.line) + " (a repeated description must match exactly)");
      return it->second;
    }
    if (!described) lex_.fail(d.at, what + " appears here for the first time without " + description);
    index.emplace(d.number, static_cast<int>(list.size()));
    list.push_back(std::move(d));
    return static_cast<int>(list.size()) - 1;
  }

  int chance_event() {
    const gambit::Position at = lex_.peek().at;
    const std::int64_t number = lex_.integer("the chance event number", 1, kMaxNumber);
    const std::string what = "chance event " + std::to_string(number);
    Described d;
    d.number = number;
    d.at = at;
    const bool described = lex_.at(TokenKind::string) || lex_.at(TokenKind::open);
    if (described) {
      if (lex_.at(TokenKind::string)) d.name = lex_.take().text;
      lex_.open("the actions and probabilities of " + what);
      while (!lex_.at(TokenKind::close)) {
        d.actions.push_back(lex_.string("an action name or '}' in " + what));
        const gambit::Position prob_line = lex_.peek().at;
        d.probs.push_back(lex_.number("the probability of action \"" + d.actions.back() + "\""));
        if (d.probs.back().value < 0)
          lex_.fail(prob_line, "the probability of action \"" + d.actions.back() + "\" of " + what +
                                   " is negative (" + d.probs.back().to_string() + ")");
        lex_.optional_comma();
      }
      lex_.take();
      if (d.actions.empty()) lex_.fail(at, what + " has no actions");
      check_probability_sum(d, what);
    }
    return register_described(event_index_, events_, std::move(d), described, what,
                              "its actions and probabilities");
  }

  void check_probability_sum(const Described& d, const std::string& what) {
    Number sum = Number::integer(0);
    bool exact = true;
    for (const Number& p : d.probs) {
      sum = add(sum, p);
      exact = exact && p.exact;
    }
    if (exact && !sum.exact)
      lex_.fail(d.at, "the exact sum of the probabilities of " + what +
                            " does not fit in 64-bit rationals, so it cannot be checked; use smaller denominators");
    const bool ok = exact ? sum.num == 1 && sum.den == 1 : std::fabs(sum.value - 1.0) <= 1e-9;
    if (!ok) lex_.fail(d.at, "the probabilities of " + what + " sum to " + sum.to_string() + ", not 1");
  }

  int outcome() {
    const gambit::Position at = lex_.peek().at;
    const std::int64_t number = lex_.integer("the outcome number", 0, kMaxNumber);
    const std::string what = "outcome " + std::to_string(number);
    Outcome o;
    o.at = at;
    const bool described = lex_.at(TokenKind::string) || lex_.at(TokenKind::open);
    if (described) {
      if (lex_.at(TokenKind::string)) o.name = lex_.take().text;
      o.payoffs = lex_.payoff_list("the payoffs of " + what);
      if (number == 0) lex_.fail(at, "outcome 0 means \"no outcome\" and cannot have a name or payoffs");
      if (static_cast<int>(o.payoffs.size()) != num_players())
        lex_.fail(at, what + " has " + std::to_string(o.payoffs.size()) + " payoffs, but the game has " +
                          std::to_string(num_players()) + " players");
    }
    if (number == 0) return -1;
    if (auto it = outcome_index_.find(number); it != outcome_index_.end()) {
      const Outcome& first = outcomes_[it->second];
      if (described && (o.name != first.name || !same_numbers(o.payoffs, first.payoffs)))
        lex_.fail(at, what + " is described differently from its first appearance at line " +
                          std::to_string(first.at.line) + " (a repeated description must match exactly)");
      return it->second;
    }
    if (!described) lex_.fail(at, what + " appears here for the first time without its name and payoffs");
    outcome_index_.emplace(number, static_cast<int>(outcomes_.size()));
    outcomes_.push_back(std::move(o));
    return static_cast<int>(outcomes_.size()) - 1;
  }

  // Second pass: labels from the whole file, then the tree in prefix order.
  LoadedGame build() {
    const int n = num_players();
    LoadedGame game;
    game.type = "extensive";
    game.name = gambit::game_name(title_, file_);
    GameTree& tree = game.tree;
    tree = GameTree(gambit::unique_labels(player_names_, positions(n), "Player "), game.name);

    std::vector<std::vector<std::string>> infoset_labels(n);
    std::vector<std::vector<int>> tree_infoset(n);
    for (int p = 0; p < n; ++p) {
      std::vector<std::string> names;
      std::vector<std::int64_t> numbers;
      for (const Described& d : infosets_[p]) {
        names.push_back(d.name);
        numbers.push_back(d.number);
      }
      infoset_labels[p] = gambit::unique_labels(names, numbers, "#");
      tree_infoset[p].assign(infosets_[p].size(), -1);
    }
    std::vector<std::vector<std::string>> event_actions;
    for (const Described& d : events_) event_actions.push_back(gambit::unique_labels(d.actions, positions(d.actions.size()), ""));

    std::unordered_map<std::string, int> name_count;
    for (const ParsedNode& v : nodes_)
      if (!v.name.empty()) ++name_count[v.name];

    struct Frame {
      int node;
      int next_edge;
      int num_children;
      std::vector<Number> accumulated;  // sum of the outcomes from the root to this node
    };
    std::vector<Frame> stack;
    for (const ParsedNode& v : nodes_) {
      std::vector<Number> accumulated = stack.empty() ? std::vector<Number>(n, Number::integer(0)) : stack.back().accumulated;
      if (v.outcome >= 0)
        for (int p = 0; p < n; ++p) accumulated[p] = add(accumulated[p], outcomes_[v.outcome].payoffs[p]);
      std::string id = !v.name.empty() && name_count[v.name] == 1 ? v.name : std::string();
      GameTree::NodeSpec spec;
      if (v.kind == NodeKind::terminal) {
        spec = GameTree::terminal_node(accumulated, std::move(id));
      } else if (v.kind == NodeKind::chance) {
        spec = GameTree::chance_node(events_[v.infoset].probs, event_actions[v.infoset], std::move(id));
      } else {
        int& k = tree_infoset[v.player][v.infoset];
        if (k < 0) {
          const Described& d = infosets_[v.player][v.infoset];
          k = tree.infoset(v.player, infoset_labels[v.player][v.infoset],
                           gambit::unique_labels(d.actions, positions(d.actions.size()), ""),
                           gambit::position_text(v.at));
        }
        spec = GameTree::decision_node(k, std::move(id));
      }
      int index;
      if (stack.empty()) {
        index = tree.add_root(std::move(spec));
      } else {
        Frame& parent = stack.back();
        index = tree.add_child(parent.node, parent.next_edge++, std::move(spec));
      }
      tree.node_sources.push_back(gambit::position_text(v.at));  // node `index`, the last one added
      if (v.num_children > 0) stack.push_back({index, 0, v.num_children, std::move(accumulated)});
      while (!stack.empty() && stack.back().next_edge == stack.back().num_children) stack.pop_back();
    }
    tree.finalize();
    return game;
  }

  Lexer lex_;
  std::string file_;
  std::string title_;
  std::vector<std::string> player_names_;
  std::vector<std::vector<Described>> infosets_;  // per player, in order of first appearance
  std::vector<std::unordered_map<std::int64_t, int>> infoset_index_;
  std::vector<Described> events_;
  std::unordered_map<std::int64_t, int> event_index_;
  std::vector<Outcome> outcomes_;
  std::unordered_map<std::int64_t, int> outcome_index_;
  std::vector<ParsedNode> nodes_;
  std::vector<std::pair<int, int>> open_;  // nodes still missing children: (node, how many)
};

}  // namespace

LoadedGame read_gambit_efg(const std::string& text, const std::string& file) {
  try {
    return EfgReader(text, file).read();
  } catch (const InputError& e) {
    // GameTree's own checks do not know the file.
    if (e.file().empty()) throw e.in_file(file);
    throw;
  }
}

}  // namespace eqlab

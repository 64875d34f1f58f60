// A seeded generator of random imperfect-information games with perfect recall. Every
// path has `depth` moves; each non-terminal node is a chance node with probability
// `chance`, else a decision node of a uniformly drawn player; every node has `branching`
// children. Chance probabilities are random weights 1..4 normalised (exact rationals).
// Payoffs are integers in [-5, 5]; with zero_sum each player's draw minus the mean of
// all draws (exact rationals that sum to 0).
//
// Information: a player's infoset label is its chronological record of the moves so far:
// "a<k>" for its own action k, and for every other move a token it observed: "x<k mod 2>"
// (another player's action, coarsely), "c<k mod 2>" (a chance outcome, coarsely) or "?"
// (that a move happened, nothing more); whether an observer sees a given move is drawn
// once per node and observer. The record contains every own action in order, so nodes
// that share a label share the player's whole own history: perfect recall holds by
// construction. The empty record is labelled "start".
//
// The tree comes from one counter-based stream keyed by the seed, consumed in the fixed
// depth-first build order: the same options give the same game, bit for bit.
#include <cstdint>
#include <string>
#include <vector>

#include <eqlab/games/builtin/builders.hpp>
#include <eqlab/games/builtin/depth_first.hpp>
#include <eqlab/lib/number.hpp>
#include <eqlab/lib/rng.hpp>

namespace eqlab::builtin {

namespace {

constexpr std::uint64_t kRandomGamePurpose = 0x72616e646f6d6766ULL;  // "randomgf"
constexpr int kMaxPayoff = 5;
constexpr int kMaxChanceWeight = 4;

struct RandomGameState {
  int depth = 0;
  std::vector<std::string> record;  // per player, space-separated tokens
};

}  // namespace

double random_game_node_count(const RandomGameOptions& o) {
  double total = 0.0, level = 1.0;
  for (int d = 0; d <= o.depth; ++d) total += level, level *= o.branching;
  return total;
}

GameTree build_random_game(const RandomGameOptions& o) {
  const int n = o.players;
  const int b = o.branching;
  GameTree tree(player_names(n));
  RngStream rng(o.seed, kRandomGamePurpose);

  std::vector<std::string> actions, outcomes;
  for (int k = 0; k < b; ++k) {
    actions.push_back(std::string(1, 'a').append(std::to_string(k)));
    outcomes.push_back(std::string(1, 'c').append(std::to_string(k)));
  }

  RandomGameState root;
  root.record.assign(n, "");
  grow_depth_first(tree, root, [&](const RandomGameState& s, std::vector<RandomGameState>& children) {
    if (s.depth == o.depth) {
      std::vector<std::int64_t> draw(n);
      std::int64_t total = 0;
      for (auto& u : draw) total += u = static_cast<std::int64_t>(rng.below(2 * kMaxPayoff + 1)) - kMaxPayoff;
      std::vector<Number> payoffs;
      for (std::int64_t u : draw)
        payoffs.push_back(o.zero_sum ? Number::rational(n * u - total, n) : Number::integer(u));
      return GameTree::terminal_node(std::move(payoffs));
    }

    const bool is_chance = rng.uniform() < o.chance;
    const int mover = is_chance ? -1 : static_cast<int>(rng.below(n));
    GameTree::NodeSpec spec;
    if (is_chance) {
      std::vector<std::int64_t> weight(b);
      std::int64_t total = 0;
      for (auto& w : weight) total += w = 1 + static_cast<std::int64_t>(rng.below(kMaxChanceWeight));
      std::vector<Number> probs;
      for (std::int64_t w : weight) probs.push_back(Number::rational(w, total));
      spec = GameTree::chance_node(std::move(probs), outcomes);
    } else {
      const std::string& record = s.record[mover];
      spec = GameTree::decision_node(tree.infoset(mover, record.empty() ? "start" : record, actions));
    }
    std::vector<char> sees(n);
    for (int q = 0; q < n; ++q) sees[q] = q != mover && rng.below(2) == 1;

    for (int k = 0; k < b; ++k) {
      RandomGameState next = s;
      ++next.depth;
      for (int q = 0; q < n; ++q) {
        std::string& record = next.record[q];
        if (!record.empty()) record += ' ';
        if (q == mover) record += 'a', record += std::to_string(k);
        else if (!sees[q]) record += '?';
        else record += is_chance ? 'c' : 'x', record += std::to_string(k % 2);
      }
      children.push_back(std::move(next));
    }
    return spec;
  });
  return tree;
}

}  // namespace eqlab::builtin

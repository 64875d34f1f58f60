// Goofspiel with imperfect information. Every player holds the cards 1..cards; the point
// cards are revealed in descending order (cards, cards-1, ..., 1), one per round, and in
// each round every player bids one card from the hand at the same time. The single
// highest bid wins the point card; when the highest bid is shared the point card is
// discarded. Players see only who won each round (or that it was a tie), never the
// others' bids. Simultaneous bids are modelled by letting players bid in turn order
// while later bidders' infosets ignore the earlier bids of that round.
//
// Returns (both zero-sum):
//   win_loss  all players equal on points: 0 each; else the players with the most points
//             share +1 and the others share -1 (2 players: +1 / -1 / 0), as OpenSpiel.
//   points    a player's points minus the average points of all players (OpenSpiel's
//             "point_difference"; for 2 players, half the point difference).
//
// Infosets are "prize=<card> bids=<own earlier bids> won=<winner of each round or tie>",
// e.g. "prize=2 bids=4,3 won=0,tie"; actions are the cards in hand, "1".."cards".
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <eqlab/games/builtin/builders.hpp>
#include <eqlab/games/builtin/depth_first.hpp>
#include <eqlab/lib/number.hpp>

namespace eqlab::builtin {

namespace {

struct GoofspielState {
  int round = 0;                       // the point card of round r is cards - r
  std::vector<unsigned> hand;          // per player; bit c-1 set while card c is held
  std::vector<int> bids;               // this round's bids so far, in player order
  std::vector<int> points;             // per player
  std::vector<std::string> own_bids;   // per player, "4,3"
  std::string winners;                 // "0,tie"
};

void append_item(std::string& list, const std::string& item) {
  if (!list.empty()) list += ',';
  list += item;
}

// All bids are in: award (or discard) the point card and start the next round.
void finish_round(GoofspielState& s, int cards) {
  const int n = static_cast<int>(s.bids.size());
  int best = 0, winner = -1;
  for (int p = 0; p < n; ++p) {
    if (s.bids[p] > best) best = s.bids[p], winner = p;
    else if (s.bids[p] == best) winner = -1;
  }
  if (winner >= 0) s.points[winner] += cards - s.round;
  append_item(s.winners, winner >= 0 ? std::to_string(winner) : "tie");
  for (int p = 0; p < n; ++p) append_item(s.own_bids[p], std::to_string(s.bids[p]));
  s.bids.clear();
  ++s.round;
}

GameTree::NodeSpec goofspiel_payoffs(const GoofspielState& s, GoofspielReturns returns) {
  const int n = static_cast<int>(s.points.size());
  int total = 0, top = s.points[0], num_top = 0;
  for (int v : s.points) total += v, top = std::max(top, v);
  for (int v : s.points) num_top += v == top;
  std::vector<Number> payoffs;
  for (int p = 0; p < n; ++p) {
    if (returns == GoofspielReturns::points)
      payoffs.push_back(Number::rational(static_cast<std::int64_t>(n) * s.points[p] - total, n));
    else if (num_top == n)
      payoffs.push_back(Number::integer(0));
    else
      payoffs.push_back(s.points[p] == top ? Number::rational(1, num_top) : Number::rational(-1, n - num_top));
  }
  return GameTree::terminal_node(std::move(payoffs));
}

}  // namespace

double goofspiel_node_count(const GoofspielOptions& o) {
  // Round r starts at P(cards, r)^players histories; k bids into it, (cards-r)^k times more.
  double total = 0.0, played = 1.0;  // played = P(cards, r)
  for (int r = 0; r < o.cards; ++r) {
    double start = 1.0;
    for (int p = 0; p < o.players; ++p) start *= played;
    double within = 0.0, power = 1.0;
    for (int k = 0; k < o.players; ++k) within += power, power *= o.cards - r;
    total += start * within;
    played *= o.cards - r;
  }
  double terminals = 1.0;
  for (int p = 0; p < o.players; ++p) terminals *= played;
  return total + terminals;
}

GameTree build_goofspiel(const GoofspielOptions& o) {
  const int n = o.players;
  const int cards = o.cards;
  GameTree tree(player_names(n));
  // The action labels of every possible hand, built once.
  std::vector<std::vector<std::string>> hand_actions(std::size_t{1} << cards);
  for (unsigned mask = 0; mask < hand_actions.size(); ++mask)
    for (int c = 1; c <= cards; ++c)
      if (mask >> (c - 1) & 1u) hand_actions[mask].push_back(std::to_string(c));

  GoofspielState root;
  root.hand.assign(n, (1u << cards) - 1u);
  root.points.assign(n, 0);
  root.own_bids.assign(n, "");
  grow_depth_first(tree, root, [&](const GoofspielState& s, std::vector<GoofspielState>& children) {
    if (s.round == cards) return goofspiel_payoffs(s, o.returns);
    const int p = static_cast<int>(s.bids.size());
    const std::string label = "prize=" + std::to_string(cards - s.round) + " bids=" + s.own_bids[p] +
                              " won=" + s.winners;
    const int info = tree.infoset(p, label, hand_actions[s.hand[p]]);
    for (int c = 1; c <= cards; ++c) {
      if (!(s.hand[p] >> (c - 1) & 1u)) continue;
      GoofspielState next = s;
      next.hand[p] &= ~(1u << (c - 1));
      next.bids.push_back(c);
      if (p == n - 1) finish_round(next, cards);
      children.push_back(std::move(next));
    }
    return GameTree::decision_node(info);
  });
  return tree;
}

}  // namespace eqlab::builtin

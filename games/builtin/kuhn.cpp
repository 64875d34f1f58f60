// Kuhn poker for 2 or 3 players, with OpenSpiel's rules. Each player antes 1 and gets one
// card from a deck of players+1 ranked cards (J < Q < K < A). Players act in turn,
// passing or betting 1. Until someone bets, a full round of passes ends the hand in a
// showdown; after the first bet every other player answers once, in turn order (bet =
// call, pass = fold), and the highest card among those who put 2 in wins the pot.
//
// Infosets are "<own card><betting so far>", e.g. "K" or "Jpb"; actions "pass", "bet".
#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include <eqlab/games/builtin/builders.hpp>
#include <eqlab/games/builtin/depth_first.hpp>
#include <eqlab/lib/number.hpp>

namespace eqlab::builtin {

namespace {

constexpr char kCardNames[] = "JQKA";

struct KuhnState {
  std::vector<int> card;   // per player, -1 until dealt
  int dealt = 0;
  std::string bets;        // 'p' or 'b' per move; move k is made by player k % n
  int first_bettor = -1;
};

GameTree::NodeSpec kuhn_payoffs(const KuhnState& s) {
  const int n = static_cast<int>(s.card.size());
  std::vector<int> paid(n, 1);
  for (std::size_t k = 0; k < s.bets.size(); ++k)
    if (s.bets[k] == 'b') ++paid[k % n];
  const int top = *std::max_element(paid.begin(), paid.end());
  int pot = 0, winner = -1;
  for (int p = 0; p < n; ++p) {
    pot += paid[p];
    if (paid[p] == top && (winner < 0 || s.card[p] > s.card[winner])) winner = p;
  }
  std::vector<Number> payoffs;
  for (int p = 0; p < n; ++p) payoffs.push_back(Number::integer(p == winner ? pot - paid[p] : -paid[p]));
  return GameTree::terminal_node(std::move(payoffs));
}

}  // namespace

GameTree build_kuhn(int players) {
  const int n = players;
  if (n < 2 || n > 3) throw std::invalid_argument("build_kuhn: 2 or 3 players");
  const int deck = n + 1;
  GameTree tree(player_names(n));
  const std::vector<std::string> actions{"pass", "bet"};

  KuhnState root;
  root.card.assign(n, -1);
  grow_depth_first(tree, root, [&](const KuhnState& s, std::vector<KuhnState>& children) {
    if (s.dealt < n) {  // deal the next player's card from those left
      std::vector<Number> probs;
      std::vector<std::string> labels;
      for (int c = 0; c < deck; ++c) {
        if (std::find(s.card.begin(), s.card.end(), c) != s.card.end()) continue;
        probs.push_back(Number::rational(1, deck - s.dealt));
        labels.emplace_back(1, kCardNames[c]);
        KuhnState next = s;
        next.card[s.dealt] = c;
        ++next.dealt;
        children.push_back(std::move(next));
      }
      return GameTree::chance_node(std::move(probs), std::move(labels));
    }
    const int moves = static_cast<int>(s.bets.size());
    if ((s.first_bettor < 0 && moves == n) || (s.first_bettor >= 0 && moves == n + s.first_bettor))
      return kuhn_payoffs(s);
    const int player = moves % n;
    const int info = tree.infoset(player, kCardNames[s.card[player]] + s.bets, actions);
    for (char move : {'p', 'b'}) {
      KuhnState next = s;
      next.bets.push_back(move);
      if (move == 'b' && next.first_bettor < 0) next.first_bettor = player;
      children.push_back(std::move(next));
    }
    return GameTree::decision_node(info);
  });
  return tree;
}

}  // namespace eqlab::builtin

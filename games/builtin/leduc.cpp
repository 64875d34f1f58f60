// Leduc poker for 2 or 3 players, with OpenSpiel's rules. The deck holds players+1 ranks
// (J < Q < K < A) in two suits by default, or any number of ranks from 2 to 13 (more than
// four reach down from the ten: T < J < Q < K < A, then 9, 8, ... 2); cards are told apart
// by suit, as OpenSpiel does. Each
// player antes 1 and gets one private card; a betting round follows, then one public card
// and a second betting round. Raises are 2 in round 1 and 4 in round 2, at most two per
// round; folding is allowed only when facing a raise. A round ends when every player
// still in has called the last raise (or all checked); a player who folds leaves the
// hand, and the last one left takes the pot. At the showdown a private card pairing the
// public card beats any unpaired hand, else the higher private rank wins (the public
// card is shared, so this is OpenSpiel's high-card-then-kicker rule); ties split the pot.
//
// Infosets are "<own card>|<round 1 moves>" and, in round 2,
// "<own card>|<round 1 moves>|<public card>|<round 2 moves>", with moves f/c/r, e.g.
// "Ks|rc|Jh|r". Actions are "fold", "call" (also a check) and "raise".
#include <array>
#include <stdexcept>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <eqlab/games/builtin/builders.hpp>
#include <eqlab/games/builtin/depth_first.hpp>
#include <eqlab/lib/number.hpp>

namespace eqlab::builtin {

namespace {

constexpr int kMaxRaises = 2;
constexpr int kRaiseSize[2] = {2, 4};

constexpr int kMaxPlayers = 3;
constexpr int kMaxRanks = 13;

// The names of the ranks, lowest first; a deck of r ranks uses r of them in a row, from
// the jack up when r <= 4 (the standard decks), else ending at the ace.
constexpr char kRankNames[] = "23456789TJQKA";
int first_rank_name(int ranks) { return ranks <= 4 ? 9 : kMaxRanks - ranks; }

std::string card_name(int card, int first_rank) { return {kRankNames[first_rank + card / 2], "sh"[card % 2]}; }

// Fixed-size arrays: the build copies one state per node.
struct LeducState {
  int players = 0;
  int first_rank = 0;  // of the rank names, see first_rank_name
  std::array<int, kMaxPlayers> card{};     // private card per player, -1 until dealt
  int dealt = 0;
  int public_card = -1;
  int round = 0;              // 0 or 1
  int stakes = 1;             // what each player still in must have put in
  std::array<int, kMaxPlayers> paid{};     // per player
  std::array<char, kMaxPlayers> folded{};  // per player
  int remaining = 0;          // players who have not folded
  int raises = 0, calls = 0;  // in the current round (calls since the last raise)
  int to_act = -1;            // -1 while chance deals
  bool over = false;
  std::string moves[2];       // per round, one of f/c/r per move
  std::uint32_t move_code[2] = {0, 0};  // the same moves in base 4 (f=1, c=2, r=3)
};

void record_move(LeducState& s, char move, std::uint32_t digit) {
  s.moves[s.round].push_back(move);
  s.move_code[s.round] = s.move_code[s.round] * 4 + digit;
}

// A number that identifies the infoset of `player` at s, to find it without its label.
std::uint64_t infoset_key(const LeducState& s, int player) {
  // At most 2 × 13 cards: a card, and a public card or none, fit in 5 bits each.
  std::uint64_t key = static_cast<std::uint64_t>(player) * 32 + static_cast<std::uint64_t>(s.card[player]);
  key = key * 32 + static_cast<std::uint64_t>(s.public_card + 1);
  return (key << 40) | (std::uint64_t{s.move_code[0]} << 20) | s.move_code[1];
}

bool round_complete(const LeducState& s) {
  return s.raises == 0 ? s.calls == s.remaining : s.calls == s.remaining - 1;
}

int next_in_hand(const LeducState& s, int from) {
  const int n = s.players;
  for (int k = 1; k <= n; ++k) {
    const int p = (from + k) % n;
    if (!s.folded[p]) return p;
  }
  return -1;
}

// After a fold or a call: the hand ends, the next round starts, or the next player acts.
void advance(LeducState& s) {
  if (s.remaining == 1 || (s.round == 1 && round_complete(s))) {
    s.over = true;
  } else if (round_complete(s)) {
    s.round = 1;
    s.raises = s.calls = 0;
    s.to_act = -1;  // the public card comes first
  } else {
    s.to_act = next_in_hand(s, s.to_act);
  }
}

int hand_strength(const LeducState& s, int player) {
  const int rank = s.card[player] / 2;
  if (s.public_card >= 0 && rank == s.public_card / 2) return 100 + rank;
  return rank;
}

GameTree::NodeSpec leduc_payoffs(const LeducState& s) {
  const int n = s.players;
  int pot = 0, best = -1, winners = 0;
  for (int p = 0; p < n; ++p) {
    pot += s.paid[p];
    if (s.folded[p]) continue;
    const int strength = s.remaining == 1 ? 0 : hand_strength(s, p);
    if (strength > best) best = strength, winners = 0;
    if (strength == best) ++winners;
  }
  std::vector<Number> payoffs;
  for (int p = 0; p < n; ++p) {
    const bool wins = !s.folded[p] && (s.remaining == 1 || hand_strength(s, p) == best);
    payoffs.push_back(wins ? Number::rational(pot - winners * s.paid[p], winners) : Number::integer(-s.paid[p]));
  }
  return GameTree::terminal_node(std::move(payoffs));
}

std::string leduc_label(const LeducState& s, int player) {
  std::string label = card_name(s.card[player], s.first_rank) + "|" + s.moves[0];
  if (s.round == 1) {
    label += '|';
    label += card_name(s.public_card, s.first_rank);
    label += '|';
    label += s.moves[1];
  }
  return label;
}

}  // namespace

GameTree build_leduc(int players, int ranks) {
  const int n = players;
  if (n < 2 || n > kMaxPlayers) throw std::invalid_argument("build_leduc: 2 or 3 players");
  if (ranks < 2 || ranks > kMaxRanks || 2 * ranks < n + 1)
    throw std::invalid_argument("build_leduc: 2 to 13 ranks, enough for a card per player and a public card");
  const int deck = 2 * ranks;
  GameTree tree(player_names(n));
  // Indexed by (may fold) * 2 + (may raise).
  const std::vector<std::string> action_sets[4] = {
      {"call"}, {"call", "raise"}, {"fold", "call"}, {"fold", "call", "raise"}};

  std::unordered_map<std::uint64_t, int> infoset_of;

  LeducState root;
  root.players = n;
  root.first_rank = first_rank_name(ranks);
  root.card.fill(-1);
  root.paid.fill(1);
  root.remaining = n;
  grow_depth_first(tree, root, [&](const LeducState& s, std::vector<LeducState>& children) {
    if (s.over) return leduc_payoffs(s);
    if (s.to_act < 0) {  // deal a private card, or the public card before round 2
      const bool dealing_private = s.dealt < n;
      std::vector<Number> probs;
      std::vector<std::string> labels;
      int left = deck - s.dealt;
      for (int c = 0; c < deck; ++c) {
        bool used = false;
        for (int q = 0; q < s.dealt; ++q) used = used || s.card[q] == c;
        if (used) continue;
        probs.push_back(Number::rational(1, left));
        labels.push_back(card_name(c, s.first_rank));
        LeducState next = s;
        if (dealing_private) {
          next.card[next.dealt++] = c;
          if (next.dealt == n) next.to_act = 0;
        } else {
          next.public_card = c;
          next.to_act = next_in_hand(next, n - 1);
        }
        children.push_back(std::move(next));
      }
      return GameTree::chance_node(std::move(probs), std::move(labels));
    }

    const int p = s.to_act;
    const bool may_fold = s.stakes > s.paid[p];
    const bool may_raise = s.raises < kMaxRaises;
    const std::vector<std::string>& actions = action_sets[may_fold * 2 + may_raise];
    auto [known, fresh] = infoset_of.try_emplace(infoset_key(s, p), -1);
    if (fresh) known->second = tree.infoset(p, leduc_label(s, p), actions);
    const int info = known->second;
    if (may_fold) {
      LeducState next = s;
      next.folded[p] = 1;
      --next.remaining;
      record_move(next, 'f', 1);
      advance(next);
      children.push_back(std::move(next));
    }
    {
      LeducState next = s;
      next.paid[p] = s.stakes;
      ++next.calls;
      record_move(next, 'c', 2);
      advance(next);
      children.push_back(std::move(next));
    }
    if (may_raise) {
      LeducState next = s;
      next.stakes += kRaiseSize[s.round];
      next.paid[p] = next.stakes;
      ++next.raises;
      next.calls = 0;
      record_move(next, 'r', 3);
      next.to_act = next_in_hand(next, p);
      children.push_back(std::move(next));
    }
    return GameTree::decision_node(info);
  });
  return tree;
}

GameTree build_leduc(int players) { return build_leduc(players, players + 1); }

}  // namespace eqlab::builtin

// Liar's dice for two players, with OpenSpiel's rules. Each player rolls `dice` dice of
// `faces` faces in secret. Player 0 opens with a bid (quantity, face): "at least quantity
// dice, among all, show face". Players then alternate, each either bidding strictly
// higher or calling "liar" (not allowed as the very first move). Bids are ordered
// quantity first, as OpenSpiel numbers them: index = (quantity-1)*faces + (face-1). On
// "liar" the dice are shown; with `wild` (OpenSpiel's rule) a die showing the highest
// face matches every bid. If the bid holds the bidder wins (+1, caller -1), else the
// caller wins.
//
// Only the multiset of a player's dice matters, so each player's roll is one chance node
// over sorted hands with multinomial probabilities: the infosets are OpenSpiel's (which
// sorts the dice too), with fewer chance branches when dice > 1.
//
// Infosets are "<own dice> <bids so far>", e.g. "3 1-2 1-5" (OpenSpiel's strings);
// actions are bids "quantity-face" and "liar".
#include <bit>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include <eqlab/games/builtin/builders.hpp>
#include <eqlab/games/builtin/depth_first.hpp>
#include <eqlab/lib/number.hpp>

namespace eqlab::builtin {

namespace {

struct Hand {
  std::string label;        // sorted dice, "135"
  std::vector<int> count;   // count[f] = dice showing f, 1 <= f <= faces
  Number prob;
};

// All sorted hands of `dice` dice, in lexicographic order, with their probabilities.
std::vector<Hand> all_hands(int dice, int faces) {
  std::int64_t outcomes = 1;
  for (int d = 0; d < dice; ++d) outcomes *= faces;
  std::vector<Hand> hands;
  std::vector<int> roll(dice, 1);  // non-decreasing, advanced like an odometer
  while (true) {
    Hand h;
    h.count.assign(faces + 1, 0);
    for (int v : roll) h.label += std::to_string(v), ++h.count[v];
    std::int64_t arrangements = 1;  // dice! / prod(count!)
    for (int d = 1, seen = 0; d <= faces; ++d)
      for (int k = 1; k <= h.count[d]; ++k) arrangements = arrangements * ++seen / k;
    h.prob = Number::rational(arrangements, outcomes);
    hands.push_back(std::move(h));
    int d = dice - 1;
    while (d >= 0 && roll[d] == faces) --d;
    if (d < 0) break;
    const int v = roll[d] + 1;
    for (int e = d; e < dice; ++e) roll[e] = v;
  }
  return hands;
}

struct DiceState {
  int stage = 0;            // 0: player 0 rolls, 1: player 1 rolls, 2: bidding
  int hand[2] = {-1, -1};
  std::uint32_t bids = 0;   // set of bids made (they only rise, so the set is the history)
  int last = -1;            // last bid, -1 before the first
  bool called = false;
};

}  // namespace

double liars_dice_node_count(const LiarsDiceOptions& o) {
  double hands = 1.0;  // C(faces + dice - 1, dice)
  for (int k = 1; k <= o.dice; ++k) hands = hands * (o.faces - 1 + k) / k;
  double histories = 1.0;  // 2^(number of bids)
  for (int b = 0; b < 2 * o.dice * o.faces; ++b) histories *= 2.0;
  return 1.0 + hands + hands * hands * (2.0 * histories - 1.0);
}

GameTree build_liars_dice(const LiarsDiceOptions& o) {
  const int faces = o.faces;
  const int num_bids = 2 * o.dice * faces;
  if (num_bids > 31) throw std::invalid_argument("build_liars_dice: more bids than the history bits hold");
  const std::vector<Hand> hands = all_hands(o.dice, faces);
  GameTree tree(player_names(2));

  std::vector<std::string> bid_names;
  for (int b = 0; b < num_bids; ++b)
    bid_names.push_back(std::to_string(b / faces + 1) + "-" + std::to_string(b % faces + 1));
  // The actions after each last bid (index last + 1): every higher bid, then "liar".
  std::vector<std::vector<std::string>> actions_after(num_bids + 1);
  for (int last = -1; last < num_bids; ++last) {
    auto& list = actions_after[last + 1];
    list.assign(bid_names.begin() + (last + 1), bid_names.end());
    if (last >= 0) list.push_back("liar");
  }
  // Infoset ids by (own hand, bids so far); the mover follows from the number of bids.
  std::unordered_map<std::uint64_t, int> infoset_of;
  std::vector<Number> roll_probs;
  std::vector<std::string> roll_labels;
  for (const Hand& h : hands) roll_probs.push_back(h.prob), roll_labels.push_back(h.label);

  grow_depth_first(tree, DiceState{}, [&](const DiceState& s, std::vector<DiceState>& children) {
    if (s.stage < 2) {
      for (int h = 0; h < static_cast<int>(hands.size()); ++h) {
        DiceState next = s;
        next.hand[s.stage] = h;
        ++next.stage;
        children.push_back(next);
      }
      return GameTree::chance_node(roll_probs, roll_labels);
    }
    const int mover = std::popcount(s.bids) % 2;
    if (s.called) {  // the mover called "liar" on the other player's last bid
      const int quantity = s.last / faces + 1, face = s.last % faces + 1;
      int matches = 0;
      for (int p = 0; p < 2; ++p) {
        const std::vector<int>& count = hands[s.hand[p]].count;
        matches += count[face];
        if (o.wild && face != faces) matches += count[faces];
      }
      const int bidder_gain = matches >= quantity ? 1 : -1;
      std::vector<Number> payoffs(2);
      payoffs[1 - mover] = Number::integer(bidder_gain);
      payoffs[mover] = Number::integer(-bidder_gain);
      return GameTree::terminal_node(std::move(payoffs));
    }
    const std::uint64_t key = static_cast<std::uint64_t>(s.hand[mover]) << 32 | s.bids;
    auto [it, fresh] = infoset_of.try_emplace(key, -1);
    if (fresh) {
      std::string label = hands[s.hand[mover]].label;
      for (int b = 0; b < num_bids; ++b)
        if (s.bids >> b & 1u) label += " " + bid_names[b];
      it->second = tree.infoset(mover, label, actions_after[s.last + 1]);
    }
    for (int b = s.last + 1; b < num_bids; ++b) {
      DiceState next = s;
      next.bids |= std::uint32_t{1} << b;
      next.last = b;
      children.push_back(next);
    }
    if (s.last >= 0) {
      DiceState next = s;
      next.called = true;
      children.push_back(next);
    }
    return GameTree::decision_node(it->second);
  });
  return tree;
}

}  // namespace eqlab::builtin

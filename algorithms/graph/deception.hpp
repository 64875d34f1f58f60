#pragma once
// Deception with traps and fake targets: the attacker knows the graph and its targets F
// but not the decoys. Traps look like ordinary states; fake targets look like targets, so
// the attacker plays its perceptual game with targets F ∪ Y and moves only along
// subjectively rationalizable (SR) edges. Entering a decoy ends the play with a defender
// win. Inside the attacker's winning region W2 = Attr2(F):
//   DSWin(T, Y)  the states from which the defender surely lures the attacker into a decoy
//                (or out of W2) while every move stays consistent with the attacker's
//                perception: a defender attractor in the hypergame graph H;
//   DASWin(T, Y) the same when the attacker picks each of its SR moves with positive
//                probability: almost-sure reachability in a 1½-player graph.
// The value of deception is |region| / (|W2| - |F|).
//
// Modes. `clean` (default): an SR move of the attacker that leaves W2 leads to a defender
// win (OUT), since the defender then wins with its safety strategy without the attacker
// noticing anything. `reference`: the construction of the published experiments, which
// deletes such moves and builds DASWin from an MDP over defender states;
// it reproduces the published numbers.
//
// Reference: Kulkarni, Cohen, Kamhoua, Fu, "Integrated Resource Allocation and Strategy
// Synthesis in Safety Games on Graphs with Deception", 2024, arXiv:2407.14436.
// Cost per evaluation: DSWin O(|V| + |E|) (the base solve is computed once), DASWin
// O(|V|·|E|) worst case.
// See docs/algorithms/graph-decoys.md, "Deception with traps and fake targets".
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <eqlab/algorithms/graph/attractor.hpp>
#include <eqlab/games/graph/turn_game.hpp>

namespace eqlab {

enum class DeceptionMode { clean, reference };
enum class DeceptionRegion { sure, almost_sure };  // DSWin, DASWin

std::string mode_name(DeceptionMode mode);
std::string region_name(DeceptionRegion region);
// The inverses, for the command line and the Python package: nullopt for any other text.
std::optional<DeceptionMode> mode_from_name(std::string_view name);
std::optional<DeceptionRegion> region_from_name(std::string_view name);

// Decoys by site index (TurnGame::sites()); a site is in at most one of the two lists.
struct DecoySets {
  std::vector<int> traps, fakes;
};

// The defender's deceptive sure-winning strategy: inside DSWin, move to a successor
// of smaller rank in H (rank 0: a decoy; in clean mode an attacker state whose SR moves all
// leave W2 has rank 1); on Win1, the safety strategy of the base solve.
struct DeceptiveStrategy {
  std::vector<std::uint8_t> region;      // DSWin (DASWin for almost_sure_strategy)
  std::vector<int> rank;                 // rank in H; kNoRank outside DSWin
  std::vector<long long> defender_move;  // an out-edge per defender state of DSWin \ D and of Win1, else -1
  std::vector<int> perceived_rank;       // the attacker's ranks Attr2(F ∪ Y)
};

class DeceptionEvaluator {
 public:
  DeceptionEvaluator(const TurnGame& game, DeceptionMode mode);

  const TurnGame& game() const { return game_; }
  DeceptionMode mode() const { return mode_; }
  const ReachabilitySolution& base() const { return base_; }
  const std::vector<std::uint8_t>& target_mask() const { return is_target_; }
  // |W2| - |F|, the denominator of the value of deception.
  std::size_t denominator() const { return denominator_; }

  // The number of states in the region; `region` (when given) receives its mask.
  std::size_t region_size(DeceptionRegion which, const DecoySets& decoys,
                          std::vector<std::uint8_t>* region = nullptr) const;
  double value(DeceptionRegion which, const DecoySets& decoys) const;

  DeceptiveStrategy sure_strategy(const DecoySets& decoys) const;
  // DASWin with the defender's almost-sure strategy: at a defender state of DASWin, a move
  // to a state (or, in reference mode, an action) of smaller level of the last search
  // round; `rank` holds those levels. On Win1, the safety strategy.
  DeceptiveStrategy almost_sure_strategy(const DecoySets& decoys) const;

  // The attacker's perceived ranks with fake targets Y: Attr2(F ∪ Y); kNoRank outside W2^Y.
  std::vector<int> perceived_ranks(const std::vector<int>& fake_sites) const;

 private:
  std::size_t daswin_clean(const DecoySets& decoys, std::vector<std::uint8_t>* region,
                           DeceptiveStrategy* strategy = nullptr) const;
  std::size_t daswin_reference(const DecoySets& decoys, std::vector<std::uint8_t>* region,
                               DeceptiveStrategy* strategy = nullptr) const;
  // Masks of the trap and fake states.
  void decoy_masks(const DecoySets& decoys, std::vector<std::uint8_t>& trap, std::vector<std::uint8_t>& fake) const;

  const TurnGame& game_;
  DeceptionMode mode_;
  ReachabilitySolution base_;
  std::vector<std::uint8_t> is_target_;
  std::size_t denominator_ = 0;
};

}  // namespace eqlab

#pragma once
// The exact gaps of a weighted mixture of product profiles, fed one profile at a time:
// the NFCCE and EFCE gaps always, the K-EFCE gap at a given K. The runner feeds it the
// rounds a learner plays; `eqlab eval --distribution` feeds it the lines of a
// distribution file. One accumulator each (nfcce_gap.hpp, efce_gap.hpp, kefce_gap.hpp),
// so the cost per profile is theirs: one utility gradient per player, plus the trigger
// sums of the EFCE gap and the augmented-state sums of the K-EFCE gap.
#include <cstdint>
#include <optional>
#include <vector>

#include <eqlab/algorithms/eval/efce_gap.hpp>
#include <eqlab/algorithms/eval/kefce_gap.hpp>
#include <eqlab/algorithms/eval/nfcce_gap.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>

namespace eqlab {

struct MixtureReport {
  double nfcce_gap = 0.0;
  double efce_gap = 0.0;
  std::vector<double> values;       // each player's expected payoff under the mixture
  std::optional<double> kefce_gap;  // when measured, at K = kefce_k
  int kefce_k = 0;
};

class MixtureMeter {
 public:
  // `kefce_k`: also measure the K-EFCE gap at that K, within `max_states` augmented
  // states per player (ResourceError beyond).
  MixtureMeter(const CompiledGame& game, std::optional<int> kefce_k,
               std::uint64_t max_states = kDefaultMaxAugmentedStates);

  // Adds profile `x` (sequence form) with `weight`. `behavioural`, when given, is the same
  // profile as behavioural strategies with the learner's own probabilities at infosets
  // `x` never reaches: a K-EFCE deviator with K >= 2 can reach those and read their
  // recommendations. Without it the K-EFCE gap takes the uniform strategy there.
  void add(const Profile& x, const Profile* behavioural, double weight = 1.0);

  MixtureReport report() const;

 private:
  const CompiledGame& game_;
  NfcceGap nfcce_;
  EfceGap efce_;
  std::optional<KefceGap> kefce_;
  Profile gradients_;  // this round's, per player
};

}  // namespace eqlab

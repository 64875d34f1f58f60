#pragma once
// Preference datasets sampled from a Markov game: trajectory pairs played by a behaviour
// policy, each labelled per player by the Bradley-Terry model on the true returns,
//   P(player i prefers the first) = σ((R_i(τ) − R_i(τ')) / β),
// with returns in the game's reward units. The datasets make the coverage regimes of Zhang
// et al. (arXiv:2409.00717) concrete:
//   equilibrium   every player plays one equilibrium of the game (markov_equilibrium.hpp;
//                 a Markov perfect Nash equilibrium for two players): single-policy coverage
//   unilateral    each trajectory: with probability 1/(m + 1) the equilibrium; otherwise one
//                 player, drawn uniformly, deviates to a deterministic Markov policy drawn
//                 uniformly while the others keep the equilibrium. A trajectory visits each
//                 step once, so the deviator's draw is the same as playing uniformly at
//                 random: every unilateral deviation's trajectories have positive probability
//   uniform       every player uniform at random
//   FILE[,FILE..] the policies of eqlab-markov-policy/1 files (product or correlated), one
//                 drawn uniformly for each trajectory
// Pair k draws from its own stream (seed, "preferences", k), so a dataset's first n pairs
// are the n-pair dataset of the same seed, whatever the thread count.
// See docs/algorithms/marlhf.md, "Datasets".
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <eqlab/algorithms/markov/markov_policy.hpp>
#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/io/preference_data.hpp>
#include <eqlab/games/markov/markov_model.hpp>
#include <eqlab/lib/rng.hpp>

namespace eqlab {

class PreferenceBehaviour {
 public:
  // Parses SPEC (above) for `model`; policy files are read with `limits`. UsageError for an
  // unknown spec; InputError for a policy file that is wrong or of another game's shape.
  PreferenceBehaviour(const MarkovModel& model, const std::string& spec, const LoadLimits& limits = {});
  ~PreferenceBehaviour();
  PreferenceBehaviour(PreferenceBehaviour&&) noexcept;

  const std::string& spec() const { return spec_; }
  // Plays one trajectory with `rng` as the only source of randomness.
  PreferenceTrajectory play(RngStream& rng) const;
  // The true returns of a trajectory, per player, in the game's units.
  std::vector<double> returns(const PreferenceTrajectory& trajectory) const;

 private:
  struct Component {
    std::optional<ProductPolicy> product;
    std::optional<CorrelatedPolicy> correlated;
  };
  enum class Kind { mixture, unilateral, uniform };
  // One joint action at (h, s) under `component`, player `deviator` (or -1) uniform.
  void draw_actions(const Component& component, int h, int s, int deviator, RngStream& rng, int* actions) const;

  const MarkovModel& model_;
  std::string spec_;
  Kind kind_ = Kind::mixture;
  std::vector<Component> components_;
};

struct PreferenceSampleOptions {
  std::int64_t pairs = 1000;
  double temperature = 1.0;  // β > 0, in the game's reward units
  std::uint64_t seed = 0;
  // Called with the pairs sampled so far, now and then, for a progress display: one call
  // at a time (from any thread), with counts that only grow.
  std::function<void(std::int64_t)> on_progress;
};

// Samples the pairs (in parallel; the same for any thread count).
PreferenceDataset sample_preference_data(const MarkovModel& model, const PreferenceBehaviour& behaviour,
                                         const PreferenceSampleOptions& options);

}  // namespace eqlab

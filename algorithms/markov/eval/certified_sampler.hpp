#pragma once
// Playing the certified policy π̂ of a VisitLog prefix episode by episode, exactly as it
// is defined (docs/algorithms/markov-learning.md, "The certified policy"): one shared
// index k drawn uniformly from the prefix, then at each step t = N^k_h(s), l drawn with
// P(l = j) = α_t^j, k set to the episode of visit l, and every player drawing from its
// own distribution at visit l. A state never visited before episode k (t = 0) switches
// the episode to uniform play for its remaining steps. The Monte Carlo check of
// evaluate_certified's value.
//
// Also the visit average of the logged play (average_policy): at every (h, s), each
// player's distributions averaged over the visits of (h, s), a Markov product policy, the
// naive output certification replaces. It is not the episode-uniform mixture of the
// policies played, a correlated policy whose exact gap would need best responses that
// track a belief over the episode index; eqlab does not evaluate that mixture.
//
// Reference: Song, Mei, Bai, "When Can We Learn General-Sum Markov Games with a Large Number
// of Players Sample-Efficiently?", ICLR 2022, arXiv:2110.04184.
// Cost per step: a binary search for t, the draw of l (a walk back over the visits,
// accepting visit j with probability α_j) and O(Σ_i A_i) for the actions.
// See docs/algorithms/markov-learning.md, "The certified policy".
#include <cstdint>
#include <span>
#include <vector>

#include <eqlab/algorithms/markov/markov_policy.hpp>
#include <eqlab/algorithms/markov/visit_log.hpp>
#include <eqlab/games/markov/markov_model.hpp>
#include <eqlab/games/markov/markov_simulator.hpp>
#include <eqlab/lib/rng.hpp>

namespace eqlab {

class CertifiedSampler {
 public:
  // episodes_prefix: K' (-1 = every logged episode). The environment's draws come from a
  // MarkovSimulator keyed by `seed`, the policy's from the output stream of the same seed.
  CertifiedSampler(const MarkovModel& model, const VisitLog& log, std::int64_t episodes_prefix, std::uint64_t seed);

  // Plays one episode; writes every player's return in game units (normalised rewards
  // times model.reward_scale(), the units of evaluate_certified's values), m entries.
  void sample_returns(std::span<double> per_player_return);

  std::int64_t episodes_prefix() const { return prefix_; }

 private:
  int draw(std::span<const float> p);

  const MarkovModel& model_;
  const VisitLog& log_;
  std::int64_t prefix_;
  MarkovSimulator sim_;
  RngStream rng_;
  std::vector<int> actions_;
  std::vector<double> rewards_;
};

// At every (h, s): each player's distribution averaged over the visits of the first
// `prefix` episodes (-1 = all), uniform where (h, s) was never visited.
ProductPolicy average_policy(const MarkovModel& model, const VisitLog& log, std::int64_t prefix = -1);

}  // namespace eqlab

#pragma once
// The episode-uniform mixture of the policies a decentralized learner played: draw an
// episode k uniformly from the K played, then play that episode's Markov product policy
// π^k for the whole episode. It is a correlated (non-Markov) policy, the natural output of
// no-regret self-play, and its CCE gap is what the no-regret argument speaks of.
//
// π^k at (h, s) is the distribution the learner would have drawn from there in episode
// k: the one logged at the first visit of (h, s) in episode k or later (a learner changes
// its distribution at (h, s) only when it visits it), or, after the last logged visit, the
// learner's current distribution (`after_last`).
//
// Measured exactly, in one sweep over the K episodes:
//   value        V_i = (1/K) Σ_k V_i^{π^k}
//   gap_upper    (1/K) Σ_k (V_i^{†,π^k_{-i}} - V_i^{π^k}): a deviator told k does at least as
//                well as any deviator, so this bounds the gap from above
//   gap_lower    (1/K) Σ_k V_i^{σ_i,π^k_{-i}} - V_i for one Markov deviation σ_i, the best
//                response to the visit-averaged policy's others: a deviation the player
//                could play, so a lower bound
//   gap          the exact gap when the deviator's history tree is small enough: the best
//                response to the mixture conditions on the whole history (states and joint
//                actions), since what the others played tells which k was drawn. With the
//                deviator's unnormalised belief W_k(τ) = (1/K) Π P(s'|s,a) Π_{j≠i} π^k_j(a_j|s)
//                along the history τ, the best value is a backward max over the tree of
//                R(τ, a_i) = Σ_k W_k(τ) Σ_{a_{-i}} π^k_{-i}(a_{-i}|s) r_i(s, a) plus the
//                children's values; R is a sum over k, so one forward pass per episode and
//                one backward pass suffice. The tree has Σ_h S (S Π_j A_j)^h nodes, so
//                this is for small games: the work m·K·nodes·Π_j A_j must be at most
//                `max_exact_work`, else `gap` is empty.
// The CCE gap is max_i of the per-player gaps (each bound likewise). A gap can be negative:
// the mixture's correlation may give a player more than any deviation.
//
// Reference: the mixture and its two bounds follow the outputs compared in Foster,
// Golowich, Kakade, "Hardness of Independent Learning and Sparse Equilibrium Computation
// in Markov Games", ICML 2023, arXiv:2303.12287 (a mixture of few product policies is a
// sparse CCE).
// Cost: K·H·S·(1 + 2m) oracle calls for value and bounds, plus the exact pass above.
// See docs/algorithms/evaluation.md, "The episode-uniform mixture".
#include <cstdint>
#include <optional>
#include <vector>

#include <eqlab/algorithms/markov/markov_policy.hpp>
#include <eqlab/algorithms/markov/visit_log.hpp>
#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

struct EpisodeMixtureOptions {
  // The exact gap's budget in multiply-adds (m·K·nodes·Π_j A_j); 0 turns it off.
  double max_exact_work = 4e8;
};

struct EpisodeMixtureEvaluation {
  std::int64_t episodes = 0;
  std::vector<double> value, gap_upper, gap_lower;  // per player, game units
  std::optional<std::vector<double>> gap;            // per player, when computed
  double cce_gap_upper = 0.0, cce_gap_lower = 0.0;
  std::optional<double> cce_gap;
};

// The episodes are the log's (log.episodes()); K = 0 gives empty vectors and zero gaps.
EpisodeMixtureEvaluation evaluate_episode_mixture(const MarkovModel& model, const VisitLog& log,
                                                  const ProductPolicy& after_last,
                                                  const EpisodeMixtureOptions& options = {});

// The work of the exact gap, m·K·nodes·Π_j A_j (infinite when it overflows a double).
double episode_mixture_exact_work(const MarkovModel& model, std::int64_t episodes);

}  // namespace eqlab

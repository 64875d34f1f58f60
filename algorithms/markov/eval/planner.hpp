#pragma once
// Exact planners with a known model, for small m: backward induction whose stage game at
// (h, s) has payoffs r_h(s, a) + P_h(·|s, a)·V_{h+1}, solved approximately by no-regret
// self-play (../stage_equilibrium.hpp); the stage policy is the average joint play and
// V_h(s) its value. A stage ε-CCE (ε-CE) at every (h, s) gives a Markov correlated policy
// whose CCE (CE) gap is at most H·ε, so evaluate_correlated must report gaps that vanish
// as `rounds` grows: a check of the evaluator.
//
// Reference: Song, Mei, Bai, "When Can We Learn General-Sum Markov Games with a Large Number
// of Players Sample-Efficiently?", ICLR 2022, arXiv:2110.04184.
// Cost: H·S stage games of Π_i A_i joint actions, each `rounds` rounds of O(m·Π_i A_i).
// See docs/algorithms/evaluation.md, "Exact planners".
#include <eqlab/algorithms/markov/markov_policy.hpp>
#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

// Stage CCE by regret matching+, `rounds` self-play rounds per (h, s).
CorrelatedPolicy plan_cce(const MarkovModel& model, int rounds);
// Stage CE by swap-regret matching.
CorrelatedPolicy plan_ce(const MarkovModel& model, int rounds);

}  // namespace eqlab

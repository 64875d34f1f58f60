#pragma once
// The stage game at (h, s) of a backward induction over joint actions, as the exact
// correlated evaluation and the exact planners both build it: every joint action's reward
// plus the expected continuation value under the transition.
//
// See docs/algorithms/evaluation.md, "Markov correlated policies".
#include <initializer_list>
#include <span>

#include <eqlab/algorithms/markov/markov_policy.hpp>
#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

// One continuation: next[t·m + i] is player i's value from state t at step h+1, and
// q[a·m + i] receives r_i(h, s, a) + Σ_t P_h(t | s, a)·next[t·m + i].
struct StageContinuation {
  std::span<const double> next;
  std::span<double> q;
};

// Fills every table's q for all joint actions a, in the policy's joint order; at the last
// step (h = H-1) the continuation is 0 and q is the reward alone.
void stage_payoffs(const MarkovModel& model, const CorrelatedPolicy& layout, int h, int s,
                   std::initializer_list<StageContinuation> tables);

}  // namespace eqlab

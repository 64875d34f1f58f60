#pragma once
// Exact evaluation of a Markov correlated policy π_h(·|s) over joint actions
// (docs/algorithms/evaluation.md, "Markov correlated policies"): values, the best CCE
// deviation (a player ignoring its recommendations) and the best CE deviation (a player
// remapping each recommendation), by backward induction. Joint draws are independent
// across steps given the state, so a Markov deviation is optimal and these recursions are
// exact.
//
// Cost H·S·Π_i A_i·(m·(S + max A_i)): it enumerates joint actions through
// model.rewards() and model.next_distribution(), so it is for small games only (the
// policy itself holds Π_i A_i numbers per (h, s)).
//
// Units: game units (normalised values times model.reward_scale()), averaged over
// model.initial().
//
// Reference: Song, Mei, Bai, "When Can We Learn General-Sum Markov Games with a Large Number
// of Players Sample-Efficiently?", ICLR 2022, arXiv:2110.04184.
// See docs/algorithms/evaluation.md, "Markov correlated policies".
#include <vector>

#include <eqlab/algorithms/markov/markov_policy.hpp>
#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

struct CorrelatedEvaluation {
  std::vector<double> value;     // V^π_i
  std::vector<double> cce_best;  // best value of i against π_{-i} without its recommendations
  std::vector<double> ce_best;   // best value of i with a strategy modification φ
  double cce_gap = 0.0;          // max_i (cce_best - value)
  double ce_gap = 0.0;           // max_i (ce_best - value)
};

CorrelatedEvaluation evaluate_correlated(const MarkovModel& model, const CorrelatedPolicy& policy);

}  // namespace eqlab

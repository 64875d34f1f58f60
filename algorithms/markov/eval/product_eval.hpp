#pragma once
// Exact evaluation of a Markov product policy π: every player's value, its best-response
// value against the others, and the Nash gap, by backward induction through the
// product-expectation oracle only, so the cost is H·S·(m + 1) oracle calls and never
// Π_i A_i.
//
// Units: values and gaps are in the game's units, i.e. normalised values times
// model.reward_scale(), averaged over the initial distribution model.initial().
//
// Reference: Song, Mei, Bai, "When Can We Learn General-Sum Markov Games with a Large Number
// of Players Sample-Efficiently?", ICLR 2022, arXiv:2110.04184.
// Cost: H·S·(m + 1) oracle calls (above).
// See docs/algorithms/evaluation.md, "Markov product policies".
#include <vector>

#include <eqlab/algorithms/markov/markov_policy.hpp>
#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

struct ProductEvaluation {
  std::vector<double> value;          // V^π_i, per player
  std::vector<double> best_response;  // V^{†,π_{-i}}_i, per player
  std::vector<double> gap;            // best_response - value, per player
  double nash_gap = 0.0;              // max over players of gap
};

ProductEvaluation evaluate_product(const MarkovModel& model, const ProductPolicy& policy);

// Only the values V^π_i (game units), one joint oracle call per (h, s).
std::vector<double> product_values(const MarkovModel& model, const ProductPolicy& policy);

// Player i's Markov best response to π_{-i}: π with player i's entries replaced by the
// argmax of Q^† at every (h, s), ties going to the lowest action so the output is pure
// and reproducible.
ProductPolicy best_response_policy(const MarkovModel& model, const ProductPolicy& policy, int player);

}  // namespace eqlab

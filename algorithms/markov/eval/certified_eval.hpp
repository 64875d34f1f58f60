#pragma once
// Exact evaluation of the certified policy π̂ of CCE-/CE-V-learning from its visit log
// (docs/algorithms/evaluation.md): every player's value, the index-aware CCE and CE
// deviation values (upper bounds on the best deviation: the deviator is told the current
// index k before acting), a lower bound from one Markov deviation evaluated exactly, and
// for H = 1 the true CCE gap in closed form.
//
// All recursions live on the (h, s, t) cells, t = N^k_h(s) = 0..n_h(s) within the
// prefix, with t = 0 meaning "play the uniform product policy for the rest of the
// episode" (the log's convention for a state never visited before episode k). Cost per
// player: one product-expectation oracle call per logged visit plus O(S + A_i²) around
// it, i.e. O(H·K·(S + oracle)); players run in parallel on TBB, each on its own reused
// buffers, so the result does not depend on the thread count.
//
// Units: game units (normalised values times model.reward_scale()), averaged over
// model.initial() and over the uniform initial index k of the prefix.
//
// Reference: Song, Mei, Bai, "When Can We Learn General-Sum Markov Games with a Large Number
// of Players Sample-Efficiently?", ICLR 2022, arXiv:2110.04184.
// See docs/algorithms/evaluation.md, "The certified policy: value and gap bounds".
#include <cstdint>
#include <optional>
#include <vector>

#include <eqlab/algorithms/markov/visit_log.hpp>
#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

struct CertifiedEvalOptions {
  std::int64_t episodes = -1;  // prefix K' of the log; -1 = all logged episodes
  bool ce = true;              // compute the CE deviation bound (A_i × A_i work per visit)
  bool lower = true;           // compute the lower bound (a forward pass and a deviation)
};

struct CertifiedEvaluation {
  std::int64_t episodes = 0;      // the K' evaluated
  std::vector<double> value;      // V^{π̂}_i
  std::vector<double> cce_upper;  // index-aware best CCE deviation value, >= the true one
  std::vector<double> ce_upper;   // index-aware best CE deviation value (empty unless ce)
  std::vector<double> cce_lower;  // value of one Markov deviation (empty unless lower)
  double cce_gap_upper = 0.0;     // max_i (cce_upper - value)
  double ce_gap_upper = 0.0;      // max_i (ce_upper - value); NaN unless ce
  double cce_gap_lower = 0.0;     // max_i (cce_lower - value); NaN unless lower
  std::optional<double> cce_gap_exact;  // the true CCE gap when horizon() == 1
};

CertifiedEvaluation evaluate_certified(const MarkovModel& model, const VisitLog& log,
                                       const CertifiedEvalOptions& options = {});

}  // namespace eqlab

// The certified policies of CCE-V- and CE-V-learning improve with episodes on a
// two-player constant-sum random table game, measured by the exact index-aware bounds of
// the certified evaluator. Thresholds come from measured runs (practical preset, one
// prefix-evaluated run of 4·10^4 episodes, ι fixed at K_max):
//   CCE-V, gap upper bound at K = 2500 / 40000: 0.2115 / 0.0541;
//   CE-V, CE gap upper bound:                   0.2128 / 0.0775.
// Across three games and two learner seeds the K = 40000 bound was 0.25-0.58 (CCE-V) and
// 0.36-0.70 (CE-V) of the K = 2500 one; this game is one where it halves.
#include <doctest/doctest.h>

#include <eqlab/algorithms/markov/eval/certified_eval.hpp>
#include <eqlab/algorithms/markov/vlearning/ce_v_learning.hpp>
#include <eqlab/algorithms/markov/vlearning/cce_v_learning.hpp>

#include "test_vlearning_games.hpp"

using namespace eqlab;

namespace {

constexpr std::int64_t kEarly = 2500, kLate = 40000;

template <typename Learner>
std::pair<CertifiedEvaluation, CertifiedEvaluation> early_and_late(const MarkovModel& model) {
  const VLearningOptions options = parse_vlearning_options(nlohmann::json::object(), model, kLate);
  Learner learner(model, options, 1);
  for (std::int64_t k = 0; k < kLate; ++k) learner.run_episode();
  CertifiedEvalOptions early;
  early.episodes = kEarly;
  return {evaluate_certified(model, *learner.certified(), early), evaluate_certified(model, *learner.certified())};
}

}  // namespace

TEST_CASE("markov cce-v convergence: the certified CCE gap bound halves from 2.5e3 to 4e4 episodes") {
  const TableMarkovModel model(vlearning_test::random_table(2, 2, 2, 2, 1, true));
  const auto [early, late] = early_and_late<CceVLearning>(model);
  CHECK(late.episodes == kLate);
  CHECK(early.cce_gap_upper > 0.15);
  CHECK(late.cce_gap_upper < 0.08);
  CHECK(late.cce_gap_upper < 0.5 * early.cce_gap_upper);
  CHECK(late.cce_gap_lower <= late.cce_gap_upper + 1e-12);
  CHECK(late.cce_gap_lower > 0.0);
}

TEST_CASE("markov ce-v convergence: the certified CE gap bound halves from 2.5e3 to 4e4 episodes") {
  const TableMarkovModel model(vlearning_test::random_table(2, 2, 2, 2, 1, true));
  const auto [early, late] = early_and_late<CeVLearning>(model);
  CHECK(early.ce_gap_upper > 0.15);
  CHECK(late.ce_gap_upper < 0.1);
  CHECK(late.ce_gap_upper < 0.5 * early.ce_gap_upper);
  CHECK(late.ce_gap_upper >= late.cce_gap_upper - 1e-12);
}

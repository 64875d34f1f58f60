#pragma once
// CCE-V-learning (specs/markov-games.md §3; Song–Mei–Bai 2022): every player runs, at each
// (h, s), an α-weighted FTRL bandit with implicit exploration whose loss comes from the
// optimistic value V̄ of the next state, plus an incremental optimistic update of V̄.
// Players are decentralized: each reads only the states, its own action and its own
// reward, and draws from its own stream RngStream(seed, kLearner, i). The output is the
// certified policy π̂ of §2.4, i.e. the visit log of the distributions actually played.
//
// Steps are 0-based here, so the spec's H-h+1 (values still to come at step h) is H-h.
#include <cstdint>
#include <vector>

#include <eqlab/algorithms/markov/markov_solver.hpp>
#include <eqlab/algorithms/markov/vlearning/optimistic_values.hpp>
#include <eqlab/algorithms/markov/vlearning/vlearning_options.hpp>
#include <eqlab/games/markov/markov_simulator.hpp>
#include <eqlab/lib/rng.hpp>

namespace eqlab {

class CceVLearning final : public MarkovSolver {
 public:
  // The model must outlive the solver. options.iota == 0 is computed from the model.
  CceVLearning(const MarkovModel& model, const VLearningOptions& options, std::uint64_t seed);

  std::string name() const override { return "cce-v"; }
  std::string concept_name() const override { return "cce"; }
  bool run_episode() override;
  std::int64_t episodes() const override { return episodes_; }

  // The visit log (nullptr when options.log is false).
  const VisitLog* certified() const override { return options_.log ? &log_ : nullptr; }
  // The last iterate: every player's current μ_{h,i}(·|s), kept up to date in place.
  const ProductPolicy* product() const override { return &current_; }

  nlohmann::json params() const override;
  std::size_t memory_bytes() const override;

  const VLearningOptions& options() const { return options_; }
  // Player i's optimistic value V̄_{h,i}(s), within [0, H-h].
  double optimistic_value(int player, int h, int s) const { return values_.value(player, h, s); }
  // Visits of (h, s) so far, as player i counted them.
  std::int64_t visit_count(int player, int h, int s) const { return values_.count(player, h, s); }

 private:
  std::size_t cell(int h, int s) const { return static_cast<std::size_t>(h) * states_ + s; }
  void update_player(int i, int h, int s, int next, double reward);

  const MarkovModel& model_;
  VLearningOptions options_;
  int m_, horizon_, states_, alpha_horizon_;
  MarkovSimulator simulator_;
  std::vector<RngStream> rng_;  // one per player
  ProductPolicy current_;        // μ, laid out like every product policy
  std::vector<double> g_;        // normalised accumulators, same layout as μ
  OptimisticValues values_;      // V̄ and the visit counts
  std::vector<double> eta_factor_, beta_factor_;  // per player: η_t·sqrt(t) and β_t·sqrt(t)
  std::vector<int> actions_;
  std::vector<double> rewards_;
  VisitLog log_;
  std::int64_t episodes_ = 0;
};

}  // namespace eqlab

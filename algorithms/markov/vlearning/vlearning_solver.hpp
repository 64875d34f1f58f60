#pragma once
// What CCE-V- and CE-V-learning share: the options resolved for the model, the simulator,
// one learner stream per player RngStream(seed, kLearner, i), the optimistic values with
// their visit counts, the last iterate, the visit log of the certified policy and the play
// log that rebuilds it (play_log.hpp). The two differ only in the per-(h, s) learner.
//
// Reference: Song, Mei, Bai, "When Can We Learn General-Sum Markov Games with a Large Number
// of Players Sample-Efficiently?", ICLR 2022, arXiv:2110.04184.
// V-learning: Jin, Liu, Wang, Yu, "V-Learning — A Simple, Efficient, Decentralized Algorithm
// for Multiagent RL", 2021, arXiv:2110.14555.
// Cost: see cce_v_learning.hpp and ce_v_learning.hpp.
// See docs/algorithms/markov-learning.md.
#include <cstdint>
#include <span>
#include <vector>

#include <eqlab/algorithms/markov/markov_solver.hpp>
#include <eqlab/algorithms/markov/vlearning/optimistic_values.hpp>
#include <eqlab/algorithms/markov/vlearning/play_log.hpp>
#include <eqlab/algorithms/markov/vlearning/vlearning_options.hpp>
#include <eqlab/games/markov/markov_simulator.hpp>
#include <eqlab/lib/rng.hpp>

namespace eqlab {

class VLearningSolver : public MarkovSolver {
 public:
  // One episode: at each step every player draws its action, the simulator steps, and
  // every player updates from its own reward and the next state.
  bool run_episode() final;
  std::int64_t episodes() const override { return episodes_; }
  // The visit log (nullptr when options.log is false).
  const VisitLog* certified() const override { return options_.log ? &log_ : nullptr; }
  // The states and choices of every episode played (nullptr when options.log is false).
  const PlayLog* play_log() const { return options_.log ? &play_ : nullptr; }
  // Plays the episodes of `play` again with its states and choices in place of the
  // simulator's and the players' draws, on a solver that has played nothing; afterwards the
  // solver is where the run that wrote `play` was, visit log included. Throws
  // InputError("episode k, step h", ...) at a state or choice the game or the learner could
  // not have produced (probability 0), and UsageError when the shapes differ.
  void replay(PlayLog play);
  // Hands over the visit log without copying it (it can take gigabytes); the solver keeps
  // none afterwards, so this is for a solver about to be dropped, such as a replay's.
  VisitLog release_visit_log() { return std::move(log_); }
  const ProductPolicy* product() const override { return &current_; }
  // The options with ι and the α-horizon resolved, and the solver's name.
  nlohmann::json params() const override;

  const VLearningOptions& options() const { return options_; }
  // Player i's optimistic value V̄_{h,i}(s), within [0, H-h].
  double optimistic_value(int player, int h, int s) const { return values_.value(player, h, s); }
  // Visits of (h, s) so far, as player i counted them.
  std::int64_t visit_count(int player, int h, int s) const { return values_.count(player, h, s); }

 protected:
  // The model must outlive the solver. options.iota == 0 is computed from the model.
  // `expert_choices`: a player's choice is a (sub-expert, action) pair, A_i² of them (CE-V),
  // else its action alone.
  VLearningSolver(const MarkovModel& model, const VLearningOptions& options, std::uint64_t seed,
                  bool expert_choices);

  std::size_t cell(int h, int s) const { return static_cast<std::size_t>(h) * states_ + s; }
  // Every player's action at (h, s) into actions_ and its choice into choices_; when
  // logging, row (empty otherwise) receives the distributions drawn from, for the certified
  // policy. While replaying_, the choices are given in choices_ and nothing is drawn.
  virtual void act(int h, int s, std::span<float> row) = 0;
  // While replaying: refuses player i's logged choice when the learner gave it probability 0.
  void check_replayed_choice(int i, double probability) const;
  // Player i's update after step h; next < 0 after the last step.
  virtual void update_player(int i, int h, int s, int next, double reward) = 0;

  const MarkovModel& model_;
  VLearningOptions options_;
  int m_, horizon_, states_, alpha_horizon_;
  MarkovSimulator simulator_;
  std::vector<RngStream> rng_;  // one per player
  ProductPolicy current_;       // μ, laid out like every product policy
  OptimisticValues values_;     // V̄ and the visit counts
  VisitLog log_;
  std::int64_t episodes_ = 0;
  PlayLog play_;
  bool replaying_ = false;
  int replay_step_ = 0;  // the step being replayed, for errors
  std::vector<int> actions_;     // this step's, per player
  std::vector<int> choices_;     // this step's, per player: as actions_, or b·A_i + a
  std::vector<double> rewards_;  // this step's, per player
};

}  // namespace eqlab

#pragma once
// The interface of every Markov-game learner. A solver owns its simulator and plays whole
// episodes; sample complexity is counted in episodes, including any the solver spends
// evaluating (Nash-CA). What it outputs depends on the algorithm, so it exposes whichever
// of these it has:
//   certified()   the visit log of the certified policy π̂ (CCE-V, CE-V);
//   product()     a Markov product policy (EXP3-IX's last iterate, Nash-CA's current
//                 deterministic profile);
//   correlated()  a Markov correlated policy (Nash-VI);
//   played_log()  the distributions every player drew from at every visit, as a VisitLog
//                 (the certified log itself for V-learning; EXP3-IX keeps one too), from
//                 which the visit-averaged policy is rebuilt;
//   next_play()   the distributions the next episode will draw from at every (h, s), where
//                 the solver knows them now (EXP3-IX, CCE-V: each player's current μ):
//                 with played_log(), every episode's policy, so the episode-uniform
//                 mixture of the policies played can be evaluated.
// Determinism: a solver's results depend on its seed alone; each player has its own random
// stream RngStream(seed, markov_stream::kLearner, player), separate from the simulator's.
//
// See docs/algorithms/markov-learning.md.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/concept.hpp>
#include <eqlab/algorithms/markov/markov_policy.hpp>
#include <eqlab/algorithms/markov/visit_log.hpp>
#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

class MarkovSolver {
 public:
  virtual ~MarkovSolver() = default;

  virtual std::string name() const = 0;
  // Plays one learning episode; a solver that has converged (Nash-CA) may return false
  // and play nothing, else true. Some solvers count more than one episode per call.
  virtual bool run_episode() = 0;
  // Episodes used so far, every kind counted.
  virtual std::int64_t episodes() const = 0;

  virtual const VisitLog* certified() const { return nullptr; }
  virtual const ProductPolicy* product() const { return nullptr; }
  virtual const CorrelatedPolicy* correlated() const { return nullptr; }
  virtual const VisitLog* played_log() const { return certified(); }
  virtual const ProductPolicy* next_play() const { return nullptr; }
  // The solution concept the solver targets: nash, cce or ce. Its gap is the headline
  // metric of runs and experiments.
  virtual Concept solution_concept() const = 0;

  // Every knob, as recorded in the result's solver.params.
  virtual nlohmann::json params() const = 0;
  // Bytes of learner state and logs (for the memory checks of large runs).
  virtual std::size_t memory_bytes() const = 0;
};

}  // namespace eqlab

#pragma once
// The one interface every iterative learner implements. The experiment runner and the
// CLI drive solvers only through it, so curves, progress and results are written once.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/concept.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>

namespace eqlab {

class Solver {
 public:
  virtual ~Solver() = default;

  // Runs one iteration (or one episode).
  virtual void step() = 0;
  // Iterations run so far.
  virtual std::int64_t iteration() const = 0;

  virtual std::string name() const = 0;
  // The solution concept the output approximates.
  virtual Concept solution_concept() const { return Concept::nash; }
  // Every parameter in effect, defaults included (the seed too).
  virtual nlohmann::json params() const = 0;

  // The strategy the solver outputs (for Nash learners the average strategy) and the
  // strategy it plays now, both in sequence form.
  virtual Profile output_profile() const = 0;
  virtual Profile current_profile() const = 0;

  // Learners whose output is the uniform mixture of the product profiles they played
  // (NFCCE, EFCE learners, and every self-play learner with simultaneous updates) return
  // the profile of the last completed round, the one its losses were computed at, so that
  // the runner can measure the mixture's gaps round by round and write it out. Others
  // (alternating updates) return nullptr.
  virtual const Profile* played_profile() const { return nullptr; }
  // The same round as behavioural strategies (entry s: the probability of sequence s's
  // action at its infoset), with the learner's own probabilities at the infosets the
  // played profile never reaches. A K-EFCE deviator with K ≥ 2 can reach those infosets
  // and still read recommendations there, so its gap needs them. nullptr: they are not
  // kept, and evaluators take the uniform strategy there.
  virtual const Profile* played_behavioural() const { return nullptr; }

  // A bound the learner proves on the gap of its own mixture for its concept (per round,
  // utility units), from its own sums: the runner checks at every checkpoint that the
  // measured gap never exceeds it, since a violation can only be a bug. nullopt: none.
  virtual std::optional<double> gap_bound() const { return std::nullopt; }

  // Quantities only the learner knows, measured now, by name: e.g. its own trigger regret
  // divided by the number of rounds, in utility units. The runner adds them to curves.
  virtual std::vector<std::pair<std::string, double>> own_metrics() const { return {}; }
};

}  // namespace eqlab

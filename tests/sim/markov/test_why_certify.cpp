// Why V-learning certifies (docs/algorithms/markov-learning.md, "exp3-ix"): on a cycling
// game, the certified policy's CCE gap shrinks as episodes accrue, while the last iterate
// of the same learners (and of independent EXP3-IX) keeps cycling far from any
// equilibrium.
#include <doctest/doctest.h>

#include <memory>

#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/markov/markov_builtin.hpp>
#include <eqlab/sim/markov/markov_runner.hpp>

using namespace eqlab;

namespace {

// The curve of one run: rows at the given checkpoints.
Curve run(const std::string& solver_name, const MarkovModel& model, std::int64_t episodes) {
  const std::unique_ptr<MarkovSolver> solver =
      make_markov_solver(solver_name, model, nlohmann::json::object(), 3, episodes);
  MarkovRunOptions options;
  options.episodes = episodes;
  options.checkpoints = 12;
  return run_markov_solver(*solver, model, options).curve;
}

double at(const Curve& curve, const std::string& metric, std::int64_t episodes) {
  const int column = curve.metric_index(metric);
  REQUIRE(column >= 0);
  double value = 0.0;
  for (const Curve::Row& row : curve.rows)
    if (row.iteration <= episodes) value = row.values[static_cast<std::size_t>(column)];
  return value;
}

}  // namespace

TEST_CASE("markov why certify: on a cycling game the certified CCE gap shrinks, the last iterate does not") {
  // Shapley-type cycle for two players on a chain of two states, H = 2, rewards in [0, 1].
  const std::unique_ptr<MarkovModel> model = make_markov_builtin("markov-cycle(players=2,states=2,horizon=2)");
  const std::int64_t K = 60000;
  const Curve cce_v = run("cce-v", *model, K);
  const double early = at(cce_v, "cce_gap_upper", 1000), late = at(cce_v, "cce_gap_upper", K);
  const double last_early = at(cce_v, "last_iterate_gap", 1000), last_late = at(cce_v, "last_iterate_gap", K);
  MESSAGE("cce-v certified CCE gap <= " << early << " at 1000 episodes, " << late << " at " << K
                                        << "; last iterate's Nash gap " << last_early << " -> " << last_late);
  CHECK(late < 0.03);
  CHECK(late < early - 0.05);
  // The last iterate is a product policy: its CCE gap is its Nash gap, and it stays large.
  CHECK(last_late > 0.5);
  CHECK(last_late > last_early);

  const Curve exp3 = run("exp3-ix", *model, K);
  const double exp3_last = at(exp3, "last_iterate_gap", K);
  MESSAGE("exp3-ix last iterate's Nash gap " << exp3_last << " at " << K);
  CHECK(exp3_last > 0.5);
}

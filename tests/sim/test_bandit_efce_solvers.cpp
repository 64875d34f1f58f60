// The bandit EFCE learners as solvers: registered by name, concept "efce", and the EFCE
// gap of the mixture of their expected strategies falls as episodes accumulate.
#include <doctest/doctest.h>

#include <eqlab/algorithms/bandit/bandit_solver.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/sim/runner.hpp>

using namespace eqlab;

TEST_CASE("bandit efce-omd and efce-omd-balanced: concept efce, EFCE gap falls on 3-player Kuhn") {
  const CompiledGame g = compile(make_builtin("kuhn(players=3)"));
  for (const std::string name : {"efce-omd", "efce-omd-balanced"}) {
    CAPTURE(name);
    auto solver = make_bandit_solver(name, g, SolverOptions{}, 20000);
    CHECK(solver->solution_concept() == Concept::efce);
    RunOptions run;
    run.iterations = 20000;
    run.checkpoints = 6;
    const RunResult result = run_solver(*solver, g, run);
    const std::vector<double> efce = result.curve.column("efce_gap");
    MESSAGE(name << ": EFCE gap " << efce[efce.size() - 3] << " at " << result.curve.rows[efce.size() - 3].iteration
                 << " episodes, " << efce.back() << " at 20000");
    CHECK(efce.back() < efce[efce.size() - 3] * 0.8);
    CHECK(efce.back() < 0.2);
  }
}

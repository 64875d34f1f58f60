// Numerical soak: every learner runs for 10^7 iterations (full feedback) or 10^8 episodes
// (bandit feedback) on Kuhn poker, and no NaN or infinity may appear in its curve or its
// final profiles while its gap keeps shrinking. Minutes of work, so these cases are
// skipped in the normal run: `scripts/test --soak` runs them (ctest label `soak`).
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include <eqlab/algorithms/bandit/bandit_solver.hpp>
#include <eqlab/algorithms/solver.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/sim/runner.hpp>

using namespace eqlab;

namespace {

bool all_finite(const Profile& x) {
  for (const auto& player : x)
    for (double v : player)
      if (!std::isfinite(v)) return false;
  return true;
}

// The run's gap column: exploitability for Nash learners, else the mixture's gap.
std::string gap_column(const RunResult& r) {
  if (r.solution_concept == Concept::nash) return "exploitability";
  return r.solution_concept == Concept::efce ? "efce_gap" : "nfcce_gap";
}

void soak(Solver& solver, const CompiledGame& game, std::int64_t rounds) {
  RunOptions options;
  options.iterations = rounds;
  options.checkpoints = 24;
  const RunResult r = run_solver(solver, game, options);
  for (std::size_t m = 0; m < r.curve.metrics.size(); ++m)
    for (const Curve::Row& row : r.curve.rows) {
      INFO(r.curve.metrics[m] << " at " << row.iteration);
      CHECK(!std::isnan(row.values[m]));
      CHECK(!std::isinf(row.values[m]));
    }
  CHECK(all_finite(solver.output_profile()));
  CHECK(all_finite(solver.current_profile()));
  // Shrinking: the gap at the end is below the gap at the first checkpoint past 1% of
  // the run (or at the floor of double precision already).
  const std::vector<double> gap = r.curve.column(gap_column(r));
  std::size_t early = 0;
  while (early + 1 < gap.size() && r.curve.rows[early].iteration < rounds / 100) ++early;
  INFO(gap_column(r) << ": " << gap[early] << " at " << r.curve.rows[early].iteration << ", " << gap.back() << " at the end");
  CHECK((gap.back() < gap[early] || gap.back() < 1e-9));
}

}  // namespace

TEST_CASE("soak: every full-feedback learner, 10^7 iterations on Kuhn poker" * doctest::skip()) {
  const CompiledGame game = compile(make_builtin("kuhn"));
  for (const SolverEntry* info : registered_solvers(GameKind::extensive, Feedback::full)) {
    if (info->normal_form_only) continue;
    CAPTURE(info->name);
    const auto solver = make_solver(info->name, game, {});
    soak(*solver, game, 10'000'000);
  }
}

TEST_CASE("soak: every bandit learner, 10^8 episodes on Kuhn poker" * doctest::skip()) {
  const CompiledGame game = compile(make_builtin("kuhn"));
  for (const SolverEntry* info : registered_solvers(GameKind::extensive, Feedback::bandit)) {
    CAPTURE(info->name);
    SolverOptions options;
    options.seed = 1;
    const auto solver = make_bandit_solver(info->name, game, options, 100'000'000);
    soak(*solver, game, 100'000'000);
  }
}

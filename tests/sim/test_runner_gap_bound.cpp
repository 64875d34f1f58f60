// The runner checks a learner's proven bound against the gap it measures: K-EFR's runs
// pass, and a learner claiming a quarter of its bound is caught at the first checkpoint where the
// gap exceeds the claim.
#include <doctest/doctest.h>

#include <stdexcept>

#include <eqlab/algorithms/kefce/kefr_solver.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/sim/runner.hpp>

using namespace eqlab;

namespace {

// K-EFR that claims `factor` times its real bound.
class ClaimedBound final : public Solver {
 public:
  ClaimedBound(const CompiledGame& game, double factor) : inner_(game, KefrOptions{}), factor_(factor) {}
  void step() override { inner_.step(); }
  std::int64_t iteration() const override { return inner_.iteration(); }
  std::string name() const override { return "claimed-bound"; }
  Concept solution_concept() const override { return inner_.solution_concept(); }
  nlohmann::json params() const override { return inner_.params(); }
  Profile output_profile() const override { return inner_.output_profile(); }
  Profile current_profile() const override { return inner_.current_profile(); }
  const Profile* played_profile() const override { return inner_.played_profile(); }
  const Profile* played_behavioural() const override { return inner_.played_behavioural(); }
  std::optional<double> gap_bound() const override { return *inner_.gap_bound() * factor_; }

 private:
  KefrSolver inner_;
  double factor_;
};

}  // namespace

TEST_CASE("runner: the measured K-EFCE gap is checked against the learner's bound") {
  const CompiledGame g = compile(make_builtin("leduc"));
  RunOptions run;
  run.iterations = 200;
  run.checkpoints = 5;
  ClaimedBound honest(g, 1.0);
  const RunResult result = run_solver(honest, g, run);
  REQUIRE(result.mixture);
  REQUIRE(result.mixture->kefce_gap);
  CHECK(*result.mixture->kefce_gap > 0.0);
  // K-EFR's bound on Leduc is a few times its gap (0.054 against 0.024 after 3,000
  // rounds), so a quarter of it is exceeded.
  ClaimedBound overclaiming(g, 0.25);
  CHECK_THROWS_AS(run_solver(overclaiming, g, run), std::logic_error);
}

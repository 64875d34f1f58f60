// The runner refuses to evaluate a strategy that is no longer finite: a NaN would make
// every gap read as 0, a converged run that is not.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>

#include <eqlab/algorithms/solver.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/sim/runner.hpp>

using namespace eqlab;

namespace {

// CFR+ whose current strategy turns to NaN from iteration `from` on.
class Overflowing final : public Solver {
 public:
  Overflowing(const CompiledGame& game, std::int64_t from) : inner_(make_solver("cfr+", game, {})), from_(from) {}
  void step() override { inner_->step(); }
  std::int64_t iteration() const override { return inner_->iteration(); }
  std::string name() const override { return "overflowing"; }
  nlohmann::json params() const override { return inner_->params(); }
  Profile output_profile() const override { return inner_->output_profile(); }
  Profile current_profile() const override {
    Profile x = inner_->current_profile();
    if (iteration() >= from_) x[1][1] = std::numeric_limits<double>::quiet_NaN();
    return x;
  }

 private:
  std::unique_ptr<Solver> inner_;
  std::int64_t from_;
};

}  // namespace

TEST_CASE("runner: a strategy that is no longer finite stops the run with the iteration it was seen at") {
  const CompiledGame g = compile(make_builtin("kuhn"));
  RunOptions run;
  run.iterations = 100;
  run.checkpoints = 5;
  Overflowing fine(g, 1'000);
  CHECK_NOTHROW(run_solver(fine, g, run));
  Overflowing broken(g, 40);
  std::string message;
  try {
    run_solver(broken, g, run);
  } catch (const NumericalError& e) {
    message = e.what();
  }
  CHECK(message.rfind("overflowing: the strategy is no longer finite (NaN or infinity) by iteration ", 0) == 0);
}

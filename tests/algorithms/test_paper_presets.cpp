// preset=paper: the step sizes the full-feedback Φ-Hedge learners actually use, read from
// the solvers, against numbers worked out by hand from the papers' formulas on Kuhn poker
// for a horizon of T = 1000 rounds. A wrong constant (a missing factor 2, log N, N or the
// horizon) changes these numbers.
//
// Kuhn poker, player 0: 6 infosets (J, Q, K and Jpb, Qpb, Kpb), 12 sequences besides the
// empty one, A = 2 actions, own depth H = 2; the plan that always passes reaches all 6
// infosets, so ‖Π‖₁ = 6. Player 1: 6 infosets, all at depth 1, ‖Π‖₁ = 6, N = 12, H = 1.
#include <doctest/doctest.h>

#include <cmath>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/omd/efce_omd_solver.hpp>
#include <eqlab/algorithms/omd/omd_solver.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/lib/error.hpp>

using namespace eqlab;

namespace {

constexpr std::int64_t kHorizon = 1000;

std::unique_ptr<Solver> paper_solver(const CompiledGame& game, const std::string& name,
                                     nlohmann::json extra = nlohmann::json::object()) {
  extra["preset"] = "paper";
  return make_solver(name, game, SolverOptions{0, extra}, kHorizon);
}

}  // namespace

TEST_CASE("preset=paper: omd's step is sqrt(2 ||Pi||_1 log A / (L^2 T)) in both forms") {
  const CompiledGame kuhn = compile(make_builtin("kuhn"));
  // sqrt(2 · 6 · ln 2 / 1000) = sqrt(0.0083177662) = 0.0912017882
  for (const char* form : {"ftrl", "omd"}) {
    CAPTURE(form);
    const auto solver = paper_solver(kuhn, "omd", {{"form", form}});
    const auto& omd = dynamic_cast<const OmdSolver&>(*solver);
    for (int p = 0; p < 2; ++p) {
      CHECK(omd.step_size(p, 1) == doctest::Approx(0.0912017882).epsilon(1e-9));
      CHECK(omd.step_size(p, 777) == omd.step_size(p, 1));  // constant: tuned to the horizon
    }
    const nlohmann::json params = solver->params();
    CHECK(params["preset"] == "paper");
    CHECK(params["horizon"] == kHorizon);
    CHECK(params["eta"][0].get<double>() == doctest::Approx(0.0912017882).epsilon(1e-9));
  }
  // Per-step losses summing to L = 4: sqrt(2 · 6 · ln 2 / (16 · 1000)) = 0.0228004470.
  const auto per_step = paper_solver(kuhn, "omd", {{"loss_bound", 4}});
  CHECK(dynamic_cast<const OmdSolver&>(*per_step).step_size(0, 1) == doctest::Approx(0.0228004470).epsilon(1e-9));
  // eta_scale multiplies the paper's step (a sweep of c_η around 1).
  const auto scaled = paper_solver(kuhn, "omd", {{"eta_scale", 3}});
  CHECK(dynamic_cast<const OmdSolver&>(*scaled).step_size(1, 1) == doctest::Approx(3 * 0.0912017882).epsilon(1e-9));
}

TEST_CASE("preset=paper: omd-balanced's step is sqrt(N log A / (H T))") {
  const CompiledGame kuhn = compile(make_builtin("kuhn"));
  const auto solver = paper_solver(kuhn, "omd-balanced");
  const auto& omd = dynamic_cast<const OmdSolver&>(*solver);
  // Player 0: sqrt(12 · ln 2 / (2 · 1000)) = 0.0644894029; player 1 (H = 1): 0.0912017882.
  CHECK(omd.step_size(0, 1) == doctest::Approx(0.0644894029).epsilon(1e-9));
  CHECK(omd.step_size(1, 1) == doctest::Approx(0.0912017882).epsilon(1e-9));
}

TEST_CASE("preset=paper: efce-omd and efce-omd-balanced step sqrt(2 (||Pi||_1 log A + log N) / (L^2 T))") {
  const CompiledGame kuhn = compile(make_builtin("kuhn"));
  // sqrt(2 · (6 ln 2 + ln 12) / 1000) = sqrt(0.0132875806) = 0.1152717635, for both
  // variants: the balanced one has no theorem of its own with full feedback, and keeps
  // its tempered Hedge over triggers but not eqlab's factor N on the step.
  for (const char* name : {"efce-omd", "efce-omd-balanced"}) {
    CAPTURE(name);
    const auto solver = paper_solver(kuhn, name);
    const auto& efce = dynamic_cast<const EfceOmdSolver&>(*solver);
    for (int p = 0; p < 2; ++p) {
      CHECK(efce.step_size(p, 1) == doctest::Approx(0.1152717635).epsilon(1e-9));
      CHECK(efce.step_size(p, 500) == efce.step_size(p, 1));
    }
  }
  // The practical balanced step is N = 12 times the plain one at the same scale: the
  // factor preset=paper leaves out.
  const auto practical = make_solver("efce-omd-balanced", kuhn, SolverOptions{0, {{"step", "theory"}}}, kHorizon);
  CHECK(dynamic_cast<const EfceOmdSolver&>(*practical).step_size(0, 1) ==
        doctest::Approx(12 * std::sqrt(2 * (6 * std::log(2.0) + std::log(12.0)))).epsilon(1e-9));
}

TEST_CASE("preset=paper: the step is the preset's, and loss_bound belongs to it") {
  const CompiledGame kuhn = compile(make_builtin("kuhn"));
  CHECK_THROWS_WITH_AS(make_solver("omd", kuhn, SolverOptions{0, {{"preset", "paper"}, {"step", "theory"}}}, 10),
                       doctest::Contains("preset=paper sets the step size"), UsageError);
  CHECK_THROWS_WITH_AS(make_solver("efce-omd", kuhn, SolverOptions{0, {{"loss_bound", 2}}}, 10),
                       doctest::Contains("give preset=paper too"), UsageError);
  CHECK_THROWS_AS(make_solver("omd", kuhn, SolverOptions{0, {{"preset", "theorem"}}}, 10), UsageError);
  // Every run records its preset; practical runs have no paper constants to record.
  const nlohmann::json practical = make_solver("omd", kuhn, SolverOptions{}, 10)->params();
  CHECK(practical["preset"] == "practical");
  CHECK_FALSE(practical.contains("eta"));
}

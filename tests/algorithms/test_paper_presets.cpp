// The papers' constants as the learners actually use them, read from the solvers, against
// numbers worked out by hand from the papers' formulas: preset=paper of the full-feedback
// and bandit Φ-Hedge learners on Kuhn poker for a horizon of T = 1000, the paper presets
// of Nash-CA and CCE-V-learning on a small Markov game, and K-EFR's. A wrong constant (a
// missing factor 2, H, S, log N, N or the horizon) changes these numbers.
//
// Kuhn poker, player 0: 6 infosets (J, Q, K and Jpb, Qpb, Kpb), 12 sequences besides the
// empty one, A = 2 actions, own depth H = 2; the plan that always passes reaches all 6
// infosets, so ‖Π‖₁ = 6. Player 1: 6 infosets, all at depth 1, ‖Π‖₁ = 6, N = 12, H = 1.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/markov/centralized/nash_vi.hpp>
#include <eqlab/algorithms/markov/independent/independent_exp3ix.hpp>
#include <eqlab/algorithms/kefce/kefr_solver.hpp>
#include <eqlab/algorithms/markov/potential/nash_ca.hpp>
#include <eqlab/algorithms/markov/vlearning/cce_v_learning.hpp>
#include <eqlab/algorithms/markov/vlearning/ce_v_learning.hpp>
#include <eqlab/algorithms/omd/efce_omd_solver.hpp>
#include <eqlab/algorithms/omd/omd_solver.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/markov/markov_builtin.hpp>
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

TEST_CASE("preset=paper: optimistic-omd's constant step is 1/(2 (n - 1) L), the RVU condition of self-play") {
  // Two players: 1/(2 · 1) = 0.5; three: 1/(2 · 2) = 0.25; losses totalling L = 4: 0.125.
  // Not tuned to the horizon: the bound it serves (the sum of the regrets) does not grow with T.
  const CompiledGame kuhn = compile(make_builtin("kuhn"));
  const CompiledGame kuhn3 = compile(make_builtin("kuhn(players=3)"));
  const auto two = paper_solver(kuhn, "optimistic-omd");
  const auto three = paper_solver(kuhn3, "optimistic-omd");
  const auto per_step = paper_solver(kuhn, "optimistic-omd", {{"loss_bound", 4}});
  for (int p = 0; p < 2; ++p) {
    CHECK(dynamic_cast<const OmdSolver&>(*two).step_size(p, 1) == 0.5);
    CHECK(dynamic_cast<const OmdSolver&>(*two).step_size(p, 999) == 0.5);
    CHECK(dynamic_cast<const OmdSolver&>(*per_step).step_size(p, 1) == 0.125);
  }
  for (int p = 0; p < 3; ++p) CHECK(dynamic_cast<const OmdSolver&>(*three).step_size(p, 1) == 0.25);
  CHECK(two->params()["preset"] == "paper");
  CHECK(two->params()["eta"][0].get<double>() == 0.5);
  // The practical step is eta_scale 5 times sqrt(2 ||Pi||_1 log A) = 5 sqrt(12 ln 2) = 14.4202689.
  const auto practical = make_solver("optimistic-omd", kuhn, SolverOptions{}, kHorizon);
  CHECK(dynamic_cast<const OmdSolver&>(*practical).step_size(0, 1) == doctest::Approx(14.4202689).epsilon(1e-8));
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

namespace {

std::unique_ptr<Solver> bandit_paper_solver(const CompiledGame& game, const std::string& name,
                                            nlohmann::json extra = nlohmann::json::object()) {
  extra["preset"] = "paper";
  return make_bandit_solver(name, game, SolverOptions{0, extra}, kHorizon);
}

}  // namespace

TEST_CASE("preset=paper with bandit feedback: the theorems' constants, eta rescaled from per-step losses") {
  // The theorems charge a loss in [0, 1] at every own step (at most H per episode); eqlab
  // charges one terminal loss in [0, 1], so preset=paper multiplies their η by H / L.
  // Kuhn, player 0: N = 12, H = 2, A = 2, X = 6, ||Pi||_1 = 6; player 1: H = 1. T = 1000.
  const CompiledGame kuhn = compile(make_builtin("kuhn"));
  struct Expected {
    const char* solver;
    double eta0, gamma0, eta1;
  };
  const Expected expected[] = {
      // Thm 6: η = sqrt(||Pi||_1 log A / (H N T)) · H, γ = sqrt(||Pi||_1 ι / (N T)), ι = log(3N/0.01)
      //   player 0: sqrt(6 ln 2 / 24000) · 2 = 0.0263276885, γ = sqrt(6 ln 3600 / 12000) = 0.0639870656
      //   player 1: sqrt(6 ln 2 / 12000) · 1 = 0.0186164871
      {"efce-omd", 0.0263276885, 0.0639870656, 0.0186164871},
      // The uniform-exploration baseline takes Thm 6's constants.
      {"efce-omd-uniform", 0.0263276885, 0.0639870656, 0.0186164871},
      // Thm 7: η = sqrt(N ι / (H^4 T)) · H, γ = 2 sqrt(N ι / (H^2 T)), ι = log(10N/0.01) = ln 12000
      //   player 0: sqrt(12 · 9.3926619 / 16000) · 2 = 0.1678629971, γ = 2 sqrt(12 · 9.3926619 / 4000) = 0.3357259941
      //   player 1: sqrt(12 · 9.3926619 / 1000) · 1 = 0.3357259941
      {"efce-omd-balanced", 0.1678629971, 0.3357259941, 0.3357259941},
      // Balanced OMD (Bai, Jin, Mei, Yu 2022): η = sqrt(N ι / (H^3 T)) · H, γ = sqrt(N ι / (H T))
      //   player 0: sqrt(12 · 9.3926619 / 8000) · 2 = 0.2373941271, γ = sqrt(12 · 9.3926619 / 2000) = 0.2373941271
      {"balanced-omd", 0.2373941271, 0.2373941271, 0.3357259941},
      // IXOMD, eqlab's tuning for terminal-only losses (no rescaling): η = sqrt(2 X log A / (H A T)), γ = η/2
      //   player 0: sqrt(12 ln 2 / 4000) = 0.0456008941; player 1: sqrt(12 ln 2 / 2000) = 0.0644894029
      {"ixomd", 0.0456008941, 0.0228004470, 0.0644894029},
  };
  for (const Expected& e : expected) {
    CAPTURE(e.solver);
    const nlohmann::json params = bandit_paper_solver(kuhn, e.solver)->params();
    CHECK(params["preset"] == "paper");
    CHECK(params["eta"][0].get<double>() == doctest::Approx(e.eta0).epsilon(1e-9));
    CHECK(params["gamma"][0].get<double>() == doctest::Approx(e.gamma0).epsilon(1e-9));
    CHECK(params["eta"][1].get<double>() == doctest::Approx(e.eta1).epsilon(1e-9));
    // The practical preset keeps the theorems' η as stated: H times smaller for player 0
    // of Thm 6 and 7 and balanced OMD, the same for IXOMD.
    const nlohmann::json practical = make_bandit_solver(e.solver, kuhn, SolverOptions{}, kHorizon)->params();
    CHECK(practical["preset"] == "practical");
    const double factor = std::string(e.solver) == "ixomd" ? 1.0 : 2.0;
    CHECK(practical["eta"][0].get<double>() * factor == doctest::Approx(e.eta0).epsilon(1e-9));
    CHECK(practical["gamma"][0].get<double>() == doctest::Approx(e.gamma0).epsilon(1e-9));
  }
  // Per-step losses (L = H = 2 for player 0) give back the theorem's η as stated.
  const nlohmann::json per_step = bandit_paper_solver(kuhn, "efce-omd", {{"loss_bound", 2}})->params();
  CHECK(per_step["eta"][0].get<double>() == doctest::Approx(0.0263276885 / 2).epsilon(1e-9));
  CHECK_THROWS_WITH_AS(make_bandit_solver("ixomd", kuhn, SolverOptions{0, {{"loss_bound", 2}}}, 10),
                       doctest::Contains("give preset=paper too"), UsageError);
}

TEST_CASE("nash-ca at the paper preset: a UCBVI bonus with the factor S, and every learned policy evaluated") {
  // markov-random(players=2,states=3,actions=2,horizon=2,seed=1), ε = 0.1, δ = 0.1:
  // ι = ln(m H S A / (δ ε)) = ln(2·2·3·2 / 0.01) = ln 2400 = 7.7832240.
  const auto model = make_markov_builtin("markov-random(players=2,states=3,actions=2,horizon=2,seed=1)");
  const auto learning = [&](const std::string& preset) {
    // One evaluation episode, so that the first learner starts at the second episode.
    auto solver = make_markov_solver("nash-ca", *model, {{"preset", preset}, {"evaluation_episodes", 1}}, 0, 1000);
    solver->run_episode();
    solver->run_episode();
    return solver;
  };
  const auto paper = learning("paper");
  const auto& nash = dynamic_cast<const NashCa&>(*paper);
  // b(N = 4) = 1 · sqrt(H² S ι / 4) = sqrt(4 · 3 · 7.7832240 / 4) = 4.8321498
  CHECK(nash.learner(0).bonus(4) == doctest::Approx(4.8321498).epsilon(1e-7));
  CHECK(paper->params()["evaluate_unchanged"] == true);
  CHECK(paper->params()["preset"] == "paper");
  // Its former name is still read, and recorded as paper.
  CHECK(learning("theory")->params()["preset"] == "paper");
  // Practical: 0.05 · sqrt(H² ι / 4) = 0.05 · sqrt(4 · 7.7832240 / 4) = 0.13949215
  const auto practical = learning("practical");
  CHECK(dynamic_cast<const NashCa&>(*practical).learner(0).bonus(4) == doctest::Approx(0.13949215).epsilon(1e-7));
  CHECK(practical->params()["evaluate_unchanged"] == false);
}

TEST_CASE("nash-ca at the paper preset counts the evaluation of a learned policy equal to the current one") {
  // With one learner episode each, UCBVI returns action 0 everywhere, the current policy:
  // the practical preset skips its evaluation, the paper preset plays its N episodes.
  const auto model = make_markov_builtin("markov-random(players=2,states=3,actions=2,horizon=2,seed=1)");
  const auto episodes_of_one_round = [&](const std::string& preset) {
    auto solver = make_markov_solver(
        "nash-ca", *model,
        {{"preset", preset}, {"evaluation_episodes", 5}, {"learner_episodes", 1}, {"max_rounds", 1}}, 0, 1000);
    while (solver->run_episode()) {
    }
    return solver->episodes();
  };
  // Base evaluation 5, then per player one learner episode and, at the paper preset, 5
  // evaluation episodes: 5 + 2 · 1 = 7 against 5 + 2 · (1 + 5) = 17.
  CHECK(episodes_of_one_round("practical") == 7);
  CHECK(episodes_of_one_round("paper") == 17);
}

TEST_CASE("exp3-ix at the paper preset: eta_t = 2 gamma_t = sqrt(2 ln A / (A t)), Neu's tuning") {
  // Three actions: sqrt(2 ln 3 / 3) = 0.8558085022 at the first visit, half of it at the
  // fourth; gamma half of eta. Practical: eta = gamma = sqrt(ln 3 / 3) = 0.6051479953.
  const auto model = make_markov_builtin("markov-cycle(players=2,states=2,horizon=2)");
  REQUIRE(model->num_actions(0) == 3);
  const auto paper = make_markov_solver("exp3-ix", *model, {{"preset", "paper"}}, 0, 1000);
  const auto& ix = dynamic_cast<const IndependentExp3Ix&>(*paper);
  for (int i = 0; i < 2; ++i) {
    CHECK(ix.learning_rate(i, 1) == doctest::Approx(0.8558085022).epsilon(1e-9));
    CHECK(ix.learning_rate(i, 4) == doctest::Approx(0.4279042511).epsilon(1e-9));
    CHECK(ix.exploration(i, 1) == doctest::Approx(0.4279042511).epsilon(1e-9));
  }
  CHECK(paper->params()["preset"] == "paper");
  CHECK_THROWS_WITH_AS(make_markov_solver("exp3-ix", *model, {{"preset", "paper"}, {"lr_scale", 2}}, 0, 1000),
                       doctest::Contains("preset paper fixes lr_scale"), UsageError);
  const auto practical = make_markov_solver("exp3-ix", *model, {}, 0, 1000);
  const auto& plain = dynamic_cast<const IndependentExp3Ix&>(*practical);
  CHECK(plain.learning_rate(1, 1) == doctest::Approx(0.6051479953).epsilon(1e-9));
  CHECK(plain.exploration(1, 1) == plain.learning_rate(1, 1));
  CHECK(practical->params()["preset"] == "practical");
}

TEST_CASE("cce-v: the bonus and step of the paper preset, by hand") {
  // markov-random(players=2,states=3,actions=2,horizon=2,seed=1), K = 100 episodes,
  // ε = δ = 0.1: ι = ln(m A H S K / (δ ε)) = ln(2·2·2·3·100 / 0.01) = ln 240000 = 12.3883942.
  const auto model = make_markov_builtin("markov-random(players=2,states=3,actions=2,horizon=2,seed=1)");
  const auto paper = make_markov_solver("cce-v", *model, {{"preset", "paper"}}, 0, 100);
  const auto& cce = dynamic_cast<const CceVLearning&>(*paper);
  CHECK(paper->params()["iota"].get<double>() == doctest::Approx(12.3883942).epsilon(1e-8));
  // β_1 = sqrt(H³ A ι) = sqrt(8 · 2 · 12.3883942) = 14.0788603; β_4 = β_1 / 2.
  CHECK(cce.bonus(0, 1) == doctest::Approx(14.0788603).epsilon(1e-8));
  CHECK(cce.bonus(1, 4) == doctest::Approx(14.0788603 / 2).epsilon(1e-8));
  // η_1 = sqrt(H ln A / A) = sqrt(2 ln 2 / 2) = 0.8325546.
  CHECK(cce.step_size(0, 1) == doctest::Approx(0.8325546).epsilon(1e-7));
  // The practical preset scales the bonus by 0.01 and nothing else.
  const auto practical = make_markov_solver("cce-v", *model, {}, 0, 100);
  CHECK(dynamic_cast<const CceVLearning&>(*practical).bonus(0, 1) == doctest::Approx(0.140788603).epsilon(1e-8));
  CHECK(dynamic_cast<const CceVLearning&>(*practical).step_size(0, 1) == doctest::Approx(0.8325546).epsilon(1e-7));
}

TEST_CASE("ce-v: the bonus, step and exploration of the paper preset, by hand") {
  // The same game and K as cce-v above: ι = ln 240000 = 12.3883942, H = 2, A = 2, c = 1.
  const auto model = make_markov_builtin("markov-random(players=2,states=3,actions=2,horizon=2,seed=1)");
  const auto paper = make_markov_solver("ce-v", *model, {{"preset", "paper"}}, 0, 100);
  const auto& ce = dynamic_cast<const CeVLearning&>(*paper);
  CHECK(paper->params()["iota"].get<double>() == doctest::Approx(12.3883942).epsilon(1e-8));
  // β̄_t = H² A sqrt(ι/t) + 2 H² ι/t: t = 1: 8 · 3.5197151 + 8 · 12.3883942 = 127.2648742;
  // t = 4: 14.0788603 + 24.7767884 = 38.8556487.
  CHECK(ce.bonus(0, 1) == doctest::Approx(127.2648742).epsilon(1e-8));
  CHECK(ce.bonus(1, 4) == doctest::Approx(38.8556487).epsilon(1e-8));
  // η_τ = γ_τ = sqrt(ι/(A τ)): τ = 1: 2.4888144; τ = 9: 0.8296048.
  CHECK(ce.step_size(0, 1) == doctest::Approx(2.4888144).epsilon(1e-7));
  CHECK(ce.step_size(1, 9) == doctest::Approx(0.8296048).epsilon(1e-7));
  CHECK(ce.exploration(0, 1) == doctest::Approx(2.4888144).epsilon(1e-7));
  // The practical preset: c = 0.01 on the bonus, nothing else.
  const auto practical = make_markov_solver("ce-v", *model, {}, 0, 100);
  CHECK(dynamic_cast<const CeVLearning&>(*practical).bonus(0, 1) == doctest::Approx(1.272648742).epsilon(1e-8));
  CHECK(dynamic_cast<const CeVLearning&>(*practical).step_size(0, 1) == doctest::Approx(2.4888144).epsilon(1e-7));
}

TEST_CASE("nash-vi: the bonus of the paper preset, by hand") {
  // ι = ln(S Π_i A_i H K / δ) = ln(3 · 4 · 2 · 100 / 0.1) = ln 24000 = 10.0858091;
  // β = c sqrt(H² S ι / N): c = 1, N = 1: sqrt(4 · 3 · 10.0858091) = 11.0013503; N = 4: half.
  const auto model = make_markov_builtin("markov-random(players=2,states=3,actions=2,horizon=2,seed=1)");
  const auto paper = make_markov_solver("nash-vi", *model, {{"preset", "paper"}}, 0, 100);
  const auto& vi = dynamic_cast<const NashVi&>(*paper);
  CHECK(paper->params()["iota"].get<double>() == doctest::Approx(10.0858091).epsilon(1e-8));
  CHECK(vi.bonus(1) == doctest::Approx(11.0013503).epsilon(1e-8));
  CHECK(vi.bonus(4) == doctest::Approx(11.0013503 / 2).epsilon(1e-8));
  // Practical: c = 0.05.
  const auto practical = make_markov_solver("nash-vi", *model, {}, 0, 100);
  CHECK(dynamic_cast<const NashVi&>(*practical).bonus(1) == doctest::Approx(0.5500675).epsilon(1e-7));
}

TEST_CASE("kefr: preset=paper is Hedge at its analysed anytime rate, the same bits as asking for it") {
  // The paper's tuned rates are not stated; the analysed learner is Hedge with
  // η_x(t) = sqrt(2 ln N_x / (1 + Σ_{s<t} B_x^s²)) at every augmented state (kefce.md).
  const CompiledGame kuhn3 = compile(make_builtin("kuhn(players=3)"));
  const auto paper = make_solver("kefr", kuhn3, SolverOptions{0, {{"preset", "paper"}}}, 50);
  const auto hedge = make_solver("kefr", kuhn3, SolverOptions{0, {{"potential", "hedge"}, {"eta_scale", 1}}}, 50);
  const nlohmann::json params = paper->params();
  CHECK(params["preset"] == "paper");
  CHECK(params["potential"] == "hedge");
  CHECK(params["eta_scale"] == 1.0);
  CHECK(hedge->params()["preset"] == "practical");
  for (int t = 0; t < 50; ++t) {
    paper->step();
    hedge->step();
  }
  CHECK(paper->output_profile() == hedge->output_profile());

  // Hedge's rate by hand, 2-player Kuhn, player 1's infoset Kb (holding K, facing a bet):
  // one observing state with A(A-1) = 2 experts, so η = sqrt(2 ln 2) = 1.1774100 before any
  // round. Round 1 is played uniformly: folding loses 1 and calling wins 2 against J and Q
  // (each dealt with probability 1/6, bet with probability 1/2), so Q(fold) = -1/6 and
  // Q(call) = 1/3, over the payoff range 4: a range B = 1/8, and
  // η = sqrt(2 ln 2 / (1 + 1/64)) = 1.1683179.
  const CompiledGame kuhn = compile(make_builtin("kuhn"));
  const auto two = make_solver("kefr", kuhn, SolverOptions{0, {{"preset", "paper"}}}, 10);
  const Treeplex& tp = kuhn.treeplex[1];
  const auto kb = std::find(tp.infoset_labels.begin(), tp.infoset_labels.end(), "Kb") - tp.infoset_labels.begin();
  REQUIRE(kb < tp.num_infosets());
  const KefrLearner& learner = dynamic_cast<const KefrSolver&>(*two).learner(1);
  CHECK(learner.hedge_rate(static_cast<int>(kb)) == doctest::Approx(1.1774100).epsilon(1e-7));
  two->step();
  CHECK(learner.hedge_rate(static_cast<int>(kb)) == doctest::Approx(1.1683179).epsilon(1e-7));
  CHECK(dynamic_cast<const KefrSolver&>(*make_solver("kefr", kuhn, SolverOptions{}, 10)).learner(1).hedge_rate(0) == 0.0);
  CHECK_THROWS_WITH_AS(make_solver("kefr", kuhn3, SolverOptions{0, {{"preset", "paper"}, {"potential", "rm"}}}, 5),
                       doctest::Contains("preset paper fixes potential"), UsageError);
}

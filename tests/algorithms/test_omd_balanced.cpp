// The weighted (balanced) dilated entropy and the omd-balanced solver: all-ones weights
// reproduce the plain learner bit for bit, the weighted FTRL strategy maximises its
// regularised objective, both forms agree, and self-play converges on Kuhn and Leduc.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/algorithms/omd/balanced_policy.hpp>
#include <eqlab/algorithms/omd/dilated_entropy.hpp>
#include <eqlab/algorithms/omd/omd_solver.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/rng.hpp>
#include <eqlab/lib/treeplex_subtrees.hpp>

using namespace eqlab;

namespace {

std::vector<double> balanced_weights(const Treeplex& tp) {
  const TreeplexSubtrees subtrees(tp);
  const BalancedPolicy policy(subtrees);
  return {policy.root_weights().begin(), policy.root_weights().end()};
}

// ⟨x, ηG⟩ − Σ_x (1/w(x)) Σ_a x(x,a) log(x(x,a)/x(p(x))), with 0 log 0 = 0.
double ftrl_objective(const Treeplex& tp, const std::vector<double>& x, const std::vector<double>& eta_g,
                      const std::vector<double>& weights) {
  double value = 0.0;
  for (int s = 1; s < tp.num_sequences(); ++s) value += x[s] * eta_g[s];
  for (int j = 0; j < tp.num_infosets(); ++j) {
    const double reach = x[tp.parent_seq[j]];
    double entropy = 0.0;
    for (int s = tp.first_seq[j]; s < tp.first_seq[j] + tp.num_actions[j]; ++s)
      if (x[s] > 0.0) entropy += x[s] * std::log(x[s] / reach);
    value -= entropy / weights[j];
  }
  return value;
}

// The behavioural strategy of `plan`, each probability multiplied by exp(size · noise)
// and renormalised, in sequence form.
std::vector<double> perturbed(const Treeplex& tp, const std::vector<double>& plan, double size, RngStream& rng) {
  std::vector<double> b(tp.num_sequences()), x(tp.num_sequences());
  tp.to_behavioural(plan, b);
  for (int j = 0; j < tp.num_infosets(); ++j) {
    double sum = 0.0;
    for (int s = tp.first_seq[j]; s < tp.first_seq[j] + tp.num_actions[j]; ++s)
      sum += (b[s] *= std::exp(size * (2.0 * rng.uniform() - 1.0)));
    for (int s = tp.first_seq[j]; s < tp.first_seq[j] + tp.num_actions[j]; ++s) b[s] /= sum;
  }
  tp.to_sequence_form(b, x);
  return x;
}

}  // namespace

TEST_CASE("weighted dilated entropy: weights all 1 give the unweighted iterates bit for bit") {
  const CompiledGame g = compile(make_builtin("leduc"));
  const Treeplex& tp = g.treeplex[1];
  for (auto form : {DilatedEntropyLearner::Form::ftrl, DilatedEntropyLearner::Form::omd}) {
    DilatedEntropyLearner plain(tp, form);
    DilatedEntropyLearner ones(tp, form, std::vector<double>(tp.num_infosets(), 1.0));
    RngStream rng(5);
    std::vector<double> utility(tp.num_sequences());
    int differing = 0;
    for (int round = 1; round <= 40; ++round) {
      for (double& u : utility) u = rng.uniform() - 0.3;
      plain.update(utility, 2.0 / std::sqrt(round));
      ones.update(utility, 2.0 / std::sqrt(round));
      for (int s = 0; s < tp.num_sequences(); ++s) differing += plain.sequence_form()[s] != ones.sequence_form()[s];
    }
    CHECK(differing == 0);
  }
  CHECK_THROWS_AS(DilatedEntropyLearner(tp, DilatedEntropyLearner::Form::ftrl, {1.0, 2.0}), UsageError);
  std::vector<double> bad(tp.num_infosets(), 1.0);
  bad[3] = 0.0;
  CHECK_THROWS_AS(DilatedEntropyLearner(tp, DilatedEntropyLearner::Form::ftrl, bad), UsageError);
}

TEST_CASE("weighted dilated entropy: the FTRL strategy maximises the weighted objective") {
  for (const char* spec : {"kuhn", "leduc"}) {
    const CompiledGame g = compile(make_builtin(spec));
    const Treeplex& tp = g.treeplex[0];
    RngStream rng(23);
    std::vector<double> random_weights(tp.num_infosets());
    for (double& w : random_weights) w = 0.05 + 3.0 * rng.uniform();
    for (const auto& weights : {balanced_weights(tp), random_weights}) {
      CAPTURE(spec);
      DilatedEntropyLearner learner(tp, DilatedEntropyLearner::Form::ftrl, weights);
      DilatedEntropyLearner plain(tp, DilatedEntropyLearner::Form::ftrl);
      std::vector<double> utility(tp.num_sequences()), cumulative(tp.num_sequences(), 0.0);
      double eta = 0.0;
      for (int round = 1; round <= 10; ++round) {
        for (int s = 1; s < tp.num_sequences(); ++s) cumulative[s] += (utility[s] = rng.uniform() - 0.5);
        eta = 0.8 / std::sqrt(round);
        learner.update(utility, eta);
        plain.update(utility, eta);
      }
      std::vector<double> eta_g(tp.num_sequences());
      for (int s = 0; s < tp.num_sequences(); ++s) eta_g[s] = eta * cumulative[s];
      const std::vector<double> best(learner.sequence_form().begin(), learner.sequence_form().end());
      const double optimum = ftrl_objective(tp, best, eta_g, weights);
      double closest = 1e300;  // smallest loss of objective over the perturbations
      for (int k = 0; k < 200; ++k) {
        const double size = std::pow(10.0, -3.0 + 3.0 * (k % 4) / 3.0);  // 0.001 .. 1
        const double value = ftrl_objective(tp, perturbed(tp, best, size, rng), eta_g, weights);
        closest = std::min(closest, optimum - value);
      }
      CHECK(closest > 0.0);
      // The plain learner's plan is a different point, clearly worse for this objective.
      const std::vector<double> other(plain.sequence_form().begin(), plain.sequence_form().end());
      CHECK(optimum - ftrl_objective(tp, other, eta_g, weights) > 1e-3);
      CHECK(tp.plan_violation(best) < 1e-12);
    }
  }
}

TEST_CASE("weighted dilated entropy: OMD and FTRL forms agree for a constant step") {
  const CompiledGame g = compile(make_builtin("leduc"));
  const Treeplex& tp = g.treeplex[0];
  const std::vector<double> weights = balanced_weights(tp);
  // The balanced weights are at most 1/|A| and small deep in the tree (1/15 in Leduc).
  CHECK(*std::min_element(weights.begin(), weights.end()) == doctest::Approx(1.0 / 15));
  DilatedEntropyLearner ftrl(tp, DilatedEntropyLearner::Form::ftrl, weights);
  DilatedEntropyLearner omd(tp, DilatedEntropyLearner::Form::omd, weights);
  RngStream rng(9);
  std::vector<double> utility(tp.num_sequences());
  double worst = 0.0;
  for (int round = 0; round < 50; ++round) {
    for (double& u : utility) u = rng.uniform();
    ftrl.update(utility, 30.0);
    omd.update(utility, 30.0);
    for (int s = 0; s < tp.num_sequences(); ++s)
      worst = std::max(worst, std::fabs(ftrl.sequence_form()[s] - omd.sequence_form()[s]));
  }
  CHECK(worst < 1e-10);
  CHECK(tp.plan_violation(omd.sequence_form()) < 1e-12);
}

TEST_CASE("omd-balanced self-play: Kuhn and Leduc exploitability below the measured values") {
  const CompiledGame kuhn = compile(make_builtin("kuhn"));
  auto solver = make_solver("omd-balanced", kuhn, {});
  CHECK(solver->name() == "omd-balanced");
  // Measured: 0.0068 after 1,000 iterations, 0.0021 after 10,000.
  while (solver->iteration() < 1000) solver->step();
  const double at_1000 = evaluate_nash(kuhn, solver->output_profile()).exploitability;
  while (solver->iteration() < 10000) solver->step();
  const NashReport at_10000 = evaluate_nash(kuhn, solver->output_profile());
  MESSAGE("omd-balanced on Kuhn: " << at_1000 << " after 1000, " << at_10000.exploitability << " after 10000");
  CHECK(at_1000 < 0.009);
  CHECK(at_10000.exploitability < 0.003);
  CHECK(std::abs(at_10000.values[0] + 1.0 / 18) < 3e-3);
  // The played profile is the one the last round's utilities were computed at.
  const Profile before = solver->current_profile();
  solver->step();
  REQUIRE(solver->played_profile() != nullptr);
  CHECK(*solver->played_profile() == before);
  CHECK(solver->current_profile() != before);

  // The theory step is slow (measured 0.043 after 10,000) but converges.
  SolverOptions theory;
  theory.extra = {{"step", "theory"}};
  auto slow = make_solver("omd-balanced", kuhn, theory);
  while (slow->iteration() < 10000) slow->step();
  const double theory_value = evaluate_nash(kuhn, slow->output_profile()).exploitability;
  MESSAGE("omd-balanced, theory step, on Kuhn after 10000: " << theory_value);
  CHECK(theory_value < 0.06);
  CHECK(theory_value > at_10000.exploitability);

  // Leduc, measured 0.051 after 1,000 iterations.
  const CompiledGame leduc = compile(make_builtin("leduc"));
  auto big = make_solver("omd-balanced", leduc, {});
  while (big->iteration() < 1000) big->step();
  const double leduc_value = evaluate_nash(leduc, big->output_profile()).exploitability;
  MESSAGE("omd-balanced on Leduc after 1000: " << leduc_value);
  CHECK(leduc_value < 0.07);
}

TEST_CASE("omd-balanced: parameters, and the weights change the iterates") {
  const CompiledGame g = compile(make_builtin("kuhn"));
  auto solver = make_solver("omd-balanced", g, {});
  const nlohmann::json params = solver->params();
  CHECK(params["weights"] == "balanced");
  CHECK(params["eta_scale"] == 300.0);
  CHECK(params["step"] == "practical");
  CHECK(params["form"] == "ftrl");
  CHECK_FALSE(make_solver("omd", g, {})->params().contains("weights"));

  // Same step sizes, different regulariser: the plans differ after one round.
  OmdConfig balanced = balanced_omd_config();
  OmdConfig plain;
  plain.eta_scale = 1.0;
  balanced.eta_scale = 1.0;
  OmdSolver a(g, balanced), b(g, plain);
  a.step();
  b.step();
  double difference = 0.0;
  for (int p = 0; p < 2; ++p)
    for (std::size_t s = 0; s < a.current_profile()[p].size(); ++s)
      difference = std::max(difference, std::fabs(a.current_profile()[p][s] - b.current_profile()[p][s]));
  CHECK(difference > 1e-3);
  // Kuhn: N = 12 sequences, A = 2, H = 2 for player 0; player 1 has H = 1.
  CHECK(a.step_size(0, 4) == doctest::Approx(std::sqrt(12 * std::log(2.0) / 2) / 2));
  CHECK(a.step_size(1, 1) == doctest::Approx(std::sqrt(12 * std::log(2.0))));

  SolverOptions form;
  form.extra = {{"form", "omd"}, {"eta_scale", 30}};
  auto omd_form = make_solver("omd-balanced", g, form);
  while (omd_form->iteration() < 1000) omd_form->step();
  CHECK(evaluate_nash(g, omd_form->output_profile()).exploitability < 0.05);

  SolverOptions bad;
  bad.extra = {{"prediction", "last"}};
  try {
    make_solver("omd-balanced", g, bad);
    FAIL("an unknown parameter was accepted");
  } catch (const UsageError& e) {
    const std::string message = e.what();
    CHECK(message == "solver omd-balanced: unknown parameter prediction (preset, loss_bound, form, step, eta_scale)");
  }
  bad.extra = {{"eta_scale", "0"}};
  CHECK_THROWS_AS(make_solver("omd-balanced", g, bad), UsageError);
}

// IXOMD and Balanced OMD: one episode's path-only update equals a full-treeplex
// dilated-entropy OMD step with the one-hot IX loss estimate; self-play on Kuhn converges; runs are
// reproducible; parameters are checked.
#include <doctest/doctest.h>

#include <cmath>
#include <span>
#include <vector>

#include <eqlab/algorithms/bandit/bandit_solver.hpp>
#include <eqlab/algorithms/bandit/ixomd.hpp>
#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/algorithms/omd/balanced_policy.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/rng.hpp>
#include <eqlab/lib/treeplex_subtrees.hpp>

using namespace eqlab;

namespace {

// The full-treeplex weighted dilated-entropy OMD step, every infoset bottom-up, from the
// per-infoset form of the mirror step:
//   μ'(a|x) ∝ μ(a|x)·exp( w(x)·[η u(x,a) + Σ_{x' below (x,a)} logZ(x')/w(x')] ).
// `log_behavioural` is updated in place.
void full_omd_step(const Treeplex& tp, std::span<const double> weights, std::span<const double> utility, double eta,
                   std::vector<double>& log_behavioural) {
  std::vector<double> below(tp.num_sequences(), 0.0);
  for (int x = tp.num_infosets() - 1; x >= 0; --x) {
    const int first = tp.first_seq[x], count = tp.num_actions[x];
    double sum = 0.0;
    for (int s = first; s < first + count; ++s)
      sum += std::exp(log_behavioural[s] + weights[x] * (eta * utility[s] + below[s]));
    const double log_z = std::log(sum);
    for (int s = first; s < first + count; ++s)
      log_behavioural[s] += weights[x] * (eta * utility[s] + below[s]) - log_z;
    below[tp.parent_seq[x]] += log_z / weights[x];
  }
}

// Checks, over random episodes on one treeplex, that the learner's strategy equals the
// full OMD step with utility −ℓ̃ on the last own sequence only, from the same uniform
// start.
void check_against_full_omd(const Treeplex& tp, IxomdConfig::Variant variant) {
  const IxomdConfig config = ixomd_config(tp, variant, 1000, 20.0, 1.0);  // large steps: visible moves
  IxomdLearner learner(tp, config);
  std::vector<double> weights(tp.num_infosets(), 1.0), exploration(tp.num_sequences(), 1.0);
  if (variant == IxomdConfig::Variant::balanced) {
    const TreeplexSubtrees subtrees(tp);
    const BalancedPolicy policy(subtrees);
    weights.assign(policy.root_weights().begin(), policy.root_weights().end());
    exploration.assign(policy.sequence_weights().begin(), policy.sequence_weights().end());
  }
  std::vector<double> reference_log(tp.num_sequences(), 0.0), reference(tp.num_sequences(), 0.0),
      reference_plan(tp.num_sequences(), 0.0);
  for (int x = 0; x < tp.num_infosets(); ++x)
    for (int k = 0; k < tp.num_actions[x]; ++k) reference_log[tp.first_seq[x] + k] = -std::log(tp.num_actions[x]);
  RngStream rng(21), paths(22);
  std::vector<double> utility(tp.num_sequences(), 0.0);
  double largest_move = 0.0;
  for (int episode = 0; episode < 300; ++episode) {
    for (int s = 1; s < tp.num_sequences(); ++s) reference[s] = std::exp(reference_log[s]);
    tp.to_sequence_form(reference, reference_plan);
    const std::vector<double> before = reference_plan;
    // A random own path: a root infoset, then an infoset below the chosen sequence.
    learner.begin_episode();
    int parent = 0, last_sequence = 0;
    while (true) {
      std::vector<int> candidates;
      for (int x = 0; x < tp.num_infosets(); ++x)
        if (tp.parent_seq[x] == parent) candidates.push_back(x);
      if (candidates.empty() || (parent != 0 && paths.uniform() < 0.3)) break;
      const int x = candidates[paths.below(candidates.size())];
      last_sequence = tp.first_seq[x] + learner.act(x, rng);
      parent = last_sequence;
    }
    const double reward = paths.uniform();
    learner.end_episode(reward);
    std::fill(utility.begin(), utility.end(), 0.0);
    utility[last_sequence] = -(1.0 - reward) / (before[last_sequence] + config.gamma * exploration[last_sequence]);
    full_omd_step(tp, weights, utility, config.eta, reference_log);
    for (int s = 1; s < tp.num_sequences(); ++s) reference[s] = std::exp(reference_log[s]);
    tp.to_sequence_form(reference, reference_plan);
    const auto mine = learner.expected_strategy();
    for (int s = 0; s < tp.num_sequences(); ++s) {
      REQUIRE(mine[s] == doctest::Approx(reference_plan[s]).epsilon(1e-9));
      largest_move = std::max(largest_move, std::abs(reference_plan[s] - before[s]));
    }
  }
  MESSAGE("largest move of one sequence in one episode: ", largest_move);
  CHECK(largest_move > 0.01);  // the check compared strategies that really moved
}

double exploitability_of(const CompiledGame& g, const Solver& solver) {
  return evaluate_nash(g, solver.output_profile()).exploitability;
}

}  // namespace

TEST_CASE("ixomd: the path-only update equals the full dilated-entropy OMD step") {
  const CompiledGame leduc = compile(make_builtin("leduc"));
  check_against_full_omd(leduc.treeplex[0], IxomdConfig::Variant::ixomd);
  check_against_full_omd(leduc.treeplex[1], IxomdConfig::Variant::ixomd);
}

TEST_CASE("balanced-omd: the path-only update equals the balanced dilated-entropy OMD step") {
  const CompiledGame leduc = compile(make_builtin("leduc"));
  check_against_full_omd(leduc.treeplex[0], IxomdConfig::Variant::balanced);
  check_against_full_omd(leduc.treeplex[1], IxomdConfig::Variant::balanced);
}

TEST_CASE("ixomd and balanced-omd: the constants of the specification") {
  const CompiledGame kuhn = compile(make_builtin("kuhn"));
  const Treeplex& tp = kuhn.treeplex[0];  // X = 6, XA = 12, A = 2, H = 2
  const IxomdConfig ix = ixomd_config(tp, IxomdConfig::Variant::ixomd, 1000);
  CHECK(ix.eta == doctest::Approx(std::sqrt(2.0 * 6.0 * std::log(2.0) / (2.0 * 2.0 * 1000.0))));
  CHECK(ix.gamma == doctest::Approx(ix.eta / 2.0));
  const IxomdConfig balanced = ixomd_config(tp, IxomdConfig::Variant::balanced, 1000, 2.0, 3.0);
  const double iota = std::log(10.0 * 12.0 / 0.01);
  CHECK(balanced.eta == doctest::Approx(2.0 * std::sqrt(12.0 * iota / (8.0 * 1000.0))));
  CHECK(balanced.gamma == doctest::Approx(3.0 * std::sqrt(12.0 * iota / (2.0 * 1000.0))));
  CHECK_THROWS_AS(IxomdLearner(tp, IxomdConfig{}), UsageError);
}

namespace {

// Self-play for `episodes` episodes, exploitability of the average at three checkpoints.
std::vector<double> self_play_curve(const std::string& solver_name, std::int64_t episodes) {
  const CompiledGame kuhn = compile(make_builtin("kuhn"));
  SolverOptions options;
  options.seed = 1;
  const auto solver = make_bandit_solver(solver_name, kuhn, options, episodes);
  CHECK(solver->solution_concept() == Concept::nash);
  std::vector<double> curve;
  for (std::int64_t t = 1; t <= episodes; ++t) {
    solver->step();
    if (t == episodes / 100 || t == episodes / 10 || t == episodes) curve.push_back(exploitability_of(kuhn, *solver));
  }
  return curve;
}

}  // namespace

TEST_CASE("ixomd self-play on Kuhn: the average's exploitability falls far below uniform play's") {
  const CompiledGame kuhn = compile(make_builtin("kuhn"));
  const double uniform = evaluate_nash(kuhn, kuhn.uniform_profile()).exploitability;
  const auto curve = self_play_curve("ixomd", 200000);
  MESSAGE("uniform ", uniform, "; ixomd after 2000, 20000, 200000 episodes: ", curve[0], ", ", curve[1], ", ",
          curve[2]);
  CHECK(curve[2] < 0.25 * uniform);
  CHECK(curve[2] < curve[1]);
  CHECK(curve[1] < curve[0]);
}

TEST_CASE("balanced-omd self-play on Kuhn: the average's exploitability falls far below uniform play's") {
  const CompiledGame kuhn = compile(make_builtin("kuhn"));
  const double uniform = evaluate_nash(kuhn, kuhn.uniform_profile()).exploitability;
  const auto curve = self_play_curve("balanced-omd", 200000);
  MESSAGE("uniform ", uniform, "; balanced-omd after 2000, 20000, 200000 episodes: ", curve[0], ", ", curve[1],
          ", ", curve[2]);
  CHECK(curve[2] < 0.25 * uniform);
  CHECK(curve[2] < curve[1]);
  CHECK(curve[1] < curve[0]);
}

TEST_CASE("bandit self-play is reproducible and depends on the seed") {
  const CompiledGame g = compile(make_builtin("kuhn(players=3)"));
  auto run = [&](std::uint64_t seed) {
    SolverOptions options;
    options.seed = seed;
    const auto solver = make_bandit_solver("ixomd", g, options, 3000);
    CHECK(solver->solution_concept() == Concept::nfcce);
    for (int t = 0; t < 3000; ++t) solver->step();
    CHECK(solver->iteration() == 3000);
    return solver->output_profile();
  };
  const Profile a = run(9), b = run(9), c = run(10);
  CHECK(a == b);
  CHECK(a != c);
}

TEST_CASE("a bandit learner's play depends only on its own stream and observations") {
  // Player 0's learner, fed the same observations (own infosets and rewards) and the same
  // stream, plays and learns the same whatever the opponents did to produce them.
  const CompiledGame kuhn = compile(make_builtin("kuhn"));
  SolverOptions options;
  options.seed = 4;
  const auto solver = make_bandit_solver("balanced-omd", kuhn, options, 500);
  auto& self_play = dynamic_cast<BanditSelfPlay&>(*solver);
  IxomdLearner replay(kuhn.treeplex[0], ixomd_config(kuhn.treeplex[0], IxomdConfig::Variant::balanced, 500));
  RngStream own(4, kBanditPlayerPurpose, 0);
  const int n = kuhn.num_players();
  for (int t = 0; t < 500; ++t) {
    solver->step();
    // Rebuild player 0's view of the episode from the terminal reached.
    const int terminal = self_play.last_terminal();
    std::vector<int> path;
    for (int s = kuhn.terminals.seq[terminal * n]; s != 0; s = kuhn.treeplex[0].parent_seq[kuhn.treeplex[0].seq_infoset[s]])
      path.push_back(s);
    replay.begin_episode();
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
      const int x = kuhn.treeplex[0].seq_infoset[*it];
      CHECK(kuhn.treeplex[0].first_seq[x] + replay.act(x, own) == *it);
    }
    const double u = kuhn.terminals.payoff[terminal * n];
    replay.end_episode((u + 2.0) / 4.0);
  }
  const auto mine = self_play.learner(0).expected_strategy();
  const auto theirs = replay.expected_strategy();
  for (std::size_t s = 0; s < mine.size(); ++s) CHECK(mine[s] == theirs[s]);
}

TEST_CASE("bandit solvers: names, parameters and errors") {
  const CompiledGame kuhn = compile(make_builtin("kuhn"));
  const std::vector<const SolverEntry*> bandit = registered_solvers(GameKind::extensive, Feedback::bandit);
  REQUIRE(bandit.size() >= 2);
  CHECK(bandit[0]->name == "ixomd");
  CHECK(bandit[1]->name == "balanced-omd");
  SolverOptions options;
  options.seed = 3;
  options.extra = {{"eta_scale", 2.5}, {"gamma_scale", "0.5"}};
  const auto solver = make_bandit_solver("balanced-omd", kuhn, options, 100);
  const nlohmann::json params = solver->params();
  CHECK(params["seed"] == 3);
  CHECK(params["episodes"] == 100);
  CHECK(params["eta_scale"] == 2.5);
  CHECK(params["gamma_scale"] == 0.5);
  CHECK(params["weights"] == "balanced");
  CHECK(params["eta"][0].get<double>() ==
        doctest::Approx(ixomd_config(kuhn.treeplex[0], IxomdConfig::Variant::balanced, 100, 2.5, 0.5).eta));
  CHECK_THROWS_AS(make_bandit_solver("exp3", kuhn, SolverOptions{}, 100), UsageError);
  options.extra = {{"eta_scale", -1}};
  CHECK_THROWS_AS(make_bandit_solver("ixomd", kuhn, options, 100), UsageError);
  options.extra = {{"step", "theory"}};
  CHECK_THROWS_AS(make_bandit_solver("ixomd", kuhn, options, 100), UsageError);
  CHECK_THROWS_AS(make_bandit_solver("ixomd", kuhn, SolverOptions{}, 0), UsageError);
}

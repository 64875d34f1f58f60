#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include <eqlab/algorithms/markov/centralized/nash_vi.hpp>
#include <eqlab/algorithms/markov/eval/correlated_eval.hpp>
#include <eqlab/games/markov/generators/dense_random.hpp>
#include <eqlab/games/markov/table_model.hpp>
#include <eqlab/lib/error.hpp>

using namespace eqlab;
using namespace eqlab::markov_gen;

namespace {

// A one-state, one-step 2-player game from a payoff table [joint][player].
TableMarkovModel stage_game(const std::vector<std::vector<double>>& payoff, int a0, int a1) {
  std::vector<std::string> acts0, acts1;
  for (int a = 0; a < a0; ++a) acts0.push_back("r" + std::to_string(a));
  for (int a = 0; a < a1; ++a) acts1.push_back("c" + std::to_string(a));
  MarkovGame game("stage", {"p1", "p2"}, 1, {"s"}, {acts0, acts1}, {1.0});
  const std::vector<StateProb> stay{{0, 1.0}};
  for (std::size_t j = 0; j < payoff.size(); ++j) game.set_cell(0, 0, j, game.add_outcome(payoff[j], stay));
  return TableMarkovModel(std::move(game));
}

void run(NashVi& solver, std::int64_t episodes) {
  while (solver.episodes() < episodes) solver.run_episode();
}

// A model with huge joint action sets whose tables are never touched.
class HugeModel final : public MarkovModel {
 public:
  HugeModel() : MarkovModel(shape()) {}
  static MarkovShape shape() {
    MarkovShape s;
    s.name = "huge";
    s.horizon = 2;
    s.states = {"a", "b"};
    s.initial = {1.0, 0.0};
    for (int i = 0; i < 10; ++i) {
      s.players.push_back("p" + std::to_string(i));
      s.actions.push_back(std::vector<std::string>(8, "x"));
    }
    return s;
  }
  void rewards(int, int, std::span<const int>, std::span<double>) const override {}
  int sample_next(int, int, std::span<const int>, double) const override { return 0; }
  void next_distribution(int, int, std::span<const int>, std::span<double>) const override {}
  void player_expectation(int, int, int, ProductView, std::span<double>, std::span<double>) const override {}
  void joint_expectation(int, int, ProductView, std::span<double>, std::span<double>) const override {}
};

}  // namespace

TEST_CASE("markov nash-vi: a stage game with a unique pure equilibrium") {
  // Prisoner's dilemma on [0, 1]: defecting (action 1) is dominant; the unique CCE is
  // (1, 1).
  const TableMarkovModel model = stage_game({{0.6, 0.6}, {0.0, 1.0}, {1.0, 0.0}, {0.2, 0.2}}, 2, 2);
  NashVi solver(model, {{"bonus_scale", 0.05}}, 1);
  run(solver, 2000);
  const CorrelatedEvaluation g = evaluate_correlated(model, *solver.correlated());
  MESSAGE("PD: CCE gap " << g.cce_gap << ", mass on (D, D) " << solver.correlated()->at(0, 0)[3]);
  CHECK(g.cce_gap <= 0.01);
  CHECK(solver.correlated()->at(0, 0)[3] >= 0.95);
}

TEST_CASE("markov nash-vi: matching pennies, CCE value 1/2") {
  const TableMarkovModel model = stage_game({{1, 0}, {0, 1}, {0, 1}, {1, 0}}, 2, 2);
  NashVi solver(model, {{"stage_rounds", 1000}}, 2);
  run(solver, 3000);
  const CorrelatedEvaluation g = evaluate_correlated(model, *solver.correlated());
  MESSAGE("pennies: CCE gap " << g.cce_gap << ", values " << g.value[0] << ", " << g.value[1]);
  CHECK(g.cce_gap <= 0.05);
  // In a constant-sum game every CCE gives each player its minimax value.
  CHECK(g.value[0] == doctest::Approx(0.5).epsilon(0.1));
}

TEST_CASE("markov nash-vi: the CCE gap shrinks with episodes on a random H = 2 game") {
  const DenseRandomMarkov model(DenseRandomParams{{2, 3, 3, 2, 61}});
  NashVi solver(model, {}, 3);
  std::vector<double> gaps;
  // After one episode the output is the first plan, made without data: uniform play.
  for (std::int64_t k : {1, 100, 3000}) {
    run(solver, k);
    gaps.push_back(evaluate_correlated(model, *solver.correlated()).cce_gap);
    MESSAGE("episodes " << k << ": CCE gap " << gaps.back() << ", certificate " << solver.best_certificate());
  }
  CHECK(gaps[2] < 0.5 * gaps[0]);
  CHECK(gaps[2] <= 0.05);
}

TEST_CASE("markov nash-vi: the CE variant reaches a small CE gap") {
  // Chicken: the CE set is larger than the Nash set; any ε-CE must have a small CE gap.
  const TableMarkovModel model = stage_game({{0.6, 0.6}, {0.2, 1.0}, {1.0, 0.2}, {0.0, 0.0}}, 2, 2);
  NashVi solver(model, {{"equilibrium", "ce"}, {"stage_rounds", 2000}}, 4);
  run(solver, 2000);
  const CorrelatedEvaluation g = evaluate_correlated(model, *solver.correlated());
  MESSAGE("chicken: CE gap " << g.ce_gap << ", CCE gap " << g.cce_gap);
  CHECK(g.ce_gap <= 0.05);
  CHECK(g.cce_gap <= g.ce_gap + 1e-12);  // every CE is a CCE
}

TEST_CASE("markov nash-vi: the memory guard refuses before allocating and names the estimate") {
  const HugeModel huge;
  const double bytes = NashVi::estimated_bytes(huge);
  CHECK(bytes == doctest::Approx(2.0 * 2.0 * 1073741824.0 * (2 + 10 + 3) * 8.0));
  CHECK_THROWS_WITH_AS(NashVi(huge, {}, 1), doctest::Contains("max_memory_bytes"), UsageError);
  const DenseRandomMarkov small(DenseRandomParams{{2, 2, 2, 2, 62}});
  // 2·2·4·(2 + 2 + 3)·8 = 896 bytes.
  CHECK(NashVi::estimated_bytes(small) == 896.0);
  CHECK_THROWS_WITH_AS(NashVi(small, {{"max_memory_bytes", 800}}, 1), doctest::Contains("896"), UsageError);
  CHECK_NOTHROW(NashVi(small, {{"max_memory_bytes", 1000}}, 1));
}

TEST_CASE("markov nash-vi: options, determinism and replanning") {
  const DenseRandomMarkov model(DenseRandomParams{{2, 2, 3, 2, 63}});
  CHECK_THROWS_WITH_AS(NashVi(model, {{"rounds", 3}}, 1), doctest::Contains("rounds"), UsageError);
  CHECK_THROWS_WITH_AS(NashVi(model, {{"equilibrium", "nash"}}, 1), doctest::Contains("equilibrium"), UsageError);
  CHECK_THROWS_WITH_AS(NashVi(model, {{"replan_every", 0}}, 1), doctest::Contains("replan_every"), UsageError);
  CHECK_THROWS_WITH_AS(NashVi(model, {{"stage_rounds", -2}}, 1), doctest::Contains("stage_rounds"), UsageError);
  NashVi a(model, {{"replan_every", 10}}, 7), b(model, {{"replan_every", 10}}, 7), c(model, {}, 7);
  run(a, 300);
  run(b, 300);
  run(c, 300);
  CHECK(a.plans() == 30);
  CHECK(c.plans() == 300);
  const std::span<const double> pa = a.correlated()->at(0, 0), pb = b.correlated()->at(0, 0);
  CHECK(std::equal(pa.begin(), pa.end(), pb.begin()));
  CHECK(a.best_certificate() == b.best_certificate());
  const nlohmann::json p = a.params();
  for (const char* key : {"preset", "bonus_scale", "delta", "planned_episodes", "iota", "stage_rounds",
                          "equilibrium", "replan_every", "max_memory_bytes", "seed"})
    CHECK_MESSAGE(p.contains(key), key);
  CHECK(p["replan_every"] == 10);
  CHECK(NashVi(model, {{"preset", "theory"}}, 1).options().bonus_scale == 1.0);
  CHECK(a.memory_bytes() >= static_cast<std::size_t>(NashVi::estimated_bytes(model) * 0.5));
}

#include <doctest/doctest.h>

#include <eqlab/algorithms/markov/eval/product_eval.hpp>
#include <eqlab/algorithms/markov/potential/potential_check.hpp>
#include <eqlab/games/markov/generators/congestion.hpp>
#include <eqlab/games/markov/generators/dense_random.hpp>
#include <eqlab/games/markov/generators/team.hpp>
#include <eqlab/games/markov/table_model.hpp>
#include <eqlab/lib/error.hpp>

using namespace eqlab;
using namespace eqlab::markov_gen;

TEST_CASE("markov potential: the cycle test is ~0 on team and congestion games") {
  const TeamMarkov team(TeamParams{{3, 2, 3, 2, 11}});
  CHECK(potential_cycle_violation(team, 200, 1) <= 1e-12);
  const CongestionMarkov congestion(CongestionParams{{3, 2, 2, 2, 12}});
  CHECK(potential_cycle_violation(congestion, 200, 2) <= 1e-12);
  const CongestionMarkov crowded(CongestionParams{{5, 3, 3, 3, 13}});
  CHECK(potential_cycle_violation(crowded, 100, 3) <= 1e-12);
}

TEST_CASE("markov potential: the cycle test falsifies general-sum and perturbed team games") {
  const DenseRandomMarkov general(DenseRandomParams{{2, 2, 2, 2, 13}});
  const double general_violation = potential_cycle_violation(general, 200, 3);
  MESSAGE("general-sum cycle violation " << general_violation);
  CHECK(general_violation > 0.01);
  // A perturbed team game is only near-potential: small but nonzero violations.
  const TeamMarkov perturbed(TeamParams{{2, 2, 2, 2, 15}, 0.1});
  const double perturbed_violation = potential_cycle_violation(perturbed, 200, 5);
  MESSAGE("perturbed team (delta 0.1) cycle violation " << perturbed_violation);
  CHECK(perturbed_violation > 1e-3);
  CHECK(perturbed_violation < general_violation);
}

TEST_CASE("markov potential: the cycle test is deterministic and checks its arguments") {
  const DenseRandomMarkov general(DenseRandomParams{{2, 3, 3, 2, 16}});
  CHECK(potential_cycle_violation(general, 50, 7) == potential_cycle_violation(general, 50, 7));
  CHECK(potential_cycle_violation(general, 50, 7) != potential_cycle_violation(general, 50, 8));
  CHECK_THROWS_AS(potential_cycle_violation(general, 0, 7), UsageError);
  const DenseRandomMarkov single(DenseRandomParams{{1, 2, 3, 2, 17}});
  CHECK(potential_cycle_violation(single, 10, 7) == 0.0);
}

TEST_CASE("markov potential: matching pennies has a cycle sum of exactly 4") {
  // One state, H = 1; (p1, p2) rewards (1,0) when actions match, (0,1) otherwise. With
  // m(x, y) = [x = y], the cycle sum is 2·(m(i',j) + m(i,j') − m(i,j) − m(i',j')): ±4 when
  // both players really switch, 0 when one keeps its action. The maximum is 4.
  MarkovGame game("pennies", {"p1", "p2"}, 1, {"s"}, {{"h", "t"}, {"h", "t"}}, {1.0});
  const std::vector<StateProb> stay{{0, 1.0}};
  for (std::size_t joint = 0; joint < 4; ++joint) {
    const bool match = joint == 0 || joint == 3;
    const std::vector<double> r{match ? 1.0 : 0.0, match ? 0.0 : 1.0};
    game.set_cell(0, 0, joint, game.add_outcome(r, stay));
  }
  const TableMarkovModel model(std::move(game));
  CHECK(potential_cycle_violation(model, 100, 3) == doctest::Approx(4.0));
}

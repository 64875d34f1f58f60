// eqlab's cfr+ on the OpenSpiel games reproduces OpenSpiel's CFRPlusSolver: the
// exploitability of the average strategy after the same number of iterations, to 1e-8
// relative.
//
// OpenSpiel's CFRPlusSolver (open_spiel/algorithms/cfr.h, cfr.cc) is CFRSolverBase with
// alternating updates (player 0's traversal, then player 1's against player 0's new
// strategy), regret matching+ (cumulative regrets floored at 0 after each traversal) and
// linear averaging: iteration t (counted from 1, no delay) adds t x own reach x current
// strategy to the average, for the player being updated, before its regrets change. That
// is exactly eqlab's "cfr+" with its defaults (algorithms/cfr/cfr.cpp: updates=alternating,
// player 0 first, regret_matching=rm+, averaging=linear with weight t from t = 1, uniform
// initial strategy), so no parameter is needed. OpenSpiel's exploitability is NashConv
// divided by the number of players, as eqlab's NashReport::exploitability.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/algorithms/solver_registry.hpp>

#include "games/builtin/builtin_checks.hpp"

using namespace eqlab;

namespace {

double cfr_plus_exploitability(const std::string& spec, int iterations) {
  const CompiledGame g = compile(make_builtin(spec));
  auto solver = make_solver("cfr+", g, {});
  for (int t = 0; t < iterations; ++t) solver->step();
  REQUIRE(solver->iteration() == iterations);
  return evaluate_nash(g, solver->output_profile()).exploitability;
}

void check_relative(double got, double want) {
  CAPTURE(got);
  CAPTURE(want);
  CHECK(std::abs(got - want) <= 1e-8 * std::abs(want));
}

}  // namespace

TEST_CASE("openspiel cfr+: kuhn_poker after 6,010 iterations") {
  check_relative(cfr_plus_exploitability("kuhn_poker", 6010), 2.83239948e-05);
}

TEST_CASE("openspiel cfr+: liars_dice (1 die, 6 sides) after 30 iterations") {
  check_relative(cfr_plus_exploitability("liars_dice(numdice=1,dice_sides=6,players=2)", 30), 0.0307722368);
}

TEST_CASE("openspiel cfr+: goofspiel(4), imperfect information, descending points, after 610 iterations") {
  // eqlab's one-action last bids (see test_builtin_openspiel_names.cpp) neither change the
  // regrets nor the averages: the number is OpenSpiel's on its turn-based game.
  check_relative(
      cfr_plus_exploitability("goofspiel(num_cards=4,imp_info=true,points_order=descending,players=2)", 610),
      0.00103037535);
}

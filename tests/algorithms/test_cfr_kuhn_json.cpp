#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/algorithms/solver.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/io/json_game.hpp>

using namespace eqlab;

namespace {
LoadedGame read_example(const std::string& relative) {
  std::ifstream in(std::string(EQLAB_SOURCE_DIR) + "/" + relative);
  std::stringstream text;
  text << in.rdbuf();
  return read_json_game(text.str(), relative);
}
}  // namespace

TEST_CASE("CFR+ on examples/games/kuhn.json reaches -1/18 with exploitability under 1e-3") {
  LoadedGame game = read_example("examples/games/kuhn.json");
  CompiledGame g = compile(game.tree);
  REQUIRE(g.treeplex[0].num_infosets() == 6);
  REQUIRE(g.treeplex[0].num_sequences() == 13);
  REQUIRE(g.terminals.size() == 30);
  auto solver = make_solver("cfr+", g, {});
  for (int t = 0; t < 10000; ++t) solver->step();
  NashReport r = evaluate_nash(g, solver->output_profile());
  CHECK(r.exploitability < 1e-3);
  // |value - game value| <= NashConv for a zero-sum profile.
  CHECK(std::abs(r.values[0] + 1.0 / 18) <= r.nash_conv + 1e-12);
  CHECK(std::abs(r.values[0] + 1.0 / 18) < 1e-3);
}

TEST_CASE("CFR's exploitability on Kuhn shrinks with iterations") {
  LoadedGame game = read_example("examples/games/kuhn.json");
  CompiledGame g = compile(game.tree);
  auto solver = make_solver("cfr", g, {});
  double previous = evaluate_nash(g, solver->output_profile()).exploitability;
  CHECK(previous > 0.1);  // the uniform profile is far from equilibrium
  for (int checkpoint : {10, 100, 1000}) {
    while (solver->iteration() < checkpoint) solver->step();
    double now = evaluate_nash(g, solver->output_profile()).exploitability;
    CHECK(now < previous);
    previous = now;
  }
  CHECK(previous < 0.02);
}

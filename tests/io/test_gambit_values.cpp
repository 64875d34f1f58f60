// CFR+ on every two-player constant-sum Gambit game whose value Gambit's LP solver gave:
// the first player's value of the output profile must match that value within the
// profile's own NashConv, and the profile must be nearly unexploitable.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/algorithms/solver.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>

#include "io/test_gambit_util.hpp"

using namespace eqlab;
using namespace eqlab::test;

namespace {

// The first player's value in an "lp (value)" cell such as "(1/3, -1/3) [7 ms]".
double first_value(const std::string& cell) {
  const auto comma = cell.find(',');
  REQUIRE(cell.front() == '(');
  REQUIRE(comma != std::string::npos);
  const auto n = Number::parse(cell.substr(1, comma - 1));
  REQUIRE(n);
  return n->value;
}

}  // namespace

TEST_CASE("CFR+ reaches the LP value of every constant-sum Gambit game in the README") {
  constexpr int kIterations = 3000;
  int solved = 0;
  for (const GambitRow& row : gambit_table()) {
    if (row.players != 2 || !row.constant_sum || row.lp_value.empty() || row.lp_value.front() != '(') continue;
    INFO(row.file << " (lp value " << row.lp_value << ")");
    const LoadedGame game = load_gambit(row.file);
    const CompiledGame compiled = compile(game.tree);
    REQUIRE(compiled.constant_sum);
    auto solver = make_solver("cfr+", compiled, {});
    for (int t = 0; t < kIterations; ++t) solver->step();
    const Profile x = solver->output_profile();
    const NashReport report = evaluate_nash(compiled, x);
    const double scale = std::max(1.0, compiled.max_payoff_range);
    const double value = compiled.expected_values(x)[0];
    const double lp = first_value(row.lp_value);
    INFO("value " << value << ", exploitability " << report.exploitability << ", payoff range "
                  << compiled.max_payoff_range);
    // In a constant-sum game |u_1(x) - v| is at most the larger best-response gain, which
    // is at most NashConv = 2 * exploitability.
    CHECK(std::fabs(value - lp) <= std::max(2 * report.exploitability, 1e-3 * scale));
    CHECK(report.exploitability < 1e-2 * scale);
    ++solved;
  }
  CHECK(solved == 38);
}

// Nash equilibria of two-player stage games by support enumeration, against games whose
// equilibria are known: matching pennies, battle of the sexes (three), rock-paper-scissors,
// a degenerate game, and random games (an odd number of equilibria, each with zero gap).
#include <doctest/doctest.h>

#include <vector>

#include <eqlab/algorithms/markov/stage_nash.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/rng.hpp>

using namespace eqlab;

namespace {

void check_is_equilibrium(int rows, int cols, const std::vector<double>& a, const std::vector<double>& b,
                          const BimatrixEquilibrium& e) {
  CHECK(bimatrix_nash_gap(rows, cols, a, b, e.row, e.column) < 1e-12);
  double row_total = 0.0, column_total = 0.0;
  for (double p : e.row) row_total += p;
  for (double p : e.column) column_total += p;
  CHECK(row_total == doctest::Approx(1.0).epsilon(1e-14));
  CHECK(column_total == doctest::Approx(1.0).epsilon(1e-14));
}

bool has(const std::vector<BimatrixEquilibrium>& found, const std::vector<double>& x, const std::vector<double>& y) {
  for (const BimatrixEquilibrium& e : found) {
    bool same = true;
    for (std::size_t i = 0; i < x.size(); ++i) same = same && std::abs(e.row[i] - x[i]) < 1e-12;
    for (std::size_t j = 0; j < y.size(); ++j) same = same && std::abs(e.column[j] - y[j]) < 1e-12;
    if (same) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("stage Nash: matching pennies and rock-paper-scissors have one equilibrium, uniform") {
  const std::vector<double> pennies = {1, -1, -1, 1}, pennies_column = {-1, 1, 1, -1};
  const auto found = support_enumeration(2, 2, pennies, pennies_column);
  REQUIRE(found.size() == 1);
  CHECK(has(found, {0.5, 0.5}, {0.5, 0.5}));
  CHECK(found[0].row_value == doctest::Approx(0.0).scale(1.0));

  const std::vector<double> rps = {0, -1, 1, 1, 0, -1, -1, 1, 0};
  std::vector<double> rps_column(9);
  for (int e = 0; e < 9; ++e) rps_column[e] = -rps[e];
  const auto rps_found = support_enumeration(3, 3, rps, rps_column);
  REQUIRE(rps_found.size() == 1);
  CHECK(has(rps_found, {1.0 / 3, 1.0 / 3, 1.0 / 3}, {1.0 / 3, 1.0 / 3, 1.0 / 3}));
}

TEST_CASE("stage Nash: battle of the sexes has its three equilibria") {
  // The row player prefers (0, 0) (payoff 2 against 1), the column player (1, 1).
  const std::vector<double> a = {2, 0, 0, 1}, b = {1, 0, 0, 2};
  const auto found = support_enumeration(2, 2, a, b);
  REQUIRE(found.size() == 3);
  CHECK(has(found, {1, 0}, {1, 0}));
  CHECK(has(found, {0, 1}, {0, 1}));
  CHECK(has(found, {2.0 / 3, 1.0 / 3}, {1.0 / 3, 2.0 / 3}));
  for (const BimatrixEquilibrium& e : found) {
    check_is_equilibrium(2, 2, a, b, e);
    if (e.row[0] > 0.0 && e.row[1] > 0.0) {
      CHECK(e.row_value == doctest::Approx(2.0 / 3).epsilon(1e-14));
      CHECK(e.column_value == doctest::Approx(2.0 / 3).epsilon(1e-14));
    }
  }
}

TEST_CASE("stage Nash: a degenerate game yields its pure equilibria, each exact") {
  // The row player is indifferent everywhere; the column player prefers column 0 after row 0
  // and is indifferent after row 1. Pure equilibria: (0, 0), (1, 0), (1, 1); beyond them a
  // continuum (row 1 against any column mix), which support enumeration skips (its 2 × 2
  // systems are singular).
  const std::vector<double> a = {1, 1, 1, 1}, b = {1, 0, 0, 0};
  const auto found = support_enumeration(2, 2, a, b);
  CHECK(has(found, {1, 0}, {1, 0}));
  CHECK(has(found, {0, 1}, {1, 0}));
  CHECK(has(found, {0, 1}, {0, 1}));
  CHECK_FALSE(has(found, {1, 0}, {0, 1}));
  for (const BimatrixEquilibrium& e : found) check_is_equilibrium(2, 2, a, b, e);
}

TEST_CASE("stage Nash: random games have an odd number of equilibria, each with zero gap") {
  RngStream rng(3);
  for (int trial = 0; trial < 20; ++trial) {
    const int rows = 2 + static_cast<int>(rng.below(3)), cols = 2 + static_cast<int>(rng.below(3));
    std::vector<double> a(static_cast<std::size_t>(rows) * cols), b(a.size());
    for (double& v : a) v = rng.uniform();
    for (double& v : b) v = rng.uniform();
    const auto found = support_enumeration(rows, cols, a, b);
    CAPTURE(trial);
    CHECK(found.size() % 2 == 1);  // random payoffs make the game nondegenerate
    for (const BimatrixEquilibrium& e : found) check_is_equilibrium(rows, cols, a, b, e);
  }
  // A profile that is not an equilibrium has a positive gap.
  const std::vector<double> a = {2, 0, 0, 1}, b = {1, 0, 0, 2};
  CHECK(bimatrix_nash_gap(2, 2, a, b, std::vector<double>{1, 0}, std::vector<double>{0, 1}) == doctest::Approx(1.0));
}

TEST_CASE("stage Nash refuses malformed games") {
  CHECK_THROWS_AS(support_enumeration(0, 2, std::vector<double>{}, std::vector<double>{}), UsageError);
  CHECK_THROWS_AS(support_enumeration(2, 2, std::vector<double>{1, 2, 3}, std::vector<double>{1, 2, 3, 4}), UsageError);
}

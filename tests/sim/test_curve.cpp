#include <doctest/doctest.h>

#include <cmath>
#include <sstream>

#include <nlohmann/json.hpp>

#include <eqlab/sim/curve.hpp>

using namespace eqlab;

TEST_CASE("checkpoints start 1, 2, 3, ..., end at the last iteration and grow geometrically") {
  const std::vector<std::int64_t> c = checkpoint_iterations(1000, 30);
  REQUIRE(c.size() == 30);
  CHECK(c.front() == 1);
  CHECK(c[1] == 2);
  CHECK(c[2] == 3);
  CHECK(c.back() == 1000);
  for (std::size_t k = 1; k < c.size(); ++k) CHECK(c[k] > c[k - 1]);
  // In the tail the points sit on the geometric grid 1000^(i/29), rounded.
  for (int i = 20; i < 30; ++i) CHECK(c[i] == std::llround(std::pow(1000.0, i / 29.0)));
}

TEST_CASE("checkpoints: fewer iterations than points gives every iteration; edge cases") {
  CHECK(checkpoint_iterations(10, 30) == std::vector<std::int64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
  CHECK(checkpoint_iterations(1, 5) == std::vector<std::int64_t>{1});
  CHECK(checkpoint_iterations(500, 1) == std::vector<std::int64_t>{500});
  CHECK(checkpoint_iterations(500, 2) == std::vector<std::int64_t>{1, 500});
  CHECK(checkpoint_iterations(0, 5).empty());
  const auto big = checkpoint_iterations(10'000'000'000LL, 50);
  REQUIRE(big.size() == 50);
  CHECK(big.back() == 10'000'000'000LL);
}

TEST_CASE("curve CSV has the header iteration,<metrics> and exact numbers") {
  Curve curve({"nash_conv", "exploitability"});
  curve.add_row(1, {0.5, 0.25});
  curve.add_row(10, {0.1, 1.0 / 3.0});
  std::ostringstream out;
  write_curve_csv(curve, out);
  const std::string text = out.str();
  CHECK(text.rfind("iteration,nash_conv,exploitability\n1,0.5,0.25\n10,0.1,", 0) == 0);
  // The third value reads back to the same double.
  const std::string last = text.substr(text.rfind(',') + 1);
  CHECK(std::stod(last) == 1.0 / 3.0);
  CHECK_THROWS_AS(curve.add_row(20, {1.0}), std::invalid_argument);
  CHECK(curve.column("exploitability") == std::vector<double>{0.25, 1.0 / 3.0});
  CHECK(curve.metric_index("value_0") == -1);
}

TEST_CASE("curve JSON rows carry the iteration and every metric") {
  Curve curve({"exploitability", "value_0"});
  curve.add_row(3, {0.125, -0.5});
  const nlohmann::ordered_json rows = curve_to_json(curve);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["iteration"] == 3);
  CHECK(rows[0]["exploitability"].get<double>() == 0.125);
  CHECK(rows[0]["value_0"].get<double>() == -0.5);
}

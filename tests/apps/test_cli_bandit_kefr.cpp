// eqlab solve --feedback bandit --solver kefr --k K: learns a K-EFCE from sampled episodes
// and records the concept kefce, kefce_gap and k; help lists it; bad parameters are refused.
#include <doctest/doctest.h>

#ifdef EQLAB_HAVE_CLI

#include <string>

#include <nlohmann/json.hpp>

#include "support/run_cli.hpp"

using eqlab::test::run_eqlab;
using eqlab::test::scratch;

TEST_CASE("cli: solve --feedback bandit --solver kefr --k 1 records the K-EFCE gap of the mixture") {
  const auto dir = scratch("bandit-kefr-solve");
  const auto r = run_eqlab(
      "solve 'kuhn(players=3)' --feedback bandit --solver kefr --k 1 --episodes 20000 --out r.json --checkpoints 4 "
      "--no-progress",
      dir);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("kefce_gap") != std::string::npos);
  const nlohmann::json result = nlohmann::json::parse(eqlab::test::read_text(dir / "r.json"));
  CHECK(result["concept"] == "kefce");
  CHECK(result["solver"]["params"]["k"] == 1);
  CHECK(result["solver"]["params"]["feedback"] == "bandit");
  CHECK(result["solver"]["params"]["episodes_per_iteration"] == 5);
  CHECK(result["metrics"]["k"] == 1);
  const double gap = result["metrics"]["kefce_gap"].get<double>();
  MESSAGE("bandit kefr K = 1, 20,000 episodes on Kuhn 3p: kefce_gap " << gap);
  CHECK(gap > 0.0);
  CHECK(gap < 0.1);
  // The first checkpoint's gap is larger than the last.
  CHECK(result["curve"].front()["kefce_gap"].get<double>() > gap);
}

TEST_CASE("cli: bandit kefr is listed by help and refuses bad parameters") {
  const auto dir = scratch("bandit-kefr-misuse");
  const auto help = run_eqlab("help solve", dir);
  REQUIRE(help.code == 0);
  CHECK(help.out.find("bandit K-EFR") != std::string::npos);
  const auto unknown = run_eqlab(
      "solve 'kuhn(players=3)' --feedback bandit --solver kefr --param gamma_scale=1 --episodes 10 --no-progress", dir);
  CHECK(unknown.code == 2);
  CHECK(unknown.err.find("unknown parameter") != std::string::npos);
  const auto twice = run_eqlab(
      "solve 'kuhn(players=3)' --feedback bandit --solver kefr --k 1 --param k=2 --episodes 10 --no-progress", dir);
  CHECK(twice.code == 2);
  const auto budget = run_eqlab(
      "solve 'kuhn(players=3)' --feedback bandit --solver kefr --k 2 --param max_states=5 --episodes 10 --no-progress",
      dir);
  CHECK(budget.code == 2);
  CHECK(budget.err.find("augmented states") != std::string::npos);
}

#endif

// eqlab solve --solver kefr --k K: learns a K-EFCE, records kefce_gap and k, and --k
// measures the K-EFCE gap of any other mixture-playing solver; misuse is refused.
#include <doctest/doctest.h>

#ifdef EQLAB_HAVE_CLI

#include <string>

#include <nlohmann/json.hpp>

#include "support/run_cli.hpp"

using eqlab::test::run_eqlab;
using eqlab::test::scratch;

TEST_CASE("cli: solve --solver kefr --k 2 records the K-EFCE gap and the learner's bound") {
  const auto dir = scratch("kefr-solve");
  const auto r = run_eqlab(
      "solve 'kuhn(players=3)' --solver kefr --k 2 --iterations 1000 --out result.json --checkpoints 4 --no-progress",
      dir);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("kefce_gap") != std::string::npos);
  const nlohmann::json result = nlohmann::json::parse(eqlab::test::read_text(dir / "result.json"));
  CHECK(result["concept"] == "kefce");
  CHECK(result["solver"]["params"]["k"] == 2);
  CHECK(result["metrics"]["k"] == 2);
  const double gap = result["metrics"]["kefce_gap"].get<double>();
  const double bound = result["metrics"]["kefr_regret_bound"].get<double>();
  MESSAGE("kefr K = 2, 1000 iterations on Kuhn 3p: kefce_gap " << gap << ", bound " << bound);
  CHECK(gap > 0.0);
  CHECK(gap < 1e-2);
  CHECK(gap <= bound * (1 + 1e-9));
  CHECK(result["curve"].back().contains("kefce_gap"));
}

TEST_CASE("cli: eval --distribution --k recomputes K-EFR's 2-EFCE gap exactly (unreached infosets are written too)") {
  // Regret matching leaves some Leduc infosets unreached; the distribution file keeps the
  // learner's strategy there, which a 2-deviator reads.
  const auto dir = scratch("kefr-distribution");
  const auto r = run_eqlab("solve leduc --solver kefr --k 2 --iterations 150 --out result.json --distribution d.jsonl "
                           "--checkpoints 2 --no-progress",
                           dir);
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto e = run_eqlab("eval leduc result.json --distribution d.jsonl --json", dir);
  INFO(e.err);
  REQUIRE(e.code == 0);
  const nlohmann::json check = nlohmann::json::parse(e.out);
  CHECK(check["k"] == 2);
  CHECK(check["agree"] == true);
  const nlohmann::json result = nlohmann::json::parse(eqlab::test::read_text(dir / "result.json"));
  CHECK(check["kefce_gap"].get<double>() ==
        doctest::Approx(result["metrics"]["kefce_gap"].get<double>()).epsilon(1e-12));
}

TEST_CASE("cli: --k measures the K-EFCE gap of EFCE-OMD's mixture; misuse is refused") {
  const auto dir = scratch("kefr-measure");
  const auto r = run_eqlab(
      "solve 'kuhn(players=3)' --solver efce-omd --k 2 --iterations 300 --out result.json --checkpoints 2 --no-progress",
      dir);
  INFO(r.err);
  REQUIRE(r.code == 0);
  const nlohmann::json result = nlohmann::json::parse(eqlab::test::read_text(dir / "result.json"));
  CHECK(result["metrics"]["k"] == 2);
  // Φ¹ ⊆ Φ²: the 2-EFCE gap is at least the 1-EFCE gap, itself at least the EFCE gap.
  CHECK(result["metrics"]["kefce_gap"].get<double>() >= result["metrics"]["efce_gap"].get<double>());

  const auto cfr = run_eqlab("solve kuhn --solver cfr+ --k 1 --iterations 10 --no-progress", dir);
  CHECK(cfr.code == 2);
  CHECK(cfr.err.find("--k has no mixture to measure") != std::string::npos);
  const auto twice = run_eqlab("solve kuhn --solver kefr --k 1 --param k=2 --iterations 10 --no-progress", dir);
  CHECK(twice.code == 2);
  const auto negative = run_eqlab("solve kuhn --solver kefr --k -1 --iterations 10 --no-progress", dir);
  CHECK(negative.code == 2);
  const auto budget =
      run_eqlab("solve 'kuhn(players=3)' --solver kefr --param k=2 --param max_states=5 --iterations 10 --no-progress",
                dir);
  CHECK(budget.code == 2);
  CHECK(budget.err.find("augmented states") != std::string::npos);
}

#endif

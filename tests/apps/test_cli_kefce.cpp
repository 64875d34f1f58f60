// eqlab info --k and eqlab eval --distribution --k, run as a user runs them, on the
// kefce-peek game of docs/algorithms/kefce.md with a mixture whose gaps are known by hand.
#include <doctest/doctest.h>

#ifdef EQLAB_HAVE_CLI

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "support/run_cli.hpp"

namespace fs = std::filesystem;

namespace {

using eqlab::test::Run;
using eqlab::test::run_eqlab;
using eqlab::test::write_text;

const std::string kPeek = "'" EQLAB_SOURCE_DIR "/tests/data/kefce-peek.json'";

// ν: half the time P2 plays y0 and P1 is told (S, g0, g0), half the time y1 and
// (D, g1, g1). Following earns (1 + 3/2) / 2 = 1.25. A 1-deviator told S switches to D and
// guesses y0 blind: 3/2, so kefce_gap(K ≥ 1) = 1.5 − 1.25 = 0.25, which is also the
// trigger (x1, S) → (D, g0) of the EFCE gap. Blind (K = 0) the best plan earns 0.75 < 1.25.
void write_mixture(const fs::path& dir, double recorded_kefce) {
  write_text(dir / "nu.jsonl",
             R"({"weight":1,"strategies":[{"x1":{"S":1,"D":0},"x2S":{"g0":1,"g1":0},"x2D":{"g0":1,"g1":0}},{"y":{"y0":1,"y1":0}}]})"
             "\n"
             R"({"weight":1,"strategies":[{"x1":{"S":0,"D":1},"x2S":{"g0":0,"g1":1},"x2D":{"g0":0,"g1":1}},{"y":{"y0":0,"y1":1}}]})"
             "\n");
  nlohmann::ordered_json result = {
      {"format", "eqlab-result/1"},
      {"game", "kefce-peek"},
      {"solver", {{"name", "by hand"}}},
      {"concept", "efce"},
      {"iterations", 2},
      {"strategies",
       nlohmann::json::array({{{"x1", {{"S", 0.5}, {"D", 0.5}}}, {"x2S", {{"g0", 1}, {"g1", 0}}}, {"x2D", {{"g0", 0}, {"g1", 1}}}},
                              {{"y", {{"y0", 0.5}, {"y1", 0.5}}}}})},
      {"metrics", {{"nfcce_gap", 0.0}, {"efce_gap", 0.25}, {"kefce_gap", recorded_kefce}, {"k", 1}, {"values", {1.25, 0.0}}}}};
  write_text(dir / "r.json", result.dump());
}

}  // namespace

TEST_CASE("cli: info --k counts each player's K-EFCE augmented states") {
  const fs::path dir = eqlab::test::scratch("kefce-info");
  // P1 of kefce-peek: x1 at depth 1, x2S and x2D at depth 2. At K = 1 each depth-2 infoset
  // has a followed (observing) and a deviated (blind) state: 3 observing, 2 blind.
  Run run = run_eqlab("info " + kPeek + " --k 1", dir);
  REQUIRE_MESSAGE(run.code == 0, run.err);
  CHECK(run.out.find("kefce states    player 0 (P1): 3 observing, 2 blind, 5 total, about ") != std::string::npos);
  CHECK(run.out.find("player 1 (P2): 1 observing, 0 blind, 1 total, about ") != std::string::npos);
  CHECK(run.out.find("K = 1: 6 states in all, about ") != std::string::npos);
  run = run_eqlab("info " + kPeek + " --k 0", dir);
  REQUIRE(run.code == 0);
  CHECK(run.out.find("player 0 (P1): 0 observing, 3 blind, 3 total") != std::string::npos);
  run = run_eqlab("info " + kPeek + " --k 5", dir);
  REQUIRE(run.code == 0);
  CHECK(run.out.find("player 0 (P1): 5 observing, 0 blind, 5 total") != std::string::npos);
  // Without --k nothing about K-EFCE is printed.
  run = run_eqlab("info " + kPeek, dir);
  REQUIRE(run.code == 0);
  CHECK(run.out.find("kefce states") == std::string::npos);
  run = run_eqlab("info " + kPeek + " --k -1", dir);
  CHECK(run.code == 2);
  fs::remove_all(dir);
}

TEST_CASE("cli: eval --distribution --k computes kefce_gap and compares it with the result's") {
  const fs::path dir = eqlab::test::scratch("kefce-eval");
  write_mixture(dir, 0.25);

  // The result records kefce_gap at K = 1: eval recomputes it without being asked.
  Run run = run_eqlab("eval " + kPeek + " r.json --distribution nu.jsonl", dir);
  CHECK_MESSAGE(run.code == 0, run.out, run.err);
  CHECK(run.out.find("kefce_gap       K = 1: 2.50000000000e-01 (result: 2.50000000000e-01, agrees)") !=
        std::string::npos);
  CHECK(run.out.find("the distribution agrees with the result") != std::string::npos);

  const double expected[] = {0.0, 0.25, 0.25, 0.25};
  for (int k = 0; k <= 3; ++k) {
    CAPTURE(k);
    run = run_eqlab("eval " + kPeek + " r.json --distribution nu.jsonl --json --k " + std::to_string(k), dir);
    REQUIRE_MESSAGE(run.code == 0, run.err);
    const nlohmann::json report = nlohmann::json::parse(run.out);
    CHECK(report["k"] == k);
    CHECK(std::fabs(report["kefce_gap"].get<double>() - expected[k]) <= 1e-12);
    CHECK(std::fabs(report["efce_gap"].get<double>() - 0.25) <= 1e-12);
    CHECK(report["agree"] == true);
    // Only a kefce_gap at the result's own K is compared.
    CHECK(report["recorded"].contains("kefce_gap") == (k == 1));
  }
  run = run_eqlab("eval " + kPeek + " r.json --distribution nu.jsonl --k 2", dir);
  CHECK(run.code == 0);
  CHECK(run.out.find("K = 2: 2.50000000000e-01 (not compared: the result's kefce_gap is at K = 1)") !=
        std::string::npos);

  // A result whose kefce_gap is wrong is caught.
  write_mixture(dir, 0.3);
  run = run_eqlab("eval " + kPeek + " r.json --distribution nu.jsonl", dir);
  CHECK(run.code == 1);
  CHECK(run.out.find("kefce_gap       K = 1: 2.50000000000e-01 (result: 3.00000000000e-01, DIFFERS)") !=
        std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("cli: eval --k needs a distribution, and the state budget refuses large K before reading") {
  const fs::path dir = eqlab::test::scratch("kefce-errors");
  write_mixture(dir, 0.25);
  Run run = run_eqlab("eval " + kPeek + " r.json --k 1", dir);
  CHECK(run.code == 2);
  CHECK(run.err.find("--k and --max-states need --distribution") != std::string::npos);
  // 5 + 1 states at K = 2: a budget of 5 is refused, 6 is enough.
  run = run_eqlab("eval " + kPeek + " r.json --distribution nu.jsonl --k 2 --max-states 5", dir);
  CHECK(run.code == 2);
  CHECK(run.err.find("needs 6 augmented states") != std::string::npos);
  CHECK(run.err.find("budget of 5 states") != std::string::npos);
  CHECK(run.err.find("--max-states") != std::string::npos);
  run = run_eqlab("eval " + kPeek + " r.json --distribution nu.jsonl --k 2 --max-states 6", dir);
  CHECK(run.code == 0);
  run = run_eqlab("eval " + kPeek + " r.json --distribution nu.jsonl --k 65", dir);
  CHECK(run.code == 2);
  fs::remove_all(dir);
}

#endif

// eqlab preferences, run as a user runs it: the drone example's equilibrium outcomes per
// alignment case, its report file, and refused usage and input.
#include <doctest/doctest.h>

#ifdef EQLAB_HAVE_CLI

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "support/run_cli.hpp"

namespace fs = std::filesystem;

namespace {

using eqlab::test::contains;
using eqlab::test::count_lines;
using eqlab::test::read_text;
using eqlab::test::Run;
using eqlab::test::run_eqlab;
using eqlab::test::write_text;

const std::string kDrone = "'" EQLAB_SOURCE_DIR "/examples/drone/airspace.json'";
const std::string kGoals = "'" EQLAB_SOURCE_DIR "/examples/drone/goals.json'";

}  // namespace

TEST_CASE("cli preferences: the drone example's equilibria in each alignment case, and its report") {
  const fs::path dir = eqlab::test::scratch("preferences-drone");
  const Run r = run_eqlab("preferences " + kDrone + " --goals " + kGoals + " --out report.json", dir);
  REQUIRE_MESSAGE(r.code == 0, r.err);
  CHECK(r.err.empty());
  CHECK(contains(r.out, "game            drone-delivery, start base\n"));
  CHECK(contains(r.out, "product         12 states, 16 edges\n"));
  // Aligned: the two outcomes with a return are equilibria; the better one is efficient.
  CHECK(contains(r.out, "case            aligned\nguarantees      P1: {deliver_b}\n                P2: {deliver_b, "
                        "return}\n"));
  CHECK(contains(r.out, "outcome         {deliver_a, return}: equilibrium, Pareto efficient\n"
                        "                play base -> gate -> north -> zone_a -> corridor -> (home)*\n"));
  // Opposite: only the operator's favourite, the drone held at B.
  CHECK(contains(r.out, "outcome         {deliver_b}: equilibrium, Pareto efficient\n"
                        "                play base -> gate -> east -> zone_b -> (held_b)*\n"));

  const nlohmann::json report = nlohmann::json::parse(read_text(dir / "report.json"));
  CHECK(report["format"] == "eqlab-preferences/1");
  CHECK(report["start"] == "base");
  REQUIRE(report["cases"].size() == 3);
  int equilibria[3] = {0, 0, 0};
  for (int c = 0; c < 3; ++c)
    for (const auto& o : report["cases"][c]["outcomes"]) equilibria[c] += o["equilibrium"].get<bool>();
  CHECK(equilibria[0] == 2);
  CHECK(equilibria[1] == 1);
  CHECK(equilibria[2] == 2);
  const auto& aligned = report["cases"][0]["outcomes"];
  CHECK(aligned[2]["goals"] == nlohmann::json::array({"deliver_a", "return"}));
  CHECK(aligned[2]["witness"]["play"].size() == 6);
  CHECK(aligned[2]["witness"]["repeats_from"] == 5);
  CHECK(aligned[1]["reason"] == "P2 can force from the start an outcome it strictly prefers");
  // {deliver_b, return} holds because a drone that turns to A is held there ({deliver_a},
  // which the drone does not rank against {deliver_b, return}).
  CHECK(aligned[3]["punish"]["P1_deviates"] ==
        nlohmann::json::parse(R"([{"state": "zone_a|done,wait,delivered", "action": "hold"}])"));
}

TEST_CASE("cli preferences: refused usage and input") {
  const fs::path dir = eqlab::test::scratch("preferences-errors");
  auto refused = [&](const std::string& args, int code, const std::string& says) {
    const Run r = run_eqlab(args, dir);
    INFO(args);
    CHECK_MESSAGE(r.code == code, r.err);
    CHECK_MESSAGE(contains(r.err, says), r.err);
    CHECK_MESSAGE(count_lines(r.err) == 1, r.err);
    CHECK(r.out.empty());
  };
  refused("preferences " + kDrone, 2, "missing --goals GOALS.json");
  refused("preferences kuhn --goals " + kGoals, 1, "'kuhn' is not a graph game");
  write_text(dir / "bad.json", R"({"goals": [], "preferences": [{}, {}]})");
  refused("preferences " + kDrone + " --goals bad.json", 1, "bad.json: /goals: expected 1 to 32 goal automata");
  refused("preferences " + kDrone + " --goals missing.json", 1, "missing.json");
  refused("preferences gridworld --goals " + kGoals, 1, "no initial vertex");
}

#endif

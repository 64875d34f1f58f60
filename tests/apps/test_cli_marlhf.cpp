// eqlab preferences-data, eqlab solve --solver marlhf and a "marlhf" experiment, run as a
// user runs them: the dataset and result files, the coverage trap's gaps, the same files
// for any thread count, and typos and broken files refused with their messages.
#include <doctest/doctest.h>

#ifdef EQLAB_HAVE_CLI

#include <algorithm>
#include <filesystem>
#include <sstream>
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
using json = nlohmann::json;

fs::path scratch(const std::string& name) { return eqlab::test::scratch("marlhf-" + name); }

const std::string kTrap = std::string(EQLAB_SOURCE_DIR) + "/examples/marlhf/coverage-trap.json";

// The runs table without its wall-clock column, the one that differs between runs.
std::string without_seconds(const std::string& csv) {
  std::istringstream in(csv);
  std::string out;
  for (std::string line; std::getline(in, line);) out += line.substr(0, line.rfind(',')) + "\n";
  return out;
}

}  // namespace

TEST_CASE("cli marlhf: a dataset, the learner and its evaluation on the coverage trap") {
  const fs::path dir = scratch("trap");
  for (const std::string behaviour : {"equilibrium", "unilateral"}) {
    CAPTURE(behaviour);
    Run r = run_eqlab("preferences-data " + kTrap + " --behaviour " + behaviour +
                          " --pairs 3000 --seed 4 --no-progress --out " + behaviour + ".jsonl",
                      dir);
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(contains(r.out, "pairs           3000, temperature 1, seed 4"));
    const std::string data = read_text(dir / (behaviour + ".jsonl"));
    CHECK(count_lines(data) == 3001);
    CHECK_FALSE(contains(data, "reward"));
    CHECK(json::parse(data.substr(0, data.find('\n')))["format"] == "eqlab-preferences/1");

    r = run_eqlab("solve " + kTrap + " --solver marlhf --data " + behaviour + ".jsonl --out " + behaviour +
                      ".result.json --policy " + behaviour + ".policy.json",
                  dir);
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const json result = json::parse(read_text(dir / (behaviour + ".result.json")));
    CHECK(result["format"] == "eqlab-result/1");
    CHECK(result["solver"]["name"] == "marlhf");
    CHECK(result["concept"] == "nash");
    CHECK(result["data"]["pairs"] == 3000);
    const double gap = result["metrics"]["nash_gap"].get<double>();
    CHECK(gap == doctest::Approx(behaviour == "equilibrium" ? 0.8 : 0.0).epsilon(1e-12));
    // The policy file, evaluated by eval, gives the same gap.
    r = run_eqlab("eval " + kTrap + " " + behaviour + ".policy.json --json", dir);
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(json::parse(r.out)["nash_gap"].get<double>() == doctest::Approx(gap).epsilon(1e-12));
  }
}

TEST_CASE("cli marlhf: the same dataset for any thread count") {
  const fs::path dir = scratch("threads");
  const std::string game = "'markov-cycle(players=2,states=2,horizon=2,perturb=0.3,seed=1)'";
  for (const char* threads : {"1", "2"})
    REQUIRE(run_eqlab("preferences-data " + game + " --behaviour uniform --pairs 2000 --threads " + threads +
                          " --no-progress --out t" + threads + ".jsonl",
                      dir)
                .code == 0);
  CHECK(read_text(dir / "t1.jsonl") == read_text(dir / "t2.jsonl"));
}

TEST_CASE("cli marlhf: typos and broken files are refused") {
  const fs::path dir = scratch("refusals");
  Run r = run_eqlab("preferences-data " + kTrap + " --behaviour unilaterl --pairs 10 --out d.jsonl", dir);
  CHECK(r.code != 0);
  CHECK(contains(r.err, "did you mean unilateral?"));
  CHECK_FALSE(fs::exists(dir / "d.jsonl"));
  r = run_eqlab("preferences-data " + kTrap + " --behaviour uniform --out d.jsonl", dir);
  CHECK(r.code != 0);
  CHECK(contains(r.err, "missing --pairs"));
  r = run_eqlab("preferences-data " + kTrap + " --behaviour uniform --pairs 10 --temperature -1 --out d.jsonl", dir);
  CHECK(contains(r.err, "--temperature needs a positive number"));
  r = run_eqlab("preferences-data kuhn --behaviour uniform --pairs 10 --out d.jsonl", dir);
  CHECK(contains(r.err, "is not a Markov game"));

  REQUIRE(run_eqlab("preferences-data " + kTrap + " --behaviour uniform --pairs 10 --no-progress --out d.jsonl", dir).code == 0);
  r = run_eqlab("solve " + kTrap + " --solver marlhf", dir);
  CHECK(r.code != 0);
  CHECK(contains(r.err, "give --data FILE"));
  r = run_eqlab("solve " + kTrap + " --solver marlhf --data d.jsonl --episodes 100", dir);
  CHECK(contains(r.err, "--episodes does not apply to marlhf"));
  r = run_eqlab("solve " + kTrap + " --solver marlhf --data d.jsonl --param pessimsm=2", dir);
  CHECK(r.code != 0);
  CHECK(contains(r.err, "pessimsm"));
  r = run_eqlab("solve " + kTrap + " --solver cce-v --data d.jsonl", dir);
  CHECK(contains(r.err, "--data is the preference dataset of --solver marlhf"));

  // A truncated last line, a label for a player the game does not have.
  std::string data = read_text(dir / "d.jsonl");
  write_text(dir / "truncated.jsonl", data.substr(0, data.size() - 30));
  r = run_eqlab("solve " + kTrap + " --solver marlhf --data truncated.jsonl --out r.json", dir);
  CHECK(r.code != 0);
  CHECK(contains(r.err, "line 11"));
  CHECK_FALSE(fs::exists(dir / "r.json"));
  const std::size_t last = data.rfind("\"incumbent\"");
  write_text(dir / "ghost.jsonl", data.replace(last, 11, "\"ghost\""));
  r = run_eqlab("solve " + kTrap + " --solver marlhf --data ghost.jsonl", dir);
  CHECK(contains(r.err, "line 11: /labels/ghost: no player \"ghost\" in the game"));
}

TEST_CASE("cli marlhf: a coverage experiment") {
  const fs::path dir = scratch("experiment");
  fs::copy_file(kTrap, dir / "trap.json", fs::copy_options::overwrite_existing);
  write_text(dir / "tiny.json", R"json({"type": "marlhf", "name": "tiny",
 "games": [{"game": "trap.json", "label": "trap"}, "markov-cycle(players=2,states=2,horizon=2,perturb=0.3,seed=1)"],
 "behaviours": ["equilibrium", {"behaviour": "unilateral", "label": "uni"}],
 "variants": [{"label": "plain"}, {"label": "imitation", "params": {"imitation": 0.05}}],
 "pairs": [100, 1000, 4000], "seeds": 3})json");
  std::string runs;
  for (const char* threads : {"1", "2"}) {
    const Run r = run_eqlab(std::string("experiment tiny.json --out out") + threads + " --no-progress --threads " + threads, dir);
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(contains(r.out, "runs            72\n"));
    CHECK(contains(r.out, "fit             trap, equilibrium, plain: mean Nash gap ∝ pairs^0 [0, 0] over 3 sizes"));
    const std::string here = without_seconds(read_text(dir / (std::string("out") + threads) / "runs.csv"));
    if (runs.empty()) runs = here;
    else CHECK(runs == here);
  }
  const std::string summary = read_text(dir / "out1/summary.csv");
  CHECK(summary.rfind("game,behaviour,variant,pairs,seeds,gap_mean,gap_low,gap_high,error_mean,error_low,error_high\n", 0) == 0);
  CHECK(contains(summary, "trap,equilibrium,plain,4000,3,0.8,0.8,0.8,0,"));
  CHECK(count_lines(summary) == 1 + 2 * 2 * 2 * 3);
  CHECK(count_lines(read_text(dir / "out1/fits.csv")) == 1 + 2 * 2 * 2);
  for (const char* plot : {"trap.png", "trap-equilibrium.png", "trap-uni.png",
                           "markov-cycle_players_2_states_2_horizon_2_perturb_0.3_seed_1_.png"})
    CHECK_MESSAGE(fs::exists(dir / "out1/plots" / plot), plot);

  // Bad configs: the pointer of the offending value.
  write_text(dir / "bad.json", R"json({"type": "marlhf", "games": ["trap.json"], "behaviours": ["uniform"],
 "pairs": [100, 100], "seeds": 2})json");
  Run r = run_eqlab("experiment bad.json --out bad --no-progress", dir);
  CHECK(contains(r.err, "/pairs/1: the sizes must increase"));
  write_text(dir / "bad.json", R"json({"type": "marlhf", "games": ["trap.json"], "behaviours": ["uniform"],
 "variants": [{"label": "x", "params": {"msee": 1}}], "pairs": [100], "seeds": 2})json");
  r = run_eqlab("experiment bad.json --out bad --no-progress", dir);
  CHECK(contains(r.err, "/variants/0/params"));
  CHECK(contains(r.err, "msee"));
  write_text(dir / "bad.json", R"json({"type": "marlhf", "games": ["trap.json"], "behaviours": ["unilaterl"],
 "pairs": [100], "seeds": 2})json");
  r = run_eqlab("experiment bad.json --out bad --no-progress", dir);
  CHECK(r.code != 0);
  CHECK(contains(r.err, "did you mean unilateral?"));
}

#endif

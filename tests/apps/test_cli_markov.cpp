// eqlab solve, eval, info and games on Markov games, run as a user runs them: every
// learner prints its outputs, the result and curve files hold what the format says, the
// policy file reproduces the printed gaps through eval, seeds are reproducible, and
// wrong flags, parameters and files are refused with their exit codes and messages.
#include <doctest/doctest.h>

#ifdef EQLAB_HAVE_CLI

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/run_cli.hpp"

namespace fs = std::filesystem;

namespace {

using eqlab::test::read_text;
using eqlab::test::Run;
using eqlab::test::run_eqlab;
using eqlab::test::contains;
using eqlab::test::count_lines;
using eqlab::test::write_text;
using json = nlohmann::ordered_json;

fs::path scratch(const std::string& name) { return eqlab::test::scratch("markov-" + name); }

// Small enough that every learner runs a few thousand episodes in well under a second.
const std::string kSpec = "markov-polymatrix(players=3,states=2,actions=2,horizon=2)";
const std::string kGame = "'" + kSpec + "'";
const std::string kName = "markov-polymatrix(players=3,states=2,actions=2,horizon=2,degree=0,kappa=1,seed=0)";

// Nash-VI plans over joint actions at every episode: fewer episodes keep it fast.
std::string episodes_for(const std::string& solver) { return solver == "nash-vi" ? "500" : "2000"; }

// The curve columns of sim/markov/markov_runner.hpp, in order.
const char* const kCurveHeader =
    "iteration,gap,cce_gap_upper,ce_gap_upper,cce_gap_lower,cce_gap_exact,last_iterate_gap,average_gap,mixture_cce_gap,"
    "mixture_cce_gap_upper,mixture_cce_gap_lower,cce_gap,"
    "ce_gap,nash_gap,seconds,memory_mb\n";

// Two players coordinate on x twice: (x, x) pays both 1 at each step, anything else 0.
const char* const kCoordination = R"json({"format": "eqlab-game/1", "type": "markov", "name": "two-step-coordination",
 "players": ["a", "b"], "horizon": 2, "states": ["s"],
 "actions": [["x", "y"], ["x", "y"]], "initial": {"s": 1},
 "transitions": [
   {"state": "s", "actions": ["x", "x"], "next": {"s": 1}, "rewards": [1, 1]},
   {"state": "s", "actions": ["*", "*"], "next": {"s": 1}, "rewards": [0, 0]}]})json";

json solve_result(const fs::path& dir, const std::string& solver, const std::string& seed, const std::string& file) {
  const Run r = run_eqlab("solve " + kGame + " --solver " + solver + " --episodes " + episodes_for(solver) + " --seed " +
                              seed + " --checkpoints 4 --no-progress --out " + file,
                          dir);
  INFO(r.err);
  REQUIRE(r.code == 0);
  return json::parse(read_text(dir / file));
}

}  // namespace

TEST_CASE("cli markov: solve runs each of the five learners and prints its outputs") {
  const fs::path dir = scratch("solvers");
  // The summary lines each learner's outputs give (markov_commands.cpp, print_evaluation).
  const std::vector<std::pair<std::string, std::vector<std::string>>> expected = {
      {"cce-v", {"\ncertified       CCE gap <= ", "(no lower bound)\n", "\nlast iterate    Nash gap ", "\naverage         Nash gap "}},
      {"ce-v", {"\ncertified       CCE gap <= ", "; CE gap <= ", "\nlast iterate    Nash gap ", "\naverage         Nash gap "}},
      {"nash-ca", {"\nnash gap        Nash gap "}},
      {"exp3-ix", {"\nmixture         CCE gap ", " (bounds ", "\nlast iterate    Nash gap ", "\naverage         Nash gap "}},
      {"nash-vi", {"\ncorrelated      CCE gap ", ", CE gap "}},
  };
  for (const auto& [solver, parts] : expected) {
    INFO("solver ", solver);
    const Run r = run_eqlab("solve " + kGame + " --solver " + solver + " --episodes " + episodes_for(solver) +
                                " --seed 1 --no-progress",
                            dir);
    CHECK_MESSAGE(r.code == 0, r.err);
    CHECK(r.err.empty());
    CHECK(r.out.rfind("game            " + kName + "\n", 0) == 0);
    // Every learner says which preset ran.
    const std::string preset = " (preset practical)";
    CHECK(contains(r.out, "\nsolver          " + solver + preset + ", seed 1: " + episodes_for(solver) + " episodes in "));
    for (const std::string& part : parts) CHECK_MESSAGE(contains(r.out, part), r.out);
    // Every learner but exp3-ix has an output whose per-player values are printed.
    CHECK(contains(r.out, "\nvalues          p0: ") == (solver != "exp3-ix"));
    CHECK(!contains(r.out, "wrote"));
  }
}

TEST_CASE("cli markov: --out writes eqlab-result/1 and --curve the runner's columns") {
  const fs::path dir = scratch("out");
  const Run r = run_eqlab("solve " + kGame + " --solver cce-v --episodes 2000 --seed 3 --checkpoints 4 --no-progress "
                          "--out result.json --curve curve.csv",
                          dir);
  REQUIRE_MESSAGE(r.code == 0, r.err);
  CHECK(contains(r.out, "\nwrote           result.json, curve.csv\n"));
  const json result = json::parse(read_text(dir / "result.json"));
  std::vector<std::string> members;
  for (const auto& [key, value] : result.items()) members.push_back(key);
  CHECK(members == std::vector<std::string>{"format", "game", "solver", "concept", "iterations", "strategies", "metrics",
                                            "curve"});
  CHECK(result["format"] == "eqlab-result/1");
  CHECK(result["game"] == kName);
  CHECK(result["solver"]["name"] == "cce-v");
  CHECK(result["solver"]["params"]["seed"] == 3);
  CHECK(result["solver"]["params"]["planned_episodes"] == 2000);
  CHECK(result["concept"] == "cce");
  CHECK(result["iterations"] == 2000);

  // The last iterate: [player][step][state] -> the action probabilities.
  const json& strategies = result["strategies"];
  REQUIRE(strategies.size() == 3);
  for (const json& player : strategies) {
    REQUIRE(player.size() == 2);
    for (const json& step : player) {
      REQUIRE(step.size() == 2);
      for (const json& state : step) {
        REQUIRE(state.size() == 2);
        CHECK(state[0].get<double>() + state[1].get<double>() == doctest::Approx(1.0).epsilon(1e-12));
      }
    }
  }

  const json& metrics = result["metrics"];
  for (const char* key : {"certified", "last_iterate", "average", "gap", "memory_mb"}) CHECK_MESSAGE(metrics.contains(key), key);
  const json& certified = metrics["certified"];
  for (const char* key : {"value", "cce_gap_upper", "ce_gap_upper", "cce_gap_lower"}) CHECK_MESSAGE(certified.contains(key), key);
  CHECK(certified["value"].size() == 3);
  CHECK(!certified.contains("cce_gap_exact"));  // no closed form with H = 2
  CHECK(metrics["gap"] == certified["cce_gap_upper"]);
  CHECK(certified["cce_gap_lower"].get<double>() <= certified["cce_gap_upper"].get<double>() + 1e-12);
  CHECK(metrics["last_iterate"]["nash_gap"].get<double>() >= 0.0);
  CHECK(metrics["memory_mb"].get<double>() > 0.0);

  // 4 log-spaced checkpoints ending at the budget, the same rows as the CSV.
  const json& curve = result["curve"];
  REQUIRE(curve.size() == 4);
  CHECK(curve.front()["iteration"] == 1);
  CHECK(curve.back()["iteration"] == 2000);
  CHECK(curve.back()["gap"] == metrics["gap"]);
  CHECK(curve.back()["cce_gap_exact"].is_null());
  const std::string csv = read_text(dir / "curve.csv");
  CHECK(csv.rfind(kCurveHeader, 0) == 0);
  CHECK(count_lines(csv) == 5);
  CHECK(contains(csv, "\n2000,"));
  // The columns a certified learner has no output for hold nan.
  CHECK(contains(csv, ",nan,nan,nan,"));

  // A learner without a product policy writes no strategies.
  const json vi = solve_result(dir, "nash-vi", "3", "vi.json");
  CHECK(!vi.contains("strategies"));
  CHECK(vi["metrics"].contains("correlated"));
  CHECK(vi["metrics"]["gap"] == vi["metrics"]["correlated"]["cce_gap"]);
  CHECK(vi["iterations"] == 500);
}

TEST_CASE("cli markov: the policy file reproduces the printed gaps through eval, to the bit") {
  const fs::path dir = scratch("policy");
  for (const std::string solver : {"cce-v", "ce-v", "nash-ca", "exp3-ix", "nash-vi"}) {
    INFO("solver ", solver);
    const Run r = run_eqlab("solve " + kGame + " --solver " + solver + " --episodes " + episodes_for(solver) +
                                " --seed 5 --checkpoints 3 --no-progress --out result.json --policy policy.json",
                            dir);
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const json metrics = json::parse(read_text(dir / "result.json"))["metrics"];
    const json policy = json::parse(read_text(dir / "policy.json"));
    CHECK(policy["format"] == "eqlab-markov-policy/1");
    CHECK(policy["game"] == kName);
    CHECK(policy["horizon"] == 2);
    const Run e = run_eqlab("eval " + kGame + " policy.json --json", dir);
    REQUIRE_MESSAGE(e.code == 0, e.err);
    const json eval = json::parse(e.out);
    CHECK(eval["game"] == kName);
    if (solver == "cce-v" || solver == "ce-v") {
      CHECK(policy["kind"] == "certified");
      CHECK(eval["kind"] == "certified");
      const json& c = metrics["certified"];
      CHECK(eval["episodes"] == 2000);
      CHECK(eval["values"] == c["value"]);
      CHECK(eval["cce_gap_upper"] == c["cce_gap_upper"]);
      CHECK(eval["cce_gap_lower"] == c["cce_gap_lower"]);
      CHECK(eval["ce_gap_upper"] == c["ce_gap_upper"]);
    } else if (solver == "nash-vi") {
      CHECK(eval["kind"] == "correlated");
      CHECK(eval["values"] == metrics["correlated"]["value"]);
      CHECK(eval["cce_gap"] == metrics["correlated"]["cce_gap"]);
      CHECK(eval["ce_gap"] == metrics["correlated"]["ce_gap"]);
    } else {
      // exp3-ix's output is its last iterate; Nash-CA's its product policy.
      const json& p = metrics[solver == "exp3-ix" ? "last_iterate" : "product"];
      CHECK(eval["kind"] == "product");
      CHECK(eval["values"] == p["value"]);
      CHECK(eval["nash_gap"] == p["nash_gap"]);
      CHECK(eval["best_response"].size() == 3);
    }
    // Without --json, eval prints the same numbers as solve did.
    const Run text = run_eqlab("eval " + kGame + " policy.json", dir);
    REQUIRE(text.code == 0);
    CHECK(contains(text.out, "\npolicy          policy.json (" + eval["kind"].get<std::string>() + ")\n"));
    CHECK(text.err.empty());
  }
  // A game of the same shape but another seed: evaluated, with a warning naming both games.
  const Run other = run_eqlab("eval 'markov-polymatrix(players=3,states=2,actions=2,horizon=2,seed=9)' policy.json", dir);
  CHECK_MESSAGE(other.code == 0, other.err);
  CHECK(other.err == "warning: policy.json was written for " + kName +
                         ", evaluated here on markov-polymatrix(players=3,states=2,actions=2,horizon=2,degree=0,kappa=1,"
                         "seed=9)\n");
}

TEST_CASE("cli markov: a play file (.eqplay) evaluates to the JSON policy's gaps and is refused where it cannot be") {
  const fs::path dir = scratch("play-file");
  for (const std::string solver : {"cce-v", "ce-v"}) {
    INFO("solver ", solver);
    const std::string solve = "solve " + kGame + " --solver " + solver + " --episodes 2000 --seed 5 --no-progress";
    REQUIRE(run_eqlab(solve + " --policy policy.json", dir).code == 0);
    const Run r = run_eqlab(solve + " --policy policy.eqplay", dir);
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(contains(r.out, "wrote           policy.eqplay\n"));
    // One byte of state and 3 players' choices (1 bit each for cce-v, 2 for ce-v) per step.
    const std::string file = read_text(dir / "policy.eqplay");
    CHECK(file.size() - (file.find('\n') + 1) == 2000u * 2u * 2u);
    CHECK(fs::file_size(dir / "policy.json") > 50 * fs::file_size(dir / "policy.eqplay"));

    json from_json = json::parse(run_eqlab("eval " + kGame + " policy.json --json", dir).out);
    const Run e = run_eqlab("eval " + kGame + " policy.eqplay --json", dir);
    REQUIRE_MESSAGE(e.code == 0, e.err);
    json from_play = json::parse(e.out);
    CHECK(from_play["replay_matches_run"] == true);
    from_play.erase("replay_matches_run");
    CHECK(from_play == from_json);
  }
  // Learners without a play log, or told to keep no log, are refused before they run.
  for (const std::string args : {"--solver exp3-ix", "--solver nash-vi", "--solver cce-v --param log=false"}) {
    const Run r = run_eqlab("solve " + kGame + " " + args + " --episodes 10 --no-progress --policy p.eqplay", dir);
    CHECK(r.code == 2);
    CHECK(contains(r.err, "a play file (.eqplay) holds the run of cce-v or ce-v with log=true"));
    CHECK_FALSE(fs::exists(dir / "p.eqplay"));
  }
  // A truncated play file names what is wrong.
  const std::string file = read_text(dir / "policy.eqplay");
  write_text(dir / "cut.eqplay", file.substr(0, file.size() - 5));
  const Run cut = run_eqlab("eval " + kGame + " cut.eqplay", dir);
  CHECK(cut.code == 1);
  CHECK(contains(cut.err, "eqlab eval: cut.eqplay: the payload after the header has 7995 bytes, not the 8000 the "
                          "header announces: the file is truncated"));
}

TEST_CASE("cli markov: the same seed gives the same metrics, another seed others") {
  const fs::path dir = scratch("seeds");
  for (const std::string solver : {"cce-v", "exp3-ix", "nash-vi"}) {
    INFO("solver ", solver);
    const json a = solve_result(dir, solver, "7", "a.json");
    const json b = solve_result(dir, solver, "7", "b.json");
    const json c = solve_result(dir, solver, "8", "c.json");
    CHECK(a["metrics"] == b["metrics"]);
    CHECK(a.contains("strategies") == (solver != "nash-vi"));
    CHECK(a.value("strategies", json()) == b.value("strategies", json()));
    CHECK(a["metrics"]["gap"] != c["metrics"]["gap"]);
    CHECK(c["solver"]["params"]["seed"] == 8);
    // The curves differ only in the wall-clock column.
    REQUIRE(a["curve"].size() == b["curve"].size());
    for (std::size_t k = 0; k < a["curve"].size(); ++k) {
      json x = a["curve"][k], y = b["curve"][k];
      x.erase("seconds");
      y.erase("seconds");
      CHECK(x == y);
    }
  }
}

TEST_CASE("cli markov: wrong flags, solvers, parameters and policy files are refused") {
  const fs::path dir = scratch("errors");
  auto refused = [&](const std::string& args, int code, const std::string& says) {
    const Run r = run_eqlab(args, dir);
    INFO(args);
    CHECK_MESSAGE(r.code == code, r.err);
    CHECK_MESSAGE(contains(r.err, says), r.err);
    CHECK_MESSAGE(count_lines(r.err) == 1, r.err);
    CHECK(r.out.empty());
  };
  refused("solve " + kGame + " --solver nope --no-progress", 2,
          "eqlab solve: 'nope' is not a Markov-game solver: choose one of cce-v, ce-v, nash-ca, exp3-ix, nash-vi");
  refused("solve " + kGame + " --solver cfr --no-progress", 2, "'cfr' is not a Markov-game solver");
  refused("solve " + kGame + " --iterations 10 --no-progress", 2, "give --episodes, not --iterations");
  refused("solve " + kGame + " --k 1 --no-progress", 2, "--distribution, --k and --out-profile are for extensive-form and normal-form games");
  refused("solve " + kGame + " --distribution d.jsonl --no-progress", 2,
          "--distribution, --k and --out-profile are for extensive-form and normal-form games");
  refused("solve " + kGame + " --feedback full --no-progress", 2, "--feedback bandit or nothing");
  refused("solve " + kGame + " --param bogus=1 --episodes 10 --no-progress", 1,
          "eqlab solve: solver cce-v: unknown parameter bogus");
  refused("solve " + kGame + " --param nokey --episodes 10 --no-progress", 2, "--param needs KEY=VALUE, not 'nokey'");
  refused("solve kuhn --solver nash-vi --iterations 10 --no-progress", 2, "eqlab solve: solver nash-vi learns Markov games");
  refused("solve kuhn --solver cce-v --iterations 10 --no-progress", 2, "eqlab solve: solver cce-v learns Markov games");
  refused("solve kuhn --iterations 10 --policy p.json --no-progress", 2, "--policy writes the output policy of a Markov game");
  refused("solve 'markov-nope(players=2)' --no-progress", 1, "markov-nope");
  refused("solve 'markov-team(bogus=1)' --no-progress", 1, "unknown parameter \"bogus\"");
  CHECK(!fs::exists(dir / "d.jsonl"));

  // A policy written for one game, read against games of other shapes: eval names the member.
  const Run r = run_eqlab("solve " + kGame + " --solver exp3-ix --episodes 50 --no-progress --policy p.json", dir);
  REQUIRE_MESSAGE(r.code == 0, r.err);
  refused("eval 'markov-polymatrix(players=2,states=2,actions=2,horizon=2)' p.json", 1,
          "eqlab eval: p.json: /actions: expected an array of 2 action lists");
  refused("eval 'markov-polymatrix(players=3,states=3,actions=2,horizon=2)' p.json", 1,
          "eqlab eval: p.json: /states: the states are not the game's");
  refused("eval 'markov-polymatrix(players=3,states=2,actions=2,horizon=3)' p.json", 1,
          "eqlab eval: p.json: /horizon: the game has horizon 3");
  // A result file is not a policy file.
  REQUIRE(run_eqlab("solve " + kGame + " --solver exp3-ix --episodes 50 --no-progress --out r.json", dir).code == 0);
  refused("eval " + kGame + " r.json", 1, "eqlab eval: r.json: /concept: unknown member \"concept\" in a policy file");
  refused("eval " + kGame + " p.json --k 1", 2, "--distribution, --k and --max-states are for extensive-form games");
}

TEST_CASE("cli markov: games lists the Markov games and info describes them") {
  const fs::path dir = scratch("info");
  const Run games = run_eqlab("games", dir);
  REQUIRE(games.code == 0);
  CHECK(contains(games.out, "Built-in Markov games"));
  for (const char* name : {"markov-random", "markov-polymatrix", "markov-congestion", "markov-team", "markov-cycle"})
    CHECK_MESSAGE(contains(games.out, std::string("\n") + name + " "), name);

  const Run builtin = run_eqlab("info 'markov-team(players=2)'", dir);
  REQUIRE_MESSAGE(builtin.code == 0, builtin.err);
  CHECK(builtin.out ==
        "game            markov-team(players=2,states=2,actions=2,horizon=2,delta=0,kappa=1,seed=0)\n"
        "type            markov: 2 players, horizon 2, 2 states\n"
        "actions         2, 2 (max 2, joint 4 per state)\n"
        "memory          cce-v: 9.5 MiB (learner state 384 B, certified log 7.6 MiB, evaluation 768 B, play log 1.9 MiB)\n"
        "memory          ce-v: 9.5 MiB (learner state 640 B, certified log 7.6 MiB, evaluation 768 B, play log 1.9 MiB)\n"
        "memory          nash-ca: 1.9 KiB (learner state 1.1 KiB, evaluation 768 B)\n"
        "memory          exp3-ix: 7.6 MiB (learner state 384 B, certified log 7.6 MiB, evaluation 768 B)\n"
        "memory          nash-vi: 2.1 KiB (learner state 1.4 KiB, evaluation 768 B)\n"
        "                certified log (cce-v, ce-v, exp3-ix): 40 bytes per episode, up to twice that while its "
        "arrays grow\n"
        "                play log (cce-v, ce-v): at most 10 bytes per episode, the same\n");

  write_text(dir / "coordination.json", kCoordination);
  const Run file = run_eqlab("info coordination.json", dir);
  REQUIRE_MESSAGE(file.code == 0, file.err);
  CHECK(contains(file.out, "game            two-step-coordination\n"));
  CHECK(contains(file.out, "type            markov: 2 players, horizon 2, 1 states\n"));
  CHECK(contains(file.out, "actions         2, 2 (max 2, joint 4 per state)\n"));
}

TEST_CASE("cli markov: a Markov game file is solved, written and evaluated end to end") {
  const fs::path dir = scratch("file");
  write_text(dir / "coordination.json", kCoordination);
  // Nash-CA climbs to (x, x) at both steps: each player gets 2, nobody gains by deviating.
  const Run r = run_eqlab("solve coordination.json --solver nash-ca --episodes 2000 --no-progress --out result.json "
                          "--policy policy.json --curve curve.csv",
                          dir);
  REQUIRE_MESSAGE(r.code == 0, r.err);
  CHECK(contains(r.out, "game            two-step-coordination\n"));
  CHECK(contains(r.out, "\nvalues          a: 2\n                b: 2\n"));
  CHECK(contains(r.out, "\nnash gap        Nash gap 0.0000e+00\n"));
  const json result = json::parse(read_text(dir / "result.json"));
  CHECK(result["game"] == "two-step-coordination");
  CHECK(result["concept"] == "nash");
  CHECK(result["metrics"]["product"]["nash_gap"] == 0.0);
  CHECK(result["strategies"] == json::parse("[[[[1.0, 0.0]], [[1.0, 0.0]]], [[[1.0, 0.0]], [[1.0, 0.0]]]]"));
  CHECK(read_text(dir / "curve.csv").rfind(kCurveHeader, 0) == 0);
  const json policy = json::parse(read_text(dir / "policy.json"));
  CHECK(policy["states"] == json::parse(R"(["s"])"));
  CHECK(policy["actions"] == json::parse(R"([["x", "y"], ["x", "y"]])"));
  const Run e = run_eqlab("eval coordination.json policy.json", dir);
  REQUIRE_MESSAGE(e.code == 0, e.err);
  CHECK(e.out ==
        "game            two-step-coordination\n"
        "policy          policy.json (product)\n"
        "values          a: 2\n"
        "                b: 2\n"
        "nash_gap        0.0000e+00\n");

  // A learner of correlated play on the same file; its policy reads back through eval.
  const Run vi = run_eqlab("solve coordination.json --solver nash-vi --episodes 300 --no-progress --policy vi.json", dir);
  REQUIRE_MESSAGE(vi.code == 0, vi.err);
  CHECK(contains(vi.out, "\ncorrelated      CCE gap "));
  const Run ve = run_eqlab("eval coordination.json vi.json --json", dir);
  REQUIRE_MESSAGE(ve.code == 0, ve.err);
  CHECK(json::parse(ve.out)["kind"] == "correlated");
}

#endif  // EQLAB_HAVE_CLI

TEST_CASE("cli markov: --mixture adds cce-v's episode mixture; a learner that cannot rebuild its play is refused") {
  const fs::path dir = scratch("mixture");
  const Run plain = run_eqlab("solve " + kGame + " --solver cce-v --episodes 500 --seed 2 --no-progress", dir);
  REQUIRE_MESSAGE(plain.code == 0, plain.err);
  CHECK_FALSE(contains(plain.out, "\nmixture "));
  const Run with = run_eqlab("solve " + kGame + " --solver cce-v --episodes 500 --seed 2 --mixture --no-progress "
                             "--out result.json",
                             dir);
  REQUIRE_MESSAGE(with.code == 0, with.err);
  CHECK(contains(with.out, "\nmixture         CCE gap "));
  const json result = json::parse(read_text(dir / "result.json"));
  const json& mixture = result["metrics"]["mixture"];
  CHECK(mixture["episodes"] == 500);
  CHECK(mixture["cce_gap_lower"].get<double>() <= mixture["cce_gap"].get<double>() + 1e-12);
  CHECK(mixture["cce_gap"].get<double>() <= mixture["cce_gap_upper"].get<double>() + 1e-12);
  // The certified evaluation is the same with or without the mixture.
  CHECK(contains(plain.out, with.out.substr(with.out.find("\ncertified"), 40)));

  const Run ce = run_eqlab("solve " + kGame + " --solver ce-v --episodes 50 --mixture --no-progress", dir);
  CHECK(ce.code == 2);
  CHECK(contains(ce.err, "--mixture: ce-v cannot rebuild the policies it played"));
  const Run kuhn = run_eqlab("solve kuhn --mixture", dir);
  CHECK(kuhn.code == 2);
  CHECK(contains(kuhn.err, "--mixture evaluates the episode mixture of a Markov learner"));
}

TEST_CASE("cli markov: a policy file estimated above 100 MB is announced before the run, and Ctrl-C stops it") {
  const fs::path dir = scratch("announce");
  // 16 players with 2 actions, H = 2, 2,000,000 episodes: about 2.5 GiB of visit log
  // (200,000 episodes wrote 253 MB), announced; Ctrl-C half a second after the
  // announcement stops the run long before its end.
  const Run r = eqlab::test::run_eqlab_interrupted(
      "solve 'markov-polymatrix(players=16,states=3,actions=2,horizon=2,degree=2)' --solver cce-v "
      "--episodes 2000000 --policy policy.json --out result.json --no-progress",
      dir, "eqlab solve: note:");
  CHECK(r.err.rfind("eqlab solve: note: policy.json will take about 2.5 GiB (the certified policy as JSON is its visit "
                    "log, 2 visits of 32 probabilities per episode; a name ending in .eqplay writes its play log "
                    "instead, about 11.4 MiB)\n",
                    0) == 0);
  // Stopped by the signal before the end: whole files, marked as such, exit 130.
  CHECK(r.code == 130);
  CHECK(contains(r.out, "\ninterrupted     at "));
  const json result = json::parse(read_text(dir / "result.json"));
  CHECK(result["interrupted"] == true);
  CHECK(result["iterations"].get<long long>() < 2000000);
  CHECK(json::parse(read_text(dir / "policy.json"))["format"] == "eqlab-markov-policy/1");
  // A small run says nothing.
  CHECK(run_eqlab("solve " + kGame + " --solver cce-v --episodes 100 --policy small.json --no-progress", dir).err.empty());
}

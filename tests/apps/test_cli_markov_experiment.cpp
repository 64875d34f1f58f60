// eqlab experiment on a Markov config ("type": "markov"), run as a user runs it: the
// output files with their documented headers, the same files on every run and thread
// count, and bad configs refused with the JSON pointer of the offending value.
#include <doctest/doctest.h>

#ifdef EQLAB_HAVE_CLI

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
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

fs::path scratch(const std::string& name) { return eqlab::test::scratch("markov-experiment-" + name); }

// 2 games (x = 2 and 3 players) × cce-v and nash-vi × 2 seeds, 2000 episodes.
const char* const kConfig = R"json({"type": "markov", "name": "tiny",
 "games": [{"game": "markov-polymatrix(players=2,states=2,actions=2,horizon=2)", "label": "m2", "x": 2},
           {"game": "markov-polymatrix(players=3,states=2,actions=2,horizon=2)", "label": "m3", "x": 3}],
 "x_label": "players",
 "algorithms": [{"solver": "cce-v"}, {"solver": "nash-vi"}],
 "seeds": 2, "episodes": 2000, "checkpoints": 6, "epsilon": [0.3, 0.2]})json";

const std::vector<std::string> kRuns = {"runs/m2/cce-v/seed-0.csv",   "runs/m2/cce-v/seed-1.csv",
                                        "runs/m2/nash-vi/seed-0.csv", "runs/m2/nash-vi/seed-1.csv",
                                        "runs/m3/cce-v/seed-0.csv",   "runs/m3/cce-v/seed-1.csv",
                                        "runs/m3/nash-vi/seed-0.csv", "runs/m3/nash-vi/seed-1.csv"};
const std::vector<std::string> kTables = {"experiment.json", "summary.csv", "episodes.csv", "fits.csv", "eps_fits.csv"};

// A run's curve without its wall-clock column, the one column that differs between runs.
std::string without_seconds(const std::string& csv) {
  std::istringstream in(csv);
  std::string line, out;
  int drop = -1;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream row(line);
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
    if (drop < 0) {
      const auto it = std::find(cells.begin(), cells.end(), "seconds");
      REQUIRE(it != cells.end());
      drop = static_cast<int>(it - cells.begin());
    }
    REQUIRE(static_cast<int>(cells.size()) > drop);
    cells.erase(cells.begin() + drop);
    for (std::size_t k = 0; k < cells.size(); ++k) out += (k ? "," : "") + cells[k];
    out += "\n";
  }
  return out;
}

Run run_config(const fs::path& dir, const std::string& out, const std::string& extra = {}) {
  return run_eqlab("experiment tiny.json --out " + out + " --no-plots --no-progress" + extra, dir);
}

}  // namespace

TEST_CASE("cli markov experiment: a tiny config writes every file with its documented header") {
  const fs::path dir = scratch("files");
  write_text(dir / "tiny.json", kConfig);
  const Run r = run_config(dir, "results");
  REQUIRE_MESSAGE(r.code == 0, r.err);
  CHECK(r.err.empty());
  CHECK(r.out.rfind("experiment      tiny\nruns            8\n", 0) == 0);
  CHECK(contains(r.out, "\nepisodes        cce-v on m2 (x = 2, ε = 0.3): "));
  CHECK(contains(r.out, "\nepisodes        nash-vi on m3 (x = 3, ε = 0.2): "));
  CHECK(contains(r.out, "\nfit             nash-vi, ε = 0.2: fewer than two points reached ε, no fit\n"));
  CHECK(contains(r.out, "\nfit             nash-vi on m2: episodes grow as (1/ε)^"));
  // 2000 episodes are too few for CCE-V to reach 0.2 on m2, and one ε gives no slope.
  CHECK(contains(r.out, "\nfit             cce-v on m2: fewer than two ε reached, no slope\n"));
  CHECK(contains(r.out, "\nfit             cce-v, ε = 0.2: fewer than two points reached ε, no fit\n"));
  // On m3 the gap starts below both ε: reached "at start", a count no fit can use.
  CHECK(contains(r.out, "\nepisodes        cce-v on m3 (x = 3, ε = 0.3): at start (2/2 seeds reached)\n"));
  CHECK(contains(r.out, "\nfit             cce-v on m3: fewer than two ε reached, no slope\n"));
  CHECK(contains(read_text(dir / "results" / "episodes.csv"), "\nm3,cce-v,3,0.3,2,2,1,1,1,at start\n"));
  CHECK(contains(r.out, "\nwrote           results/eps_fits.csv\n"));

  const fs::path out = dir / "results";
  const nlohmann::json manifest = nlohmann::json::parse(read_text(out / "experiment.json"));
  CHECK(manifest["type"] == "markov");
  CHECK(manifest["name"] == "tiny");
  CHECK(manifest["episodes"] == 2000);
  CHECK(manifest["checkpoints"] == 6);
  CHECK(manifest["seeds"] == nlohmann::json::parse("[0, 1]"));
  CHECK(manifest["epsilon"] == nlohmann::json::parse("[0.3, 0.2]"));
  CHECK(manifest["metric"] == "gap");
  CHECK(manifest["x_label"] == "players");
  REQUIRE(manifest["games"].size() == 2);
  CHECK(manifest["games"][1]["x"] == 3.0);
  CHECK(manifest["games"][1]["name"] ==
        "markov-polymatrix(players=3,states=2,actions=2,horizon=2,degree=0,kappa=1,seed=0)");
  CHECK(manifest["algorithms"][1]["solver"] == "nash-vi");
  CHECK(manifest["algorithms"][1]["episodes"] == 2000);
  CHECK(manifest["algorithms"][1]["fit"] == "power");

  for (const std::string& run : kRuns) {
    INFO(run);
    const std::string csv = read_text(out / run);
    CHECK(csv.rfind("iteration,gap,cce_gap_upper,ce_gap_upper,cce_gap_lower,cce_gap_exact,last_iterate_gap,"
                    "average_gap,mixture_cce_gap,mixture_cce_gap_upper,mixture_cce_gap_lower,cce_gap,ce_gap,nash_gap,seconds,"
                    "memory_mb\n",
                    0) == 0);
    CHECK(count_lines(csv) == 7);  // the header and 6 checkpoints
    CHECK(contains(csv, "\n2000,"));
  }
  const std::string summary = read_text(out / "summary.csv");
  CHECK(summary.rfind("game,label,metric,episodes,runs,median,q25,q75\n", 0) == 0);
  CHECK(contains(summary, "\nm3,nash-vi,gap,2000,2,"));
  const std::string episodes = read_text(out / "episodes.csv");
  CHECK(episodes.rfind("game,label,x,epsilon,seeds,reached,median,low,high,status\n", 0) == 0);
  CHECK(count_lines(episodes) == 1 + 2 * 2 * 2);  // per game, algorithm and ε
  CHECK(contains(episodes, "\nm2,cce-v,2,0.3,2,"));
  CHECK(contains(episodes, "\nm3,nash-vi,3,0.2,2,"));
  const std::string fits = read_text(out / "fits.csv");
  CHECK(fits.rfind("label,epsilon,model,points,slope,low,high,theory\n", 0) == 0);
  CHECK(count_lines(fits) == 1 + 2 * 2);  // per algorithm and ε
  CHECK(contains(fits, "\nnash-vi,0.3,power,"));
  const std::string eps_fits = read_text(out / "eps_fits.csv");
  CHECK(eps_fits.rfind("game,label,points,slope,low,high\n", 0) == 0);
  CHECK(count_lines(eps_fits) == 1 + 2 * 2);  // per game and algorithm
  CHECK(!fs::exists(out / "plots"));
  for (const auto& entry : fs::recursive_directory_iterator(out))
    CHECK_MESSAGE(entry.path().extension() != ".partial", entry.path());
}

TEST_CASE("cli markov experiment: the same config gives the same files, on any thread count") {
  const fs::path dir = scratch("same");
  // Three runs of the grid: a smaller budget keeps the test fast.
  std::string config = kConfig;
  config.replace(config.find("\"episodes\": 2000"), 16, "\"episodes\": 600");
  write_text(dir / "tiny.json", config);
  const Run a = run_config(dir, "a");
  REQUIRE_MESSAGE(a.code == 0, a.err);
  const Run b = run_config(dir, "b");
  REQUIRE_MESSAGE(b.code == 0, b.err);
  const Run one = run_config(dir, "one", " --threads 1");
  REQUIRE_MESSAGE(one.code == 0, one.err);
  for (const std::string& file : kTables) {
    INFO(file);
    const std::string first = read_text(dir / "a" / file);
    CHECK(!first.empty());
    CHECK(first == read_text(dir / "b" / file));
    CHECK(first == read_text(dir / "one" / file));
  }
  // The run curves carry their learning time in seconds; every other column is the same.
  for (const std::string& run : kRuns) {
    INFO(run);
    const std::string first = without_seconds(read_text(dir / "a" / run));
    CHECK(first == without_seconds(read_text(dir / "b" / run)));
    CHECK(first == without_seconds(read_text(dir / "one" / run)));
  }
}

TEST_CASE("cli markov experiment: bad configs are refused with the pointer of the bad value") {
  const fs::path dir = scratch("errors");
  const std::string config = kConfig;
  auto with = [&](const std::string& from, const std::string& to) {
    std::string text = config;
    REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  auto refused = [&](const std::string& text, const std::string& args, int code, const std::string& says) {
    write_text(dir / "bad.json", text);
    const Run r = run_eqlab("experiment bad.json " + args, dir);
    INFO(text);
    CHECK_MESSAGE(r.code == code, r.err);
    CHECK_MESSAGE(contains(r.err, says), r.err);
    CHECK_MESSAGE(count_lines(r.err) == 1, r.err);
    CHECK(r.out.empty());
  };
  const std::string out = "--out o --no-plots --no-progress";
  refused(with("\"x_label\"", "\"colour\": 1, \"x_label\""), out, 1,
          "eqlab experiment: bad.json: /colour: unknown member 'colour' (expected one of algorithms, checkpoints, "
          "episodes, epsilon, games, metric, name, seeds, type, x_label)");
  refused(with("\"label\": \"m2\"", "\"label\": \"m2\", \"players\": 2"), out, 1,
          "bad.json: /games/0/players: unknown member 'players'");
  refused(with("{\"solver\": \"cce-v\"}", "{\"solver\": \"cfr\"}"), out, 1,
          "bad.json: /algorithms/0/solver: unknown Markov solver 'cfr' (expected one of cce-v, ce-v, nash-ca, exp3-ix, "
          "nash-vi)");
  refused(with("\"epsilon\": [0.3, 0.2]", "\"epsilon\": [0.3, -0.2]"), out, 1, "bad.json: /epsilon: every ε must be positive");
  refused(with("\"epsilon\": [0.3, 0.2]", "\"epsilon\": [0.3, \"small\"]"), out, 1, "bad.json: /epsilon/1: expected a number");
  refused(with("\"epsilon\": [0.3, 0.2]", "\"epsilon\": []"), out, 1, "bad.json: /epsilon: expected at least one ε");
  refused(with("{\"solver\": \"cce-v\"}", "{\"solver\": \"cce-v\", \"fit\": \"linear\"}"), out, 1,
          "bad.json: /algorithms/0/fit: expected \"power\" or \"exponential\"");
  refused(with("{\"solver\": \"nash-vi\"}", "{\"solver\": \"nash-vi\", \"label\": \"cce-v\"}"), out, 1,
          "bad.json: /algorithms/1/label: duplicate label 'cce-v'");
  refused(with("\"label\": \"m3\"", "\"label\": \"m2\""), out, 1, "bad.json: /games/1: duplicate game label 'm2'");
  refused(with("\"x\": 3", "\"x\": \"three\""), out, 1, "bad.json: /games/1/x: expected a number");
  refused(with("\"seeds\": 2", "\"seeds\": [4, 4]"), out, 1, "bad.json: /seeds/1: duplicate seed");
  refused(with("\"checkpoints\": 6", "\"checkpoints\": 1"), out, 1, "bad.json: /checkpoints: expected a whole number from 2");
  refused(with("\"episodes\": 2000, ", ""), out, 1, "bad.json: missing member 'episodes'");
  refused(with("\"x_label\"", "\"metric\": \"seconds\", \"x_label\""), out, 1,
          "bad.json: /metric: 'seconds' is not a gap column of a Markov run");
  refused(with("horizon=2)\", \"label\": \"m2\"", "horizon=2,bogus=1)\", \"label\": \"m2\""), out, 1,
          "eqlab experiment: bad.json: /games/0: markov-polymatrix: unknown parameter \"bogus\"");
  refused(with("\"markov-polymatrix(players=2,states=2,actions=2,horizon=2)\"", "\"kuhn\""), out, 1,
          "eqlab experiment: bad.json: /games/0: \"kuhn\" is not a Markov game: give a markov game file or a built-in");
  refused(with("\"markov-polymatrix(players=3,states=2,actions=2,horizon=2)\"", "\"missing/game.json\""), out, 1,
          "eqlab experiment: bad.json: /games/1: cannot open");
  // --resume into a folder of another config.
  write_text(dir / "good.json", config);
  REQUIRE(run_eqlab("experiment good.json --out o --no-plots --no-progress", dir).code == 0);
  refused(with("\"checkpoints\": 6", "\"checkpoints\": 5"), out + " --resume", 2,
          "--resume: o holds the runs of another config (its experiment.json differs)");
}

TEST_CASE("cli markov experiment: a game without x sits at x = 0") {
  const fs::path dir = scratch("no-x");
  write_text(dir / "tiny.json", R"json({"type": "markov", "games": ["markov-team"],
 "algorithms": [{"solver": "exp3-ix"}], "seeds": 1, "episodes": 50, "checkpoints": 3, "epsilon": 0.5})json");
  const Run r = run_config(dir, "o");
  REQUIRE_MESSAGE(r.code == 0, r.err);
  // The name defaults to the config's file name, the game's label to its spec.
  CHECK(r.out.rfind("experiment      tiny\nruns            1\n", 0) == 0);
  const std::string episodes = read_text(dir / "o/episodes.csv");
  CHECK(contains(episodes, "\nmarkov-team,exp3-ix,0,0.5,1,"));
  // One ε: no ε fits; one game: no scaling fit.
  CHECK(!fs::exists(dir / "o/eps_fits.csv"));
  CHECK(count_lines(read_text(dir / "o/fits.csv")) == 1);
  CHECK(fs::is_regular_file(dir / "o/runs/markov-team/exp3-ix/seed-0.csv"));
}

#endif  // EQLAB_HAVE_CLI

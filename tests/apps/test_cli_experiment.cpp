// eqlab experiment, run as a user runs it: a small grid with its summary, rates and plots,
// a stopped experiment resumed to the same summary, and bad configs and usage refused with
// their exit codes and one-line messages.
#include <doctest/doctest.h>

#ifdef EQLAB_HAVE_CLI

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/run_cli.hpp"

namespace fs = std::filesystem;

namespace {

using eqlab::test::read_text;
using eqlab::test::Run;
using eqlab::test::run_eqlab;
using eqlab::test::count_lines;
using eqlab::test::write_text;

fs::path scratch(const std::string& name) { return eqlab::test::scratch("experiment-" + name); }

bool has_gnuplot() { return std::system("command -v gnuplot >/dev/null 2>&1") == 0; }

// 2 games × 2 algorithms × 2 seeds, 200 iterations.
const char* const kGrid = R"json({
  "name": "grid",
  "games": [{"game": "kuhn(players=3)", "label": "kuhn3"},
            {"game": "sheriff(max_items=2,max_bribe=2,rounds=2)", "label": "sheriff"}],
  "algorithms": [{"solver": "omd", "feedback": "full"}, {"solver": "efce-omd", "feedback": "full"}],
  "seeds": 2, "iterations": 200, "checkpoints": 10, "metric": "efce_gap"})json";

}  // namespace

TEST_CASE("cli: experiment runs a grid and writes runs, summary, rates and plots") {
  const fs::path dir = scratch("grid");
  write_text(dir / "grid.json", kGrid);
  const Run r = run_eqlab("experiment grid.json --out results", dir);
  REQUIRE_MESSAGE(r.code == 0, r.err);
  CHECK(r.out.find("runs            8") != std::string::npos);
  CHECK(r.out.find("sheriff, efce-omd: efce_gap") != std::string::npos);
  for (const char* game : {"kuhn3", "sheriff"})
    for (const char* label : {"omd", "efce-omd"})
      for (const char* seed : {"seed-0.csv", "seed-1.csv"}) CHECK(fs::is_regular_file(dir / "results/runs" / game / label / seed));
  const std::string summary = read_text(dir / "results/summary.csv");
  CHECK(summary.rfind("game,label,metric,iteration,seeds,mean,sd,low,high\n", 0) == 0);
  CHECK(summary.find("\nsheriff,efce-omd,efce_gap,200,2,") != std::string::npos);
  const std::string rates = read_text(dir / "results/rates.csv");
  CHECK(count_lines(rates) == 5);  // header and one line per game and algorithm
  CHECK(rates.find("\nkuhn3,efce-omd,efce_gap,") != std::string::npos);
  // Nothing left under a temporary name.
  for (const auto& entry : fs::recursive_directory_iterator(dir / "results"))
    CHECK_MESSAGE(entry.path().extension() != ".partial", entry.path());

  if (!has_gnuplot()) {
    MESSAGE("gnuplot is not installed: plots not checked");
    CHECK(r.err.find("gnuplot not found") != std::string::npos);
    return;
  }
  CHECK(r.err.empty());
  for (const char* game : {"kuhn3", "sheriff"}) {
    const std::string png = read_text(dir / "results/plots" / (std::string(game) + ".png"));
    REQUIRE(png.size() > 8);
    CHECK(png.substr(1, 3) == "PNG");
    const std::string svg = read_text(dir / "results/plots" / (std::string(game) + ".svg"));
    CHECK(svg.find("<svg") != std::string::npos);
    CHECK(svg.find("fill-opacity") != std::string::npos);  // the interval bands
    CHECK(svg.find("efce-omd: efce_gap") != std::string::npos);
  }
}

TEST_CASE("cli: a stopped experiment resumes to the same summary, on any thread count") {
  const fs::path dir = scratch("resume");
  write_text(dir / "grid.json", kGrid);
  REQUIRE(run_eqlab("experiment grid.json --out fresh --no-plots --threads 1", dir).code == 0);
  REQUIRE(run_eqlab("experiment grid.json --out stopped --no-plots", dir).code == 0);
  CHECK(read_text(dir / "fresh/summary.csv") == read_text(dir / "stopped/summary.csv"));
  CHECK(read_text(dir / "fresh/runs/sheriff/omd/seed-1.csv") == read_text(dir / "stopped/runs/sheriff/omd/seed-1.csv"));

  // Stopped while writing one run: its file is missing and its temporary file half written;
  // the summary and rates had not been written yet.
  const fs::path lost = dir / "stopped/runs/sheriff/omd/seed-1.csv";
  const std::string lost_text = read_text(lost);
  fs::remove(lost);
  write_text(lost.string() + ".partial", lost_text.substr(0, lost_text.size() / 3));
  fs::remove(dir / "stopped/summary.csv");
  fs::remove(dir / "stopped/rates.csv");

  const Run r = run_eqlab("experiment grid.json --out stopped --no-plots --resume", dir);
  REQUIRE_MESSAGE(r.code == 0, r.err);
  CHECK(r.out.find("8 (7 kept from before)") != std::string::npos);
  CHECK(!fs::exists(lost.string() + ".partial"));
  CHECK(read_text(lost) == lost_text);
  CHECK(read_text(dir / "stopped/summary.csv") == read_text(dir / "fresh/summary.csv"));
  CHECK(read_text(dir / "stopped/rates.csv") == read_text(dir / "fresh/rates.csv"));

  // Another config's folder is not resumed (exit 2, a request that cannot be carried out).
  std::string other = kGrid;
  other.replace(other.find("\"checkpoints\": 10"), 17, "\"checkpoints\": 12");
  write_text(dir / "other.json", other);
  const Run refused = run_eqlab("experiment other.json --out stopped --no-plots --resume", dir);
  CHECK(refused.code == 2);
  CHECK(refused.err.find("holds the runs of another config (its \"checkpoints\" differ)") != std::string::npos);
}

TEST_CASE("cli: experiment finds game files beside its config") {
  const fs::path dir = scratch("beside");
  fs::create_directories(dir / "configs");
  fs::copy_file(EQLAB_SOURCE_DIR "/examples/games/shapley-asymmetric.json", dir / "configs/shapley.json");
  write_text(dir / "configs/exp.json", R"json({"games": ["shapley.json"], "algorithms": [{"solver": "efce-omd"}],
                                          "seeds": 1, "iterations": 50, "checkpoints": 5})json");
  const Run r = run_eqlab("experiment configs/exp.json --out r --no-plots", dir);
  REQUIRE_MESSAGE(r.code == 0, r.err);
  CHECK(r.out.find("exp") != std::string::npos);  // the name defaults to the config's
  CHECK(fs::is_regular_file(dir / "r/runs/shapley/efce-omd/seed-0.csv"));
  CHECK(read_text(dir / "r/summary.csv").find("\nshapley,efce-omd,efce_gap,50,1,") != std::string::npos);
}

TEST_CASE("cli: experiment refuses bad configs and usage") {
  const fs::path dir = scratch("errors");
  auto refused = [&](const std::string& config, const std::string& args, int code, const std::string& says) {
    write_text(dir / "bad.json", config);
    const Run r = run_eqlab("experiment " + args, dir);
    CHECK_MESSAGE(r.code == code, r.err);
    CHECK_MESSAGE(r.err.find(says) != std::string::npos, r.err);
    CHECK_MESSAGE(count_lines(r.err) == 1, r.err);
    CHECK(r.out.empty());
  };
  const std::string grid = kGrid;
  auto with = [&](const std::string& from, const std::string& to) {
    std::string text = grid;
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  refused(grid, "bad.json", 2, "--out");
  refused(grid, "bad.json --out o --threads 0", 2, "--threads");
  refused(grid, "missing.json --out o", 1, "missing.json");
  refused("{\"games\": [", "bad.json --out o", 1, "bad.json: invalid JSON");
  refused(with("\"solver\": \"omd\"", "\"solver\": \"omdd\""), "bad.json --out o", 1,
          "bad.json: /algorithms/0/solver: unknown full-feedback solver \"omdd\"");
  refused(with("\"seeds\": 2", "\"seeds\": [1, 1]"), "bad.json --out o", 1, "bad.json: /seeds/1:");
  refused(with("\"kuhn(players=3)\"", "\"kuhn(players=9000)\""), "bad.json --out o", 1, "bad.json: /games/0:");
  refused(with("\"metric\": \"efce_gap\"", "\"metric\": \"no_such_metric\""), "bad.json --out o", 1,
          "bad.json: /metric: no algorithm measures \"no_such_metric\"");
  refused(with("{\"solver\": \"efce-omd\", \"feedback\": \"full\"}", "{\"solver\": \"cfr+\", \"feedback\": \"bandit\"}"),
          "bad.json --out o", 1, "bad.json: /algorithms/1/solver: unknown bandit-feedback solver \"cfr+\"");
  refused(with("{\"solver\": \"efce-omd\", \"feedback\": \"full\"}",
               "{\"solver\": \"ixomd\", \"feedback\": \"bandit\", \"params\": {\"gamma_scale\": 0}}"),
          "bad.json --out o", 1, "bad.json: /algorithms/1: on game kuhn3: solver ixomd: gamma_scale must be a positive");
  CHECK(!fs::exists(dir / "o/runs/kuhn3"));
}

#endif  // EQLAB_HAVE_CLI

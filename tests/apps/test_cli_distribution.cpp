// eqlab solve --distribution and eqlab eval --distribution, run as a user runs them.
#include <doctest/doctest.h>

#ifdef EQLAB_HAVE_CLI

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/algorithms/solver.hpp>

#include "support/run_cli.hpp"

namespace fs = std::filesystem;

namespace {

using eqlab::test::read_text;
using eqlab::test::Run;
using eqlab::test::run_eqlab;

fs::path scratch(const std::string& name) { return eqlab::test::scratch("distribution-" + name); }

std::vector<std::string> read_lines(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

void write_lines(const fs::path& path, const std::vector<std::string>& lines) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (const std::string& line : lines) out << line << '\n';
}

bool has_solver(const std::string& name) {
  return eqlab::find_solver(name, eqlab::GameKind::extensive, eqlab::Feedback::full) != nullptr;
}

}  // namespace

TEST_CASE("cli: solve --distribution writes every round; eval --distribution recomputes the result's gaps") {
  const fs::path dir = scratch("agree");
  // omd on two-player Kuhn is a Nash learner whose rounds form a mixture; on three-player
  // Kuhn its output is that mixture (concept nfcce), and efce-omd's is too (efce).
  const std::vector<std::pair<std::string, std::string>> runs = {
      {"omd", "kuhn"}, {"omd", "kuhn(players=3)"}, {"efce-omd", "kuhn(players=3)"}};
  for (const auto& [solver, game] : runs) {
    if (!has_solver(solver)) continue;
    CAPTURE(solver);
    CAPTURE(game);
    const Run solve = run_eqlab("solve '" + game + "' --solver " + solver +
                                    " --iterations 150 --checkpoints 4 --no-progress --out r.json --distribution d.jsonl",
                                dir);
    REQUIRE_MESSAGE(solve.code == 0, solve.err);
    CHECK(solve.out.find("nfcce_gap") != std::string::npos);
    CHECK(solve.out.find("efce_gap") != std::string::npos);
    CHECK(solve.out.find("d.jsonl") != std::string::npos);  // in the list of files written

    const std::vector<std::string> lines = read_lines(dir / "d.jsonl");
    REQUIRE(lines.size() == 150);
    for (const std::string& line : {lines.front(), lines.back()}) {
      const nlohmann::json entry = nlohmann::json::parse(line);
      CHECK(entry["weight"].get<double>() == 1.0 / 150.0);
      CHECK(entry["strategies"].size() == (game == "kuhn" ? 2 : 3));
      CHECK(entry["strategies"][1].contains("Kb"));
    }
    const nlohmann::json result = nlohmann::json::parse(read_text(dir / "r.json"));
    const double recorded_nfcce = result["metrics"]["nfcce_gap"].get<double>();
    const double recorded_efce = result["metrics"]["efce_gap"].get<double>();
    CHECK(recorded_nfcce > 0.0);
    CHECK(recorded_efce > 0.0);

    const Run eval = run_eqlab("eval '" + game + "' r.json --distribution d.jsonl", dir);
    CHECK_MESSAGE(eval.code == 0, eval.out, eval.err);
    CHECK(eval.out.find("d.jsonl: 150 profiles") != std::string::npos);
    CHECK(eval.out.find("agrees") != std::string::npos);
    CHECK(eval.out.find("DIFFERS") == std::string::npos);
    CHECK(eval.out.find("the distribution agrees with the result") != std::string::npos);

    const Run json = run_eqlab("eval '" + game + "' r.json --distribution d.jsonl --json", dir);
    REQUIRE(json.code == 0);
    const nlohmann::json report = nlohmann::json::parse(json.out);
    CHECK(report["agree"] == true);
    CHECK(report["profiles"] == 150);
    CHECK(std::fabs(report["nfcce_gap"].get<double>() - recorded_nfcce) <= 1e-9 * recorded_nfcce);
    CHECK(std::fabs(report["efce_gap"].get<double>() - recorded_efce) <= 1e-9 * recorded_efce);
    CHECK(report["recorded"]["nfcce_gap"].get<double>() == recorded_nfcce);
    double value_sum = 0.0;
    for (const auto& v : report["values"]) value_sum += v.get<double>();
    CHECK(std::fabs(value_sum) <= 1e-12);  // Kuhn poker is zero-sum
    // The values are compared only when they are the mixture's (a correlated concept).
    CHECK(report["recorded"].contains("values") == (result["concept"] != "nash"));
    if (result["concept"] != "nash") CHECK(report["recorded"]["values"] == result["metrics"]["values"]);
  }
}

TEST_CASE("cli: eval --distribution names a tampered line, and disagrees with a changed mixture") {
  const fs::path dir = scratch("tampered");
  const Run solve = run_eqlab(
      "solve 'kuhn(players=3)' --solver omd --iterations 20 --checkpoints 2 --no-progress --out r.json "
      "--distribution d.jsonl",
      dir);
  REQUIRE_MESSAGE(solve.code == 0, solve.err);
  std::vector<std::string> lines = read_lines(dir / "d.jsonl");
  REQUIRE(lines.size() == 20);

  // Line 7 with an action the game does not have.
  std::vector<std::string> broken = lines;
  nlohmann::ordered_json entry = nlohmann::ordered_json::parse(broken[6]);
  entry["strategies"][1]["Kb"] = {{"pass", 0.5}, {"raise", 0.5}};
  broken[6] = entry.dump();
  write_lines(dir / "broken.jsonl", broken);
  Run eval = run_eqlab("eval 'kuhn(players=3)' r.json --distribution broken.jsonl", dir);
  CHECK(eval.code == 1);
  CHECK(eval.err ==
        "eqlab eval: broken.jsonl: line 7: /strategies/1/Kb/raise: unknown action \"raise\" (the actions here are "
        "pass, bet)\n");

  // Line 12 no longer JSON.
  broken = lines;
  broken[11].pop_back();
  write_lines(dir / "broken.jsonl", broken);
  eval = run_eqlab("eval 'kuhn(players=3)' r.json --distribution broken.jsonl", dir);
  CHECK(eval.code == 1);
  CHECK(eval.err.rfind("eqlab eval: broken.jsonl: line 12: invalid JSON: ", 0) == 0);

  // A valid line whose strategy was changed: the gaps no longer match the result.
  std::vector<std::string> changed = lines;
  entry = nlohmann::ordered_json::parse(changed[6]);
  entry["strategies"][0]["K"] = {{"pass", 0.0}, {"bet", 1.0}};
  entry["strategies"][0]["Q"] = {{"pass", 1.0}, {"bet", 0.0}};
  changed[6] = entry.dump();
  write_lines(dir / "changed.jsonl", changed);
  eval = run_eqlab("eval 'kuhn(players=3)' r.json --distribution changed.jsonl", dir);
  CHECK(eval.code == 1);
  CHECK(eval.out.find("DIFFERS") != std::string::npos);
  CHECK(eval.out.find("the distribution does NOT agree with the result") != std::string::npos);

  // Weights are relative: all of them times 7 is the same mixture, and the gaps agree.
  std::vector<std::string> scaled = lines;
  for (std::string& line : scaled) {
    entry = nlohmann::ordered_json::parse(line);
    entry["weight"] = entry["weight"].get<double>() * 7.0;
    line = entry.dump();
  }
  write_lines(dir / "scaled.jsonl", scaled);
  eval = run_eqlab("eval 'kuhn(players=3)' r.json --distribution scaled.jsonl", dir);
  CHECK(eval.code == 0);
  // One round weighted differently is another mixture: its gaps differ from the result's.
  std::vector<std::string> weighted = lines;
  entry = nlohmann::ordered_json::parse(weighted[2]);
  entry["weight"] = 0.1;
  weighted[2] = entry.dump();
  write_lines(dir / "weighted.jsonl", weighted);
  eval = run_eqlab("eval 'kuhn(players=3)' r.json --distribution weighted.jsonl", dir);
  CHECK(eval.code == 1);
  CHECK(eval.out.find("DIFFERS") != std::string::npos);
}

TEST_CASE("cli: --distribution with a solver that plays no mixture is refused before the run") {
  const fs::path dir = scratch("refused");
  const Run r = run_eqlab("solve kuhn --solver cfr+ --iterations 5 --distribution d.jsonl", dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("solver cfr+ does not play a mixture") != std::string::npos);
  CHECK(r.err.find("use omd") != std::string::npos);
  CHECK(r.err.find("run 'eqlab help solve'") != std::string::npos);
  CHECK(!fs::exists(dir / "d.jsonl"));

  // One standard output at most.
  CHECK(run_eqlab("solve kuhn --solver omd --out - --distribution -", dir).code == 2);
  // The mixture on standard output, the summary on standard error.
  const Run piped = run_eqlab("solve kuhn --solver omd --iterations 3 --no-progress --distribution -", dir);
  CHECK(piped.code == 0);
  int lines = 0;
  for (char c : piped.out) lines += c == '\n';
  CHECK(lines == 3);
  CHECK(piped.err.find("nfcce_gap") != std::string::npos);
}

TEST_CASE("cli: the plot of a correlated run draws the mixture's gaps") {
  if (std::system("command -v gnuplot >/dev/null 2>&1") != 0) return;  // --plot needs gnuplot
  const fs::path dir = scratch("plot");
  const Run r = run_eqlab("solve 'kuhn(players=3)' --solver omd --iterations 30 --no-progress --plot p.png", dir);
  CHECK_MESSAGE(r.code == 0, r.err);
  CHECK(fs::file_size(dir / "p.png") > 1000);
}

TEST_CASE("cli: the help of solve and eval lists --distribution") {
  const fs::path dir = scratch("help");
  CHECK(run_eqlab("help solve", dir).out.find("--distribution FILE") != std::string::npos);
  CHECK(run_eqlab("help eval", dir).out.find("--distribution FILE") != std::string::npos);
}

#endif  // EQLAB_HAVE_CLI

TEST_CASE("cli: efce-omd writes the same bits with --threads 1 and with every thread") {
  // Sheriff's trigger arrays are large enough that triggers and players run as parallel
  // tasks; the result and the mixture must not depend on how many threads ran them.
  const fs::path dir = scratch("threads");
  const Run one = run_eqlab("solve sheriff --solver efce-omd --iterations 4 --threads 1 --no-progress --out one.json "
                            "--distribution one.jsonl",
                            dir);
  const Run all = run_eqlab("solve sheriff --solver efce-omd --iterations 4 --no-progress --out all.json "
                            "--distribution all.jsonl",
                            dir);
  REQUIRE(one.code == 0);
  REQUIRE(all.code == 0);
  CHECK(read_text(dir / "one.json") == read_text(dir / "all.json"));
  CHECK(read_text(dir / "one.jsonl") == read_text(dir / "all.jsonl"));
  CHECK(read_lines(dir / "one.jsonl").size() == 4);
  fs::remove_all(dir);
}

// The eqlab command line, run as a user runs it: exit codes, messages, output files.
#include <doctest/doctest.h>

#ifdef EQLAB_HAVE_CLI

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

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
using eqlab::test::count_lines;

fs::path scratch(const std::string& name) { return eqlab::test::scratch("" + name); }

}  // namespace

TEST_CASE("cli: bad usage exits 2 with one line that says where to read help") {
  const fs::path dir = scratch("usage");
  for (const std::string args : {"", "frobnicate", "--frobnicate", "solve", "solve kuhn --iterations",
                                 "solve kuhn --iterations 12x", "solve kuhn --iterations 0", "solve kuhn --bogus 1",
                                 "solve kuhn --solver nope", "solve kuhn --seed -1", "eval kuhn",
                                 "convert kuhn --to pdf", "help nothing", "info kuhn extra",
                                 "info kuhn --max-nesting 3000000000", "info kuhn --max-bytes 99999999999999999999",
                                 "solve kuhn --out - --curve -", "solve kuhn --plot -"}) {
    CAPTURE(args);
    const Run r = run_eqlab(args, dir);
    CHECK(r.code == 2);
    CHECK(count_lines(r.err) == 1);
    CHECK(r.err.rfind("eqlab", 0) == 0);
    CHECK(r.err.find("run 'eqlab") != std::string::npos);
    CHECK(r.out.empty());
  }
  // The message names the problem.
  CHECK(run_eqlab("solve kuhn --iterations 12x", dir).err.find("'12x'") != std::string::npos);
  CHECK(run_eqlab("solve kuhn --solver nope", dir).err.find("cfr+") != std::string::npos);
  // The nesting limit is an int: a larger value is refused, not wrapped to a negative one.
  CHECK(run_eqlab("info kuhn --max-nesting 3000000000", dir).err ==
        "eqlab info: --max-nesting must be between 1 and 2147483647, not 3000000000; run 'eqlab help info'\n");
  CHECK(run_eqlab("info kuhn --max-nesting 2147483647", dir).code == 0);
}

TEST_CASE("cli: a mistyped command, option, solver or parameter gets the name it is near") {
  const fs::path dir = scratch("did-you-mean");
  const std::pair<const char*, const char*> cases[] = {
      {"slove kuhn", "eqlab: unknown command 'slove' (did you mean solve?); run 'eqlab --help'\n"},
      {"help evl", "eqlab: unknown command 'evl' (did you mean eval?); run 'eqlab --help'\n"},
      {"solve kuhn --iteratons 10", "eqlab solve: unknown option '--iteratons' (did you mean --iterations?); run "
                                    "'eqlab help solve'\n"},
      {"solve kuhn --solver cfr++", "eqlab solve: unknown solver 'cfr++' (did you mean cfr+?): choose one of "},
      {"solve kuhn --solver omd --param eta_scal=2", "eqlab solve: solver omd: unknown parameter eta_scal (did you "
                                                     "mean eta_scale? The parameters: preset, "},
      {"solve kuhn --frobnicate", "eqlab solve: unknown option '--frobnicate'; run 'eqlab help solve'\n"},
  };
  for (const auto& [args, message] : cases) {
    CAPTURE(args);
    const Run r = run_eqlab(args, dir);
    CHECK(r.code == 2);
    CHECK(r.err.rfind(message, 0) == 0);
  }
  // Every exit code is in the help, 3 included.
  CHECK(run_eqlab("--help", dir).out.find("3 a run that would need\nmore memory than its budget") != std::string::npos);
}

TEST_CASE("cli: - reads the game from standard input, and names it so in messages") {
  const fs::path dir = scratch("stdin");
  const std::string pennies = "'" EQLAB_SOURCE_DIR "/examples/games/matching-pennies.json'";
  // run_eqlab gives the command an empty standard input; a pipe gives it a game.
  const Run r = run_eqlab("info -", dir);
  CHECK(r.code == 1);
  CHECK(r.err == "eqlab info: standard input: the file is empty\n");
  const std::string command = "cat " + pennies + " | '" EQLAB_BINARY_DIR "/bin/eqlab' solve - --iterations 100 "
                              "--no-progress --out r.json > /dev/null";
  REQUIRE(std::system(("cd '" + dir.string() + "' && " + command).c_str()) == 0);
  const nlohmann::json result = nlohmann::json::parse(read_text(dir / "r.json"));
  CHECK(result["game"] == "matching-pennies");
  const std::string bad = "echo '{\"format\": 1}' | '" EQLAB_BINARY_DIR "/bin/eqlab' info - 2> err.txt";
  CHECK(std::system(("cd '" + dir.string() + "' && " + bad).c_str()) != 0);
  CHECK(read_text(dir / "err.txt") == "eqlab info: standard input: /format: expected \"eqlab-game/1\", got 1\n");
}

TEST_CASE("cli: bad input exits 1: missing file, unknown game, invalid game file") {
  const fs::path dir = scratch("input");
  // The library words these (tests/io/test_game_source.cpp); the command line adds its
  // prefix and, for an unknown game, where to find the built-in games.
  Run r = run_eqlab("info no/such/game.json", dir);
  CHECK(r.code == 1);
  CHECK(r.err == "eqlab info: cannot open no/such/game.json: no such file\n");
  r = run_eqlab("info nosuchgame", dir);
  CHECK(r.code == 1);
  CHECK(r.err == "eqlab info: unknown game 'nosuchgame': give a game file or a built-in game; "
                 "run 'eqlab games' to list the built-in games and their parameters\n");
  r = run_eqlab("info notes.txt", dir);
  CHECK(r.code == 1);
  CHECK(r.err.rfind("eqlab info: unknown game 'notes.txt': ", 0) == 0);
  r = run_eqlab("solve 'kuhn(players=99)' --iterations 5", dir);
  CHECK(r.code == 1);
  CHECK(count_lines(r.err) == 1);

  std::ofstream(dir / "bad.json") << R"({"format": "eqlab-game/1", "type": "normal", "players": ["a", "b"],
    "actions": [["x"], ["y"]], "payoffs": [[[1]]]})";
  r = run_eqlab("info bad.json", dir);
  CHECK(r.code == 1);
  CHECK(count_lines(r.err) == 1);
  CHECK(r.err.find("bad.json") != std::string::npos);

  r = run_eqlab("eval kuhn missing-result.json", dir);
  CHECK(r.code == 1);
  CHECK(r.err.find("missing-result.json") != std::string::npos);

  // The size and nesting limits are set on the command line and refuse with a clear line.
  r = run_eqlab("info bad.json --max-bytes 50", dir);
  CHECK(r.code == 1);
  CHECK(r.err.find("bad.json: the file has") != std::string::npos);
  CHECK(r.err.find("over the limit of 50 (raise it with --max-bytes)") != std::string::npos);
  r = run_eqlab("info bad.json --max-nesting 3", dir);
  CHECK(r.code == 1);
  CHECK(r.err.find("bad.json: line 2: JSON nesting deeper than the limit of 3") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("cli: help and version") {
  const fs::path dir = scratch("help");
  Run r = run_eqlab("--help", dir);
  CHECK(r.code == 0);
  for (const char* c : {"solve", "eval", "convert", "games", "info"}) CHECK(r.out.find(c) != std::string::npos);
  r = run_eqlab("help solve", dir);
  CHECK(r.code == 0);
  CHECK(r.out.find("--iterations") != std::string::npos);
  CHECK(run_eqlab("solve --help", dir).out == r.out);
  r = run_eqlab("--version", dir);
  CHECK(r.code == 0);
  CHECK(r.out.rfind("eqlab ", 0) == 0);
  fs::remove_all(dir);
}

TEST_CASE("cli: solve writes result and curve; eval recomputes the stored exploitability") {
  const fs::path dir = scratch("solve");
  // A folder that does not exist is a typo unless --mkdir says to create it.
  Run r = run_eqlab("solve kuhn --iterations 200 --checkpoints 10 --out out/result.json", dir);
  CHECK(r.code == 1);
  CHECK(r.err == "eqlab solve: cannot write out/result.json: the folder out does not exist (give --mkdir to create "
                 "it)\n");
  CHECK_FALSE(fs::exists(dir / "out"));
  r = run_eqlab("solve kuhn --iterations 200 --checkpoints 10 --out out/result.json --curve out/curve.csv --mkdir",
                dir);
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());  // no progress bar off a terminal
  CHECK(r.out.find("exploitability") != std::string::npos);
  CHECK(r.out.find("value") != std::string::npos);

  const nlohmann::json result = nlohmann::json::parse(read_text(dir / "out/result.json"));
  CHECK(result["format"] == "eqlab-result/1");
  CHECK(result["solver"]["name"] == "cfr+");
  CHECK(result["solver"]["params"]["seed"] == 0);
  CHECK(result["iterations"] == 200);
  CHECK(result["curve"].size() == 10);
  const double stored = result["metrics"]["exploitability"].get<double>();
  CHECK(stored > 0.0);
  CHECK(stored < 0.01);
  CHECK(result["metrics"]["values"][0].get<double>() == doctest::Approx(-1.0 / 18.0).epsilon(0.1));

  const std::string csv = read_text(dir / "out/curve.csv");
  CHECK(csv.rfind("iteration,nash_conv,exploitability,value_0,value_1\n1,", 0) == 0);
  CHECK(count_lines(csv) == 11);
  CHECK(csv.find("\n200,") != std::string::npos);

  r = run_eqlab("eval kuhn out/result.json --json", dir);
  REQUIRE(r.code == 0);
  const nlohmann::json metrics = nlohmann::json::parse(r.out);
  CHECK(std::abs(metrics["exploitability"].get<double>() - stored) < 1e-9);
  CHECK(std::abs(metrics["nash_conv"].get<double>() - result["metrics"]["nash_conv"].get<double>()) < 1e-9);
  CHECK(metrics["best_response"].size() == 2);

  r = run_eqlab("eval kuhn out/result.json", dir);
  CHECK(r.code == 0);
  CHECK(r.out.find("best response") != std::string::npos);
  CHECK(r.out.find("out/result.json: \"cfr+\", 200 iterations") != std::string::npos);

  // The result file is read under --max-bytes and --max-nesting, like a game file
  // (a result nests 4 deep: {"strategies": [{"infoset": {"action": p}}]}).
  r = run_eqlab("eval kuhn out/result.json --max-nesting 3", dir);
  CHECK(r.code == 1);
  CHECK(r.err.rfind("eqlab eval: out/result.json: line ", 0) == 0);
  CHECK(r.err.find(": JSON nesting deeper than the limit of 3 levels") != std::string::npos);
  CHECK(run_eqlab("eval kuhn out/result.json --max-nesting 4", dir).code == 0);
  r = run_eqlab("eval kuhn out/result.json --max-bytes 100", dir);
  CHECK(r.code == 1);
  CHECK(r.err.rfind("eqlab eval: out/result.json: the file has ", 0) == 0);
  CHECK(r.err.find("over the limit of 100 (raise it with --max-bytes)") != std::string::npos);

  // A solver name nested 200,000 deep is named by its type: printing it would recurse.
  {
    std::string text = read_text(dir / "out/result.json");
    const std::string name = "\"name\": \"cfr+\"";
    const std::size_t at = text.find(name);
    REQUIRE(at != std::string::npos);
    text.replace(at, name.size(), "\"name\": " + std::string(200000, '[') + std::string(200000, ']'));
    std::ofstream(dir / "deep.json") << text;
  }
  r = run_eqlab("eval kuhn deep.json", dir);
  CHECK(r.code == 0);
  CHECK(r.out.find("deep.json: array, 200 iterations") != std::string::npos);

  // A result does not fit another game: the message names the value at fault.
  r = run_eqlab("eval 'kuhn(players=3)' out/result.json", dir);
  CHECK(r.code == 1);
  CHECK(r.err.find("/strategies: expected an array of 3 strategies") != std::string::npos);
  r = run_eqlab("eval leduc out/result.json", dir);
  CHECK(r.code == 1);
  CHECK(r.err.find("out/result.json: /strategies/0/") != std::string::npos);
  CHECK(r.err.find("has no infoset") != std::string::npos);
  CHECK(r.err.find("(the result was made for the game kuhn(players=2), not leduc(players=2))") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("cli: eval refuses a correlated result without its mixture, or scores its marginals when asked") {
  const fs::path dir = scratch("eval-correlated");
  REQUIRE(run_eqlab("solve kuhn --solver efce-omd --iterations 200 --no-progress --out efce.json "
                    "--distribution mix.jsonl",
                    dir)
              .code == 0);
  Run r = run_eqlab("eval kuhn efce.json", dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("efce.json is the output of a correlated learner (concept efce)") != std::string::npos);
  CHECK(r.err.find("--distribution FILE") != std::string::npos);
  CHECK(r.out.empty());
  // --marginals: the product of the marginals, and the output says so.
  r = run_eqlab("eval kuhn efce.json --marginals", dir);
  CHECK(r.code == 0);
  CHECK(r.out.find("\nmeasured        the marginal product profile") != std::string::npos);
  r = run_eqlab("eval kuhn efce.json --marginals --json", dir);
  REQUIRE(r.code == 0);
  CHECK(nlohmann::json::parse(r.out)["measured"] == "the marginal product profile of a correlated result");
  // With the mixture, the mixture's gaps, which agree with the result's.
  CHECK(run_eqlab("eval kuhn efce.json --distribution mix.jsonl", dir).code == 0);
  // --marginals on a Nash result is a mistake.
  REQUIRE(run_eqlab("solve kuhn --iterations 10 --no-progress --out nash.json", dir).code == 0);
  r = run_eqlab("eval kuhn nash.json --marginals", dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("--marginals is for a correlated learner's result") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("cli: --plot without gnuplot fails at once with exit 1 and says what to install") {
  const fs::path dir = scratch("nognuplot");
  const Run r = run_eqlab("solve kuhn --iterations 1000000000 --plot curve.png", dir, "PATH=/nonexistent");
  CHECK(r.code == 1);
  CHECK(r.err == "eqlab solve: gnuplot not found: install the gnuplot-nox package (or leave out --plot)\n");
  CHECK_FALSE(fs::exists(dir / "curve.png"));
  fs::remove_all(dir);
}

TEST_CASE("cli: --threads 1 and --threads 2 write the same result, byte for byte") {
  // Liar's dice has 147,420 terminals, above lib/parallel.hpp's kParallelThreshold, so
  // with two threads the solver and the evaluation really run in parallel.
  const fs::path dir = scratch("threads");
  const std::string run = "solve liars_dice --iterations 3 --checkpoints 2 --no-progress --out ";
  REQUIRE(run_eqlab(run + "one.json --threads 1", dir).code == 0);
  REQUIRE(run_eqlab(run + "two.json --threads 2", dir).code == 0);
  const std::string one = read_text(dir / "one.json");
  CHECK(one.size() > 100000);  // a real result: 24,576 infosets' strategies
  CHECK(one == read_text(dir / "two.json"));
  fs::remove_all(dir);
}

TEST_CASE("cli: solve --out - writes only the result to stdout, the summary to stderr") {
  const fs::path dir = scratch("stdout");
  Run r = run_eqlab("solve kuhn --iterations 20 --out -", dir);
  REQUIRE(r.code == 0);
  CHECK(nlohmann::json::accept(r.out));
  const nlohmann::json result = nlohmann::json::parse(r.out, nullptr, false);
  CHECK(result["iterations"] == 20);
  CHECK(r.err.find("exploitability") != std::string::npos);
  CHECK(r.err.find("standard output") != std::string::npos);
  // The same for the curve.
  r = run_eqlab("solve kuhn --iterations 20 --checkpoints 3 --curve -", dir);
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("iteration,nash_conv,exploitability,value_0,value_1\n1,", 0) == 0);
  CHECK(count_lines(r.out) == 4);
  CHECK(r.err.find("exploitability") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "-"));
  // Without '-' the summary stays on stdout.
  r = run_eqlab("solve kuhn --iterations 20", dir);
  CHECK(r.out.find("exploitability") != std::string::npos);
  CHECK(r.err.empty());
  fs::remove_all(dir);
}

TEST_CASE("cli: solve draws the plot when gnuplot is installed") {
  if (std::system("command -v gnuplot >/dev/null 2>&1") != 0) {
    MESSAGE("gnuplot is not installed: --plot not tested");
    return;
  }
  const fs::path dir = scratch("plot");
  const Run r = run_eqlab("solve kuhn --iterations 50 --plot curve.png", dir);
  REQUIRE(r.code == 0);
  CHECK(read_text(dir / "curve.png").substr(1, 3) == "PNG");
  fs::remove_all(dir);
}

TEST_CASE("cli: games, info and convert") {
  const fs::path dir = scratch("misc");
  Run r = run_eqlab("games", dir);
  CHECK(r.code == 0);
  CHECK(r.out.find("kuhn") != std::string::npos);
  CHECK(r.out.find("players=2") != std::string::npos);

  r = run_eqlab("info kuhn", dir);
  CHECK(r.code == 0);
  CHECK(r.out.find("6 infosets, 13 sequences") != std::string::npos);
  CHECK(r.out.find("30 terminal") != std::string::npos);
  CHECK(r.out.find("zero-sum        yes") != std::string::npos);

  r = run_eqlab("convert kuhn --to json --out kuhn.json", dir);
  REQUIRE(r.code == 0);
  const nlohmann::json game = nlohmann::json::parse(read_text(dir / "kuhn.json"));
  CHECK(game["format"] == "eqlab-game/1");
  CHECK(game["type"] == "extensive");
  // The converted file is a game eqlab reads, with the same shape.
  r = run_eqlab("info kuhn.json", dir);
  CHECK(r.code == 0);
  CHECK(r.out.find("6 infosets, 13 sequences") != std::string::npos);

  // Graph games (here from GraphML) and Markov games (a generator, written as a table)
  // convert too, and the files place the same decoys and describe the same game.
  const std::string network = std::string(EQLAB_SOURCE_DIR) + "/examples/security/network.graphml";
  r = run_eqlab("convert " + network + " --out network.json", dir);
  REQUIRE(r.code == 0);
  CHECK(nlohmann::json::parse(read_text(dir / "network.json"))["type"] == "graph");
  const Run from_graphml = run_eqlab("decoys " + network, dir);
  const Run from_json = run_eqlab("decoys network.json", dir);
  REQUIRE(from_json.code == 0);
  // The picks and the region: everything after the header (the game's size line is the same).
  CHECK(from_json.out.substr(from_json.out.find("picks")) == from_graphml.out.substr(from_graphml.out.find("picks")));
  r = run_eqlab("convert 'markov-random(players=2,states=2,actions=3,horizon=2)' --out markov.json", dir);
  REQUIRE(r.code == 0);
  CHECK(nlohmann::json::parse(read_text(dir / "markov.json"))["transitions"].size() == 2 * 2 * 9);
  r = run_eqlab("info markov.json", dir);
  CHECK(r.out.find("markov: 2 players, horizon 2, 2 states") != std::string::npos);
  r = run_eqlab("convert 'markov-congestion(players=20)'", dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("too many to write as a table") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("cli: convert --to efg and --to nfg write Gambit files that read back to the same game") {
  const fs::path dir = scratch("convert-gambit");
  REQUIRE(run_eqlab("convert leduc --to efg --out leduc.efg", dir).code == 0);
  CHECK(read_text(dir / "leduc.efg").rfind("EFG 2 R \"leduc(players=2)\" { \"p0\" \"p1\" }\n", 0) == 0);
  // The same sizes and the same CFR+ run as the built-in game.
  CHECK(run_eqlab("info leduc.efg", dir).out.substr(40) == run_eqlab("info leduc", dir).out.substr(40));
  REQUIRE(run_eqlab("solve leduc --iterations 100 --no-progress --curve a.csv", dir).code == 0);
  REQUIRE(run_eqlab("solve leduc.efg --iterations 100 --no-progress --curve b.csv", dir).code == 0);
  const auto without_seconds = [](std::string csv) {
    // The curves' columns up to the values: the timing columns differ from run to run.
    std::string out;
    std::istringstream lines(csv);
    for (std::string line; std::getline(lines, line);) out += line.substr(0, line.find(",seconds")) + "\n";
    return out;
  };
  CHECK(without_seconds(read_text(dir / "a.csv")) == without_seconds(read_text(dir / "b.csv")));
  const std::string pennies = "'" EQLAB_SOURCE_DIR "/examples/games/matching-pennies.json'";
  Run r = run_eqlab("convert " + pennies + " --to nfg", dir);
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("NFG 1 R \"matching-pennies\" { \"matcher\" \"mismatcher\" }\n", 0) == 0);
  r = run_eqlab("convert kuhn --to nfg", dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("kuhn is an extensive game: .nfg holds normal-form games (write --to efg)") != std::string::npos);
  r = run_eqlab("convert gridworld --to efg", dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("gridworld is a graph game, written only as json") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("cli: solve on Gambit zero-sum files reproduces Gambit's LP values") {
  const fs::path dir = scratch("gambit");
  // (file, the first player's value from gambit-lp in tests/data/gambit/README.md)
  const std::pair<const char*, double> games[] = {
      {"catalog/books/myerson1991/fig2_1.efg", 1.0 / 3},
      {"test_games/zerosum_efg_from_sequence_form_STOC94_paper.efg", 13.0},
      {"test_games/perfect_info_with_chance.efg", -1.0},
  };
  for (const auto& [file, lp_value] : games) {
    CAPTURE(file);
    Run r = run_eqlab(std::string("solve '" EQLAB_TEST_DATA "/gambit/") + file + "' --iterations 5000 --out r.json", dir);
    REQUIRE(r.code == 0);
    const nlohmann::json result = nlohmann::json::parse(read_text(dir / "r.json"));
    const double value = result["metrics"]["values"][0].get<double>();
    const double nash_conv = result["metrics"]["nash_conv"].get<double>();
    CHECK(nash_conv < 1e-2);
    CHECK(std::abs(value - lp_value) <= std::max(nash_conv, 1e-6));
  }
  fs::remove_all(dir);
}

TEST_CASE("cli: help solve lists every solver the library knows, and each one runs") {
  const fs::path dir = scratch("solvers");
  const Run help = run_eqlab("help solve", dir);
  REQUIRE(help.code == 0);
  for (const eqlab::SolverEntry* solver : eqlab::registered_solvers(eqlab::GameKind::extensive, eqlab::Feedback::full)) {
    // tests/registry registers a solver of its own in this test program, not in eqlab.
    if (solver->name == "fixed-mix") continue;
    CAPTURE(solver->name);
    CHECK(help.out.find("\n  " + solver->name + " ") != std::string::npos);
    const std::string game = solver->normal_form_only ? std::string("'" EQLAB_SOURCE_DIR "/examples/games/matching-pennies.json'")
                                                     : std::string("kuhn");
    const Run run = run_eqlab("solve " + game + " --solver " + solver->name + " --iterations 50", dir);
    CHECK(run.code == 0);
    // Nash learners report their exploitability, correlated ones the gaps of their mixture.
    CHECK((run.out.find("exploitability") != std::string::npos || run.out.find("efce_gap") != std::string::npos));
  }
  fs::remove_all(dir);
}

#endif  // EQLAB_HAVE_CLI

TEST_CASE("cli: a mixture file estimated above 100 MB is announced before the run") {
  const fs::path dir = scratch("announce-mixture");
  // Kuhn's lines are about 200 bytes: a million rounds is about 200 MB. Ctrl-C half a
  // second after the announcement stops the run, leaving a whole, shorter file.
  const Run r = eqlab::test::run_eqlab_interrupted(
      "solve kuhn --solver efce-omd --iterations 1000000 --distribution d.jsonl --no-progress", dir,
      "eqlab solve: note:");
  CHECK(r.err.rfind("eqlab solve: note: the distribution file d.jsonl will take about ", 0) == 0);
  CHECK(r.err.find(" (1000000 lines of about ") != std::string::npos);
  CHECK(r.code == 130);
  CHECK(fs::exists(dir / "d.jsonl"));
  CHECK_FALSE(fs::exists(dir / "d.jsonl.partial"));
  CHECK(run_eqlab("solve kuhn --solver efce-omd --iterations 100 --distribution small.jsonl --no-progress", dir)
            .err.empty());
}

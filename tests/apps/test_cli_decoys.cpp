// eqlab decoys, run as a user runs it: the published gridworld numbers through the
// command line, the placement file and the annotated graph, the example network in
// GraphML with its budgets, the guarantee line, the same result on any thread count, and
// refused usage.
#include <doctest/doctest.h>

#ifdef EQLAB_HAVE_CLI

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include <eqlab/sim/plot.hpp>

#include "support/run_cli.hpp"

namespace fs = std::filesystem;

namespace {

using eqlab::test::contains;
using eqlab::test::count_lines;
using eqlab::test::read_text;
using eqlab::test::Run;
using eqlab::test::run_eqlab;
using json = nlohmann::json;

fs::path scratch(const std::string& name) { return eqlab::test::scratch("decoys-" + name); }

const std::string kNetwork = "'" EQLAB_SOURCE_DIR "/examples/security/network.graphml'";

}  // namespace

TEST_CASE("cli decoys: the gridworld's published greedy picks, the placement file and the annotated graph") {
  const fs::path dir = scratch("grid");
  const Run r = run_eqlab("decoys gridworld --fakes 1 --traps 1 --mode reference --out p.json --dot g.dot", dir);
  REQUIRE_MESSAGE(r.code == 0, r.err);
  CHECK(r.err.empty());
  CHECK(contains(r.out, "graph           4050 vertices, 16200 edges, 180 targets, 43 decoy sites\n"));
  CHECK(contains(r.out, "attacker wins   2493 states (defender: 1557)\n"));
  CHECK(contains(r.out, "picks           fake at (3,3): region 1126 of 2313, value 0.486814\n"));
  CHECK(contains(r.out, "                trap at (5,6): region 1309 of 2313, value 0.565932\n"));
  CHECK(contains(r.out, "guarantee       none stated: greedy placed two kinds of decoys"));
  CHECK(contains(r.out, "wrote           p.json, g.dot\n"));

  const json p = json::parse(read_text(dir / "p.json"));
  CHECK(p["format"] == "eqlab-decoys/1");
  CHECK(p["method"] == "greedy");
  CHECK(p["region"] == "dswin");
  CHECK(p["mode"] == "reference");
  REQUIRE(p["picks"].size() == 2);
  CHECK(p["picks"][0]["kind"] == "fake");
  CHECK(p["picks"][0]["site"] == "(3,3)");
  CHECK(p["picks"][0]["value"].get<double>() == doctest::Approx(1126.0 / 2313.0).epsilon(1e-15));
  CHECK(p["picks"][1]["kind"] == "trap");
  CHECK(p["picks"][1]["site"] == "(5,6)");
  CHECK(p["picks"][1]["region_size"] == 1309);
  CHECK(p["regions"]["attacker_wins"] == 2493);
  CHECK(p["regions"]["defender_wins"] == 1557);
  CHECK(p["regions"]["deceptive"] == 1309);
  CHECK(p["regions"]["denominator"] == 2313);
  // The strategy: a move for every defender state of the deceptive region (but decoys)
  // and of the defender's own region.
  CHECK(p["strategy"]["moves"].size() > 1557 / 2);
  const std::string dot = read_text(dir / "g.dot");
  CHECK(dot.rfind("digraph \"gridworld(rows=7,cols=7)\" {", 0) == 0);
  CHECK(contains(dot, "xlabel=\"fake\""));
  CHECK(contains(dot, "xlabel=\"trap\""));
  CHECK(contains(dot, "penwidth=3"));
}

TEST_CASE("cli decoys: exhaustive placement finds the published optimum") {
  const fs::path dir = scratch("exhaustive");
  const Run r = run_eqlab("decoys gridworld --fakes 2 --mode reference --exhaustive", dir);
  REQUIRE_MESSAGE(r.code == 0, r.err);
  CHECK(contains(r.out, "(903 evaluations, "));
  CHECK(contains(r.out, "deceptive       dswin 1881 states, value of deception 0.81323\n"));
  CHECK(contains(r.out, "guarantee       exhaustive: the placement is optimal\n"));
}

TEST_CASE("cli decoys: the example network, its budgets from the file, the guarantee only where checked") {
  const fs::path dir = scratch("network");
  Run r = run_eqlab("decoys " + kNetwork, dir);
  REQUIRE_MESSAGE(r.code == 0, r.err);
  CHECK(contains(r.out, "game            enterprise-network\n"));
  CHECK(contains(r.out, "placement       greedy, dswin, clean mode: 1 fake, 1 trap"));
  CHECK(contains(r.out, "picks           fake at fs_user: region 11 of 17, value 0.647059\n"));
  CHECK(contains(r.out, "                trap at backup_user: region 15 of 17, value 0.882353\n"));

  r = run_eqlab("decoys " + kNetwork + " --traps 2 --fakes 0", dir);
  REQUIRE_MESSAGE(r.code == 0, r.err);
  CHECK(contains(r.out, "guarantee       none stated: submodularity was not checked on this instance (add "
                        "--check-submodular)\n"));
  r = run_eqlab("decoys " + kNetwork + " --traps 2 --fakes 0 --check-submodular", dir);
  REQUIRE_MESSAGE(r.code == 0, r.err);
  CHECK(contains(r.out, "guarantee       pairwise check over 15 site pairs: 4 supermodular, 0 not monotone; not "
                        "submodular, so no (1 - 1/e) guarantee\n"));

  // One trap and the default region, as a traps-only instance small enough to be checked.
  r = run_eqlab("decoys 'random-graph(vertices=40,seed=3)' --traps 2 --check-submodular --out q.json", dir);
  REQUIRE_MESSAGE(r.code == 0, r.err);
  const json q = json::parse(read_text(dir / "q.json"));
  CHECK(q["guarantee"]["pairs"].get<int>() > 0);
  CHECK(q["guarantee"]["holds"] ==
        (q["guarantee"]["supermodular_pairs"] == 0 && q["guarantee"]["not_monotone"] == 0));
  CHECK(contains(q["guarantee"]["text"].get<std::string>(), q["guarantee"]["holds"] ? "within 1 - 1/e" : "no (1 - 1/e)"));
}

TEST_CASE("cli decoys: the same placement file on one thread and on two") {
  const fs::path dir = scratch("threads");
  for (const char* threads : {"1", "2"}) {
    const Run r = run_eqlab(std::string("decoys 'random-graph(vertices=300,seed=5)' --fakes 2 --traps 1 --region daswin "
                                        "--out t") + threads + ".json --threads " + threads,
                            dir);
    REQUIRE_MESSAGE(r.code == 0, r.err);
  }
  json one = json::parse(read_text(dir / "t1.json")), two = json::parse(read_text(dir / "t2.json"));
  one.erase("seconds");
  two.erase("seconds");
  CHECK(one == two);
  CHECK(one["region"] == "daswin");
}

TEST_CASE("cli decoys: lazy greedy makes the same picks here with fewer evaluations, and says what it guarantees") {
  const fs::path dir = scratch("lazy");
  const std::string game = "decoys 'random-graph(vertices=2000,targets=130,seed=1)' --fakes 5 ";
  const Run plain = run_eqlab(game + "--out plain.json", dir), lazy = run_eqlab(game + "--lazy --out lazy.json", dir);
  REQUIRE_MESSAGE(plain.code == 0, plain.err);
  REQUIRE_MESSAGE(lazy.code == 0, lazy.err);
  const json p = json::parse(read_text(dir / "plain.json")), l = json::parse(read_text(dir / "lazy.json"));
  CHECK(l["method"] == "lazy greedy");
  CHECK(l["picks"] == p["picks"]);
  CHECK(l["evaluations"].get<int>() < p["evaluations"].get<int>() / 2);
  CHECK(contains(lazy.out, "guarantee       none stated: lazy greedy is greedy only on submodular instances"));
}

TEST_CASE("cli decoys: refused usage and input") {
  const fs::path dir = scratch("errors");
  auto refused = [&](const std::string& args, int code, const std::string& says) {
    const Run r = run_eqlab(args, dir);
    INFO(args);
    CHECK_MESSAGE(r.code == code, r.err);
    CHECK_MESSAGE(contains(r.err, says), r.err);
    CHECK_MESSAGE(count_lines(r.err) == 1, r.err);
    CHECK(r.out.empty());
  };
  refused("decoys kuhn --traps 1", 1, "eqlab decoys: 'kuhn' is not a graph game");
  refused("decoys gridworld", 2, "nothing to place: give --traps K and/or --fakes K");
  refused("decoys gridworld --traps 1 --region sure", 2, "--region must be dswin or daswin, not 'sure'");
  refused("decoys gridworld --traps 1 --mode paper", 2, "--mode must be clean or reference, not 'paper'");
  refused("decoys gridworld --traps -1", 2, "--traps");
  refused("decoys 'gridworld(rows=2)' --traps 1", 2, "gridworld: parameter rows must be a whole number from 5 to 40");
  refused("decoys 'gridworld(size=7)' --traps 1", 2, "gridworld: unknown parameter \"size\"");
  refused("decoys gridworld --traps 4 --fakes 4 --exhaustive", 2, "--exhaustive would try about");
  refused("decoys gridworld --traps 1 --png -", 2, "--png needs a file name");
  refused("decoys gridworld --traps 1 --png g.gif", 2, "--png 'g.gif': a figure's name must end in .png, .svg or .pdf");
  refused("decoys gridworld --traps 1 --lazy --exhaustive", 2, "--lazy is a way to run greedy placement");
  refused("solve gridworld", 1, "'gridworld' is a graph game: place decoys on it with 'eqlab decoys'");
  if (eqlab::find_program("dot").empty()) {
    refused("decoys gridworld --traps 1 --png g.png", 1, "GraphViz's dot not found, needed by --png");
  } else {
    const Run r = run_eqlab("decoys " + kNetwork + " --png net.png", dir);
    CHECK_MESSAGE(r.code == 0, r.err);
    CHECK(fs::file_size(dir / "net.png") > 1000);
    CHECK(read_text(dir / "net.png").rfind("\x89PNG", 0) == 0);
    // The picture's format follows its name.
    REQUIRE(run_eqlab("decoys " + kNetwork + " --png net.svg", dir).code == 0);
    CHECK(read_text(dir / "net.svg").find("<svg") != std::string::npos);
    REQUIRE(run_eqlab("decoys " + kNetwork + " --png net.pdf", dir).code == 0);
    CHECK(read_text(dir / "net.pdf").rfind("%PDF-", 0) == 0);
    CHECK_FALSE(fs::exists(dir / "net.svg.partial"));
  }
}

#endif

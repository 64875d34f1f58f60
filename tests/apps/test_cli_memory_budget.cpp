// --memory-budget, run as a user runs it: a run whose estimate exceeds the budget stops
// before it starts with exit 3 and a message giving the estimate's parts; an experiment
// runs fewer runs at a time when the budget says so, with the same files; a Markov
// experiment marks the runs that would not fit as refused and runs the others.
#include <doctest/doctest.h>

#ifdef EQLAB_HAVE_CLI

#include <filesystem>
#include <string>

#include "support/run_cli.hpp"

namespace fs = std::filesystem;

namespace {

using eqlab::test::contains;
using eqlab::test::read_text;
using eqlab::test::Run;
using eqlab::test::run_eqlab;
using eqlab::test::write_text;

fs::path scratch(const std::string& name) { return eqlab::test::scratch("memory-" + name); }

}  // namespace

TEST_CASE("cli: solve refuses a run above --memory-budget before it starts") {
  const fs::path dir = scratch("solve");
  const Run small = run_eqlab("solve leduc --solver efce-omd --iterations 10 --memory-budget 1MiB --out r.json", dir);
  CHECK(small.code == 3);
  CHECK_MESSAGE(contains(small.err, "eqlab solve: solving leduc(players=2) with efce-omd needs about 2.8 MiB (game "),
                small.err);
  CHECK(contains(small.err, "learner state 1.2 MiB"));
  CHECK(contains(small.err, "more than the memory budget of 1.0 MiB (--memory-budget 1MiB)"));
  CHECK_FALSE(fs::exists(dir / "r.json"));
  // The same run fits in 3 MiB, and the default budget (80% of the available memory).
  CHECK(run_eqlab("solve leduc --solver efce-omd --iterations 10 --memory-budget 3MiB", dir).code == 0);
  CHECK(run_eqlab("solve leduc --solver efce-omd --iterations 10", dir).code == 0);
  CHECK(run_eqlab("solve leduc --iterations 10 --memory-budget 50%", dir).code == 0);

  for (const char* bad : {"10x", "0", "-1GiB", "120%", "0.5%", "GiB"}) {
    const Run r = run_eqlab(std::string("solve leduc --iterations 10 --memory-budget ") + bad, dir);
    CHECK_MESSAGE(r.code == 2, bad);
    CHECK_MESSAGE(contains(r.err, "--memory-budget"), r.err);
  }

  // A distribution file that would not fit on its disk: 10^12 lines of Kuhn poker.
  const Run disk = run_eqlab("solve kuhn --solver efce-omd --iterations 1000000000000 --distribution d.jsonl", dir);
  CHECK(disk.code == 3);
  CHECK_MESSAGE(contains(disk.err, "eqlab solve: the distribution file d.jsonl would take about "), disk.err);
  CHECK(contains(disk.err, "(1000000000000 lines of about "));
  CHECK_FALSE(fs::exists(dir / "d.jsonl"));

  // Markov learners: the certified log grows with the episodes.
  const Run markov = run_eqlab("solve markov-cycle --solver cce-v --episodes 100000000 --memory-budget 1GiB", dir);
  CHECK(markov.code == 3);
  CHECK_MESSAGE(contains(markov.err, "certified log 10.4 GiB"), markov.err);
}

TEST_CASE("cli: an experiment fits its runs to --memory-budget") {
  const fs::path dir = scratch("experiment");
  write_text(dir / "grid.json", R"json({"name": "budget",
    "games": [{"game": "kuhn", "label": "kuhn"}, {"game": "kuhn(players=3)", "label": "kuhn3"}],
    "algorithms": [{"solver": "omd"}, {"solver": "efce-omd"}],
    "seeds": 2, "iterations": 100, "checkpoints": 5})json");
  const Run free = run_eqlab("experiment grid.json --out free --no-plots --no-progress --threads 2", dir);
  REQUIRE_MESSAGE(free.code == 0, free.err);
  CHECK_FALSE(contains(free.err, "at a time"));
  // About 70 KiB of games and up to 60 KiB per run: one run at a time, the same files.
  const Run one = run_eqlab("experiment grid.json --out one --no-plots --no-progress --threads 2 --memory-budget 150KiB", dir);
  REQUIRE_MESSAGE(one.code == 0, one.err);
  CHECK_MESSAGE(contains(one.err, "the memory budget (--memory-budget 150KiB) allows 1 run(s) at a time"), one.err);
  CHECK(read_text(dir / "one/summary.csv") == read_text(dir / "free/summary.csv"));
  // Not even one run fits: refused before any run.
  const Run none = run_eqlab("experiment grid.json --out none --no-plots --no-progress --memory-budget 100KiB", dir);
  CHECK(none.code == 3);
  CHECK_MESSAGE(contains(none.err, "eqlab experiment: a run of omd on kuhn3 needs about"), none.err);
  CHECK_FALSE(fs::exists(dir / "none/runs"));
}

TEST_CASE("cli: a Markov experiment marks the runs above --memory-budget as refused") {
  const fs::path dir = scratch("markov");
  write_text(dir / "tiny.json", R"json({"type": "markov", "name": "tiny",
    "games": [{"game": "markov-polymatrix(players=2,states=2,actions=2,horizon=2)", "label": "m2", "x": 2},
              {"game": "markov-polymatrix(players=3,states=2,actions=2,horizon=2)", "label": "m3", "x": 3}],
    "x_label": "players", "algorithms": [{"solver": "cce-v"}, {"solver": "nash-vi"}],
    "seeds": 1, "episodes": 2000, "checkpoints": 4, "epsilon": [0.3]})json");
  // cce-v's certified and play logs: about 195 KiB on m2 and 258 KiB on m3 for 2000 episodes.
  const Run r = run_eqlab("experiment tiny.json --out out --no-plots --no-progress --memory-budget 220KiB", dir);
  REQUIRE_MESSAGE(r.code == 0, r.err);
  CHECK(fs::exists(dir / "out/runs/m2/cce-v/seed-0.csv"));
  CHECK(fs::exists(dir / "out/runs/m3/nash-vi/seed-0.csv"));
  REQUIRE(fs::exists(dir / "out/runs/m3/cce-v/seed-0.refused"));
  CHECK_MESSAGE(contains(read_text(dir / "out/runs/m3/cce-v/seed-0.refused"), "more than the memory budget of 220.0 KiB"),
                read_text(dir / "out/runs/m3/cce-v/seed-0.refused"));
}

#endif

// eqlab solve --feedback bandit: runs the bandit learners, writes a result whose
// exploitability eval reproduces, and refuses flags of the other feedback.
#include <doctest/doctest.h>

#ifdef EQLAB_HAVE_CLI

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/algorithms/bandit/bandit_solver.hpp>

#include "support/run_cli.hpp"

using eqlab::test::run_eqlab;
using eqlab::test::scratch;

TEST_CASE("cli: solve --feedback bandit runs balanced-omd and reports the exploitability") {
  const auto dir = scratch("bandit-solve");
  const auto r = run_eqlab("solve kuhn --feedback bandit --solver balanced-omd --episodes 20000 --out result.json "
                           "--checkpoints 5 --no-progress",
                           dir);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("exploitability") != std::string::npos);
  CHECK(r.out.find("20000 episodes (bandit feedback)") != std::string::npos);
  const nlohmann::json result = nlohmann::json::parse(eqlab::test::read_text(dir / "result.json"));
  CHECK(result["solver"]["params"]["feedback"] == "bandit");
  CHECK(result["solver"]["params"]["episodes"] == 20000);
  const double exploitability = result["metrics"]["exploitability"].get<double>();
  MESSAGE("balanced-omd, 20000 episodes on Kuhn: exploitability ", exploitability);
  CHECK(exploitability > 0.0);
  CHECK(exploitability < 0.3);  // uniform play: 0.458
  // eval recomputes it from the stored strategies.
  const auto e = run_eqlab("eval kuhn result.json --json", dir);
  INFO(e.err);
  REQUIRE(e.code == 0);
  CHECK(nlohmann::json::parse(e.out)["exploitability"].get<double>() == doctest::Approx(exploitability).epsilon(1e-9));
}

TEST_CASE("cli: every bandit solver runs, and help solve lists them") {
  const auto dir = scratch("bandit-each");
  const auto help = run_eqlab("help solve", dir);
  CHECK(help.code == 0);
  CHECK(help.out.find("--feedback") != std::string::npos);
  CHECK(help.out.find("--episodes") != std::string::npos);
  for (const eqlab::SolverEntry* s : eqlab::registered_solvers(eqlab::GameKind::extensive, eqlab::Feedback::bandit)) {
    CHECK(help.out.find("  " + s->name + " ") != std::string::npos);
    const auto r = run_eqlab("solve 'kuhn(players=3)' --feedback bandit --solver " + s->name +
                                 " --episodes 500 --checkpoints 3 --no-progress",
                             dir);
    INFO(s->name, ": ", r.err);
    CHECK(r.code == 0);
    CHECK(r.out.find("nfcce") != std::string::npos);
  }
}

TEST_CASE("cli: bandit self-play writes the profile of every episode with --distribution") {
  const auto dir = scratch("bandit-distribution");
  const auto r = run_eqlab("solve kuhn --feedback bandit --episodes 40 --distribution mix.jsonl --out result.json "
                           "--no-progress",
                           dir);
  INFO(r.err);
  REQUIRE(r.code == 0);
  const std::string lines = eqlab::test::read_text(dir / "mix.jsonl");
  CHECK(std::count(lines.begin(), lines.end(), '\n') == 40);
  // eval recomputes the mixture's gaps from the file and finds the stored ones.
  const auto e = run_eqlab("eval kuhn result.json --distribution mix.jsonl", dir);
  INFO(e.err);
  CHECK(e.code == 0);
  CHECK(e.out.find("the distribution agrees with the result") != std::string::npos);
}

TEST_CASE("cli: bandit and full-feedback flags do not mix (exit 2, one line)") {
  const auto dir = scratch("bandit-usage");
  for (const std::string args :
       {"solve kuhn --feedback bandit --iterations 10", "solve kuhn --episodes 10",
        "solve kuhn --feedback partial", "solve kuhn --feedback bandit --solver cfr+ --episodes 10",
        "solve kuhn --solver ixomd --iterations 10", "solve kuhn --feedback bandit --episodes 0"}) {
    const auto r = run_eqlab(args, dir);
    INFO(args, ": ", r.err);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find('\n') == r.err.size() - 1);
  }
}

#endif

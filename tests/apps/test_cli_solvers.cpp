// eqlab solvers: the catalogue generated from the solver registry, and the README's table,
// which must be the catalogue's Markdown word for word.
#include <doctest/doctest.h>

#ifdef EQLAB_HAVE_CLI

#include <string>

#include "support/run_cli.hpp"

using eqlab::test::read_text;
using eqlab::test::run_eqlab;
using eqlab::test::scratch;

TEST_CASE("cli: the README's solver table is what eqlab solvers --markdown prints") {
  const auto dir = scratch("solvers-table");
  const auto table = run_eqlab("solvers --markdown", dir);
  REQUIRE(table.code == 0);
  const std::string readme = read_text(EQLAB_SOURCE_DIR "/README.md");
  const std::string begin = "<!-- solvers:begin -->\n", end = "<!-- solvers:end -->";
  const std::size_t from = readme.find(begin), to = readme.find(end);
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  // Regenerate with: build/bin/eqlab solvers --markdown
  CHECK(readme.substr(from + begin.size(), to - from - begin.size()) == table.out);
  // Every kind of solver is there, with its parameters and note.
  CHECK(table.out.find("| `cfr+` | extensive | full | nash | regret_matching (rm+), updates (alternating), "
                       "averaging (linear) | [cfr.md](docs/algorithms/cfr.md) |") != std::string::npos);
  CHECK(table.out.find("| `efce-omd-balanced` | extensive | bandit | efce |") != std::string::npos);
  CHECK(table.out.find("| `cce-v` | markov | bandit | cce |") != std::string::npos);
}

TEST_CASE("cli: eqlab solvers lists every solver with its parameters and their sources") {
  const auto dir = scratch("solvers-list");
  const auto r = run_eqlab("solvers", dir);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("\n  kefr") != std::string::npos);
  CHECK(r.out.find("k=a whole number from 0 to 64 (default 1)") != std::string::npos);
  CHECK(r.out.find("arXiv:2205.15294, Thm 7]") != std::string::npos);
  CHECK(r.out.find("\n  nash-vi") != std::string::npos);
}

TEST_CASE("cli: a parameter a solver does not take, or a value out of range, is refused with the valid ones") {
  const auto dir = scratch("solvers-params");
  auto r = run_eqlab("solve kuhn --solver cfr+ --param regret=rm --iterations 5 --no-progress", dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("solver cfr+: unknown parameter regret (regret_matching, updates, averaging)") != std::string::npos);
  r = run_eqlab("solve kuhn --solver cfr+ --param averaging=cubic --iterations 5 --no-progress", dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("solver cfr+: averaging must be one of uniform, linear, quadratic, not cubic") != std::string::npos);
  r = run_eqlab("solve kuhn --solver kefr --param k=65 --iterations 5 --no-progress", dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("solver kefr: k must be a whole number from 0 to 64, not 65") != std::string::npos);
  r = run_eqlab("solve kuhn --feedback bandit --solver ixomd --param gamma_scale=-1 --episodes 5 --no-progress", dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("solver ixomd: gamma_scale must be a positive number, not -1") != std::string::npos);
}

#endif  // EQLAB_HAVE_CLI

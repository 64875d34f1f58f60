// eqlab solvers: every registered solver with its parameters, as text or as the README's
// Markdown table.
#include <iostream>

#include <eqlab/sim/solver_catalog.hpp>

#include "cli.hpp"

namespace eqlab::cli {

const std::string_view kSolversHelp =
    R"help(usage: eqlab solvers [--markdown]

Lists every solver eqlab knows, by kind of game and feedback: what it learns,
its parameters (give them to 'eqlab solve' as --param KEY=VALUE, or in an
experiment's "params"), their defaults, and the note in docs/algorithms/ that
documents it. --markdown prints one table instead, the one in the README.
)help";

int run_solvers(std::span<const std::string> argv) {
  const Args args = parse_args("solvers", argv, {{"--markdown", false}}, {}, 0);
  if (args.has("--markdown")) {
    std::cout << solver_table_markdown();
    return kExitOk;
  }
  std::cout << solver_help_section("extensive-form and normal-form games, full feedback (eqlab solve)",
                                   GameKind::extensive, Feedback::full)
            << "\n"
            << solver_help_section("extensive-form games, bandit feedback (eqlab solve --feedback bandit)",
                                   GameKind::extensive, Feedback::bandit)
            << "\n"
            << solver_help_section("Markov games (eqlab solve on a markov game)", GameKind::markov, Feedback::bandit);
  return kExitOk;
}

}  // namespace eqlab::cli

#include <algorithm>

#include <string>
#include <vector>

#include <eqlab/lib/near_names.hpp>

#include "cli.hpp"

namespace eqlab::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> list{
      {"solve", "run a solver on a game; write the result, curve and plot", solve_help, run_solve},
      {"eval", "recompute the metrics of a result file", [] { return kEvalHelp; }, run_eval},
      {"convert", "write a game file (Gambit .efg/.nfg, ...) as eqlab JSON", [] { return kConvertHelp; }, run_convert},
      {"games", "list the built-in games and their parameters", [] { return kGamesHelp; }, run_games},
      {"solvers", "list the solvers with their parameters (--markdown: the README's table)",
       [] { return kSolversHelp; }, run_solvers},
      {"info", "print the size and shape of a game", [] { return kInfoHelp; }, run_info},
      {"plot", "draw the learning curves of several runs in one figure", [] { return kPlotHelp; }, run_plot},
      {"experiment", "run a grid of games, algorithms and seeds; summarise and plot it", [] { return kExperimentHelp; },
       run_experiment},
      {"decoys", "place traps and fake targets on a graph game; write the placement and a picture", [] { return kDecoysHelp; },
       run_decoys},
      {"preferences", "Nash equilibrium outcomes of a graph game with incomplete preferences over goals",
       [] { return kPreferencesHelp; }, run_preferences},
      {"preferences-data", "sample a preference dataset of a Markov game, for the marlhf solver",
       [] { return kPreferencesDataHelp; }, run_preferences_data},
  };
  return list;
}

const Command* find_command(std::string_view name) {
  const auto& list = commands();
  auto it = std::find_if(list.begin(), list.end(), [&](const Command& c) { return c.name == name; });
  return it == list.end() ? nullptr : &*it;
}

std::string unknown_command_message(const std::string& name) {
  std::vector<std::string> names;
  for (const Command& c : commands()) names.emplace_back(c.name);
  return "unknown command '" + name + "'" + did_you_mean(name, names);
}

}  // namespace eqlab::cli

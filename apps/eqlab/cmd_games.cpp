// eqlab games: the built-in games, with their parameters and defaults.
#include <iostream>

#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/graph/graph_source.hpp>
#include <eqlab/games/markov/markov_builtin.hpp>

#include "cli.hpp"
#include "report.hpp"

namespace eqlab::cli {

const std::string_view kGamesHelp =
    R"help(usage: eqlab games

Lists the built-in games with their parameters and defaults, and the OpenSpiel
game each one equals. Any command that takes a GAME accepts a built-in game by
name, with parameters in parentheses, in eqlab's naming or OpenSpiel's:
  eqlab solve kuhn
  eqlab solve "goofspiel(cards=4)" --iterations 500
  eqlab info "kuhn(players=3)"
  eqlab info "kuhn_poker(players=3)"
  eqlab solve "goofspiel(num_cards=4,imp_info=true,points_order=descending)"
A spec in OpenSpiel's naming takes OpenSpiel's defaults for the parameters left
out; values eqlab does not build are refused.
)help";

int run_games(std::span<const std::string> argv) {
  parse_args("games", argv, {}, {}, 0);
  std::cout << "Built-in games (GAME arguments; parameters as name(key=value,...); OpenSpiel's names\n"
               "and parameters are accepted too, with OpenSpiel's defaults: kuhn_poker(players=3)):\n";
  for (const BuiltinGameInfo& game : builtin_games()) {
    std::cout << "\n" << field(game.name) << game.description << "\n";
    const BuiltinOpenSpiel* os = builtin_openspiel(game.name);
    if (os) {
      std::cout << "  = OpenSpiel " << os->equals << "\n";
      if (!os->note.empty()) std::cout << "    " << os->note << "\n";
    } else {
      std::cout << "  (no OpenSpiel game)\n";
    }
    for (const BuiltinParam& p : game.params) {
      std::cout << "  " << field(p.name + "=" + p.default_value) << p.description;
      if (os)
        for (const auto& [param, openspiel] : os->params)
          if (param == p.name) std::cout << "; OpenSpiel: " << openspiel;
      std::cout << "\n";
    }
  }
  std::cout << "\nBuilt-in Markov games (episodic, m players; solve them with "
            << solver_names(GameKind::markov, Feedback::bandit) << "):\n";
  for (const BuiltinGameInfo& game : markov_builtin_games()) {
    std::cout << "\n" << field(game.name) << game.description << "\n";
    for (const BuiltinParam& p : game.params)
      std::cout << "  " << field(p.name + "=" + p.default_value) << p.description << "\n";
  }
  std::cout << "\nBuilt-in graph games (defender against attacker on a graph; place decoys with 'eqlab decoys'):\n";
  for (const GraphBuiltinInfo& game : graph_builtin_list()) {
    std::cout << "\n" << field(game.name) << game.summary << "\n";
    for (const std::string& p : game.parameters) {
      const std::size_t colon = p.find(": ");
      std::cout << "  " << field(p.substr(0, colon)) << p.substr(colon + 2) << "\n";
    }
  }
  return kExitOk;
}

}  // namespace eqlab::cli

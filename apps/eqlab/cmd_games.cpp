// eqlab games: the built-in games, with their parameters and defaults.
#include <iostream>
#include <optional>

#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/game_catalog.hpp>

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

namespace {

// OpenSpiel's equal game, and its name for each parameter, under an extensive-form game.
void print_openspiel(const BuiltinOpenSpiel* os) {
  if (!os) {
    std::cout << "  (no OpenSpiel game)\n";
    return;
  }
  std::cout << "  = OpenSpiel " << os->equals << "\n";
  if (!os->note.empty()) std::cout << "    " << os->note << "\n";
}

void print_game(const CatalogGame& game) {
  std::cout << "\n" << field(game.name) << game.description << "\n";
  const BuiltinOpenSpiel* os = game.type == GameType::extensive ? builtin_openspiel(game.name) : nullptr;
  if (game.type == GameType::extensive) print_openspiel(os);
  for (const CatalogParam& p : game.params) {
    std::cout << "  " << field(p.name + "=" + p.default_value) << p.description;
    if (os)
      for (const auto& [param, openspiel] : os->params)
        if (param == p.name) std::cout << "; OpenSpiel: " << openspiel;
    std::cout << "\n";
  }
}

// The heading of each kind of game, with the solvers the registry has for it.
std::string heading(GameType type) {
  switch (type) {
    case GameType::markov:
      return "Built-in Markov games (episodic, m players; solve them with " +
             solver_names(GameKind::markov, Feedback::bandit) + "):";
    case GameType::graph:
      return "Built-in graph games (defender against attacker on a graph; place decoys with 'eqlab decoys'):";
    case GameType::extensive: break;
  }
  return "Built-in games (GAME arguments; parameters as name(key=value,...); OpenSpiel's names\n"
         "and parameters are accepted too, with OpenSpiel's defaults: kuhn_poker(players=3)):";
}

}  // namespace

int run_games(std::span<const std::string> argv) {
  parse_args("games", argv, {}, {}, 0);
  std::optional<GameType> shown;
  for (const CatalogGame& game : game_catalog()) {
    if (shown != game.type) std::cout << (shown ? "\n" : "") << heading(game.type) << "\n";
    shown = game.type;
    print_game(game);
  }
  return kExitOk;
}

}  // namespace eqlab::cli

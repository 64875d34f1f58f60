#pragma once
// The one entry point to every game eqlab knows: the built-in games of the three kinds
// (extensive-form, Markov, graph) in one catalogue, and one loader that takes a GAME
// argument (a built-in spec `name(key=value,...)`, read by one parser, or a file
// dispatched by its type) and returns the game of whichever kind it is. The commands and
// library users call these; the three tables behind them (games/builtin/registry.cpp,
// games/markov/markov_builtin.cpp, games/graph/graph_source.cpp) are each beside the
// builders of their kind.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <eqlab/games/graph/turn_game.hpp>
#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

enum class GameType { extensive, markov, graph };  // extensive includes normal-form games
// "extensive", "markov", "graph".
const char* game_type_name(GameType type);

struct CatalogParam {
  std::string name, default_value, description;
};

struct CatalogGame {
  std::string name;
  GameType type = GameType::extensive;
  std::string description;
  std::vector<CatalogParam> params;
  // The OpenSpiel game it equals with its parameter names, when there is one.
  std::string openspiel;
};

// Every built-in game: extensive-form games, then Markov games, then graph games, each in
// the order of its table.
std::vector<CatalogGame> game_catalog();

// The kind of game a GAME argument names: a built-in spec by its name (OpenSpiel's names
// included), a file by its type ("markov" and "graph" JSON, GraphML, DOT and .model files
// are Markov or graph games; every other file is read as an extensive or normal game).
GameType game_type_of(const std::string& spec);

struct AnyGame {
  GameType type = GameType::extensive;
  std::optional<LoadedGame> extensive;    // type extensive
  std::unique_ptr<MarkovModel> markov;    // type markov
  std::optional<TurnGame> graph;          // type graph
};

// Loads GAME of whichever kind it is; the errors of the loader of its kind.
AnyGame load_any_game(const std::string& spec, const LoadLimits& limits = {});

}  // namespace eqlab

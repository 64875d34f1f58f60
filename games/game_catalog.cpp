#include <eqlab/games/game_catalog.hpp>

#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/graph/graph_source.hpp>
#include <eqlab/games/markov/markov_builtin.hpp>
#include <eqlab/games/markov/markov_source.hpp>

namespace eqlab {

const char* game_type_name(GameType type) {
  switch (type) {
    case GameType::markov: return "markov";
    case GameType::graph: return "graph";
    case GameType::extensive: break;
  }
  return "extensive";
}

namespace {

CatalogGame from_builtin(const BuiltinGameInfo& info, GameType type) {
  CatalogGame game;
  game.name = info.name;
  game.type = type;
  game.description = info.description;
  for (const BuiltinParam& p : info.params) game.params.push_back({p.name, p.default_value, p.description});
  return game;
}

// "rows=7: grid rows (5 to 40)" as a parameter.
CatalogParam from_graph_parameter(const std::string& text) {
  const std::size_t eq = text.find('='), colon = text.find(": ");
  CatalogParam p;
  p.name = text.substr(0, eq);
  p.default_value = eq == std::string::npos ? "" : text.substr(eq + 1, colon == std::string::npos ? std::string::npos : colon - eq - 1);
  p.description = colon == std::string::npos ? "" : text.substr(colon + 2);
  return p;
}

}  // namespace

std::vector<CatalogGame> game_catalog() {
  std::vector<CatalogGame> catalog;
  for (const BuiltinGameInfo& info : builtin_games()) {
    CatalogGame game = from_builtin(info, GameType::extensive);
    if (const BuiltinOpenSpiel* alias = builtin_openspiel(info.name)) game.openspiel = alias->equals;
    catalog.push_back(std::move(game));
  }
  for (const BuiltinGameInfo& info : markov_builtin_games()) catalog.push_back(from_builtin(info, GameType::markov));
  for (const GraphBuiltinInfo& info : graph_builtin_list()) {
    CatalogGame game;
    game.name = info.name;
    game.type = GameType::graph;
    game.description = info.summary;
    for (const std::string& p : info.parameters) game.params.push_back(from_graph_parameter(p));
    catalog.push_back(std::move(game));
  }
  return catalog;
}

GameType game_type_of(const std::string& spec) {
  if (is_markov_game(spec)) return GameType::markov;
  if (is_graph_game(spec)) return GameType::graph;
  return GameType::extensive;
}

AnyGame load_any_game(const std::string& spec, const LoadLimits& limits) {
  AnyGame game;
  game.type = game_type_of(spec);
  switch (game.type) {
    case GameType::markov: game.markov = load_markov_model(spec, limits); break;
    case GameType::graph: game.graph = load_graph_game(spec, limits); break;
    case GameType::extensive: game.extensive = load_game(spec, limits); break;
  }
  return game;
}

}  // namespace eqlab

#pragma once
// Graph games by name, as the command line takes them: a file (eqlab JSON of type
// "graph", GraphML, DOT, or a published experiment's ".model") or a built-in generator
// spec, "gridworld(rows=7,cols=7)" or "random-graph(vertices=150,max_actions=5,targets=10,seed=0)".
#include <string>
#include <vector>

#include <eqlab/games/graph/turn_game.hpp>
#include <eqlab/games/io/game_source.hpp>

namespace eqlab {

struct GraphBuiltinInfo {
  std::string name, summary;
  std::vector<std::string> parameters;  // "rows=7: grid rows (5 to 40)", ...
};

const std::vector<GraphBuiltinInfo>& graph_builtin_list();
bool is_graph_builtin_spec(const std::string& spec);
// UsageError for a malformed spec or a parameter out of range.
TurnGame make_graph_builtin(const std::string& spec);

// Whether `spec` names a graph game: a built-in graph spec, a .graphml/.dot/.gv/.model
// file, or a JSON file of type "graph".
bool is_graph_game(const std::string& spec);
TurnGame load_graph_game(const std::string& spec, const LoadLimits& limits = {});

}  // namespace eqlab

#pragma once
// Graph games from files: eqlab JSON (`graph` type, games/graph/graph_json.hpp), GraphML
// and GraphViz DOT. GraphML and DOT carry the vertex and edge attributes of the JSON
// format under the same names (docs/FORMAT.md, `graph`):
//
//   node:  id (default: the node's name in the file), owner (required: P1, defender or 1
//          for the defender; P2, attacker or 2 for the attacker), target, site, trap_ok,
//          fake_ok, cost, weight, labels (a comma list), init
//   edge:  action
//   graph: name, k_trap, k_fake (the decoy budgets)
//
// Booleans are true/false (or 1/0); numbers are decimals or "p/q". Attributes whose name
// starts with "x-" and the common drawing attributes (label, color, shape, pos, ...) are
// ignored; any other attribute is an error. Errors are InputErrors naming the file and,
// as the pointer, the node ("node 'web'"), the edge ("edge web -> db") or "graph"; a
// file that does not parse names the file and, for GraphML, the line.
#include <string>

#include <eqlab/games/graph/turn_game.hpp>
#include <eqlab/games/io/game_source.hpp>

namespace eqlab {

// A GraphML document (one directed <graph>). GraphML is read with the XML parser of
// Boost.PropertyTree, the one behind boost::read_graphml, but not through
// read_graphml: that reader drops the node ids and the graph-level <data> (the budgets),
// and adds a vertex silently for an edge whose end was never declared.
TurnGame read_graphml_game(const std::string& text, const std::string& file);

// A GraphViz DOT document (a digraph), read with boost::read_graphviz. A node that only
// appears in an edge has no owner, which is an error. The vertices are numbered in the
// order of their node names, not of the file (read_graphviz keeps no file order); the
// edges of one vertex keep the file's order, which gives the default actions.
TurnGame read_dot_game(const std::string& text, const std::string& file);

// Loads a graph game file by its extension: .json (eqlab JSON), .graphml or .xml
// (GraphML), .dot or .gv (DOT); any other extension by content ('{': JSON, '<': GraphML,
// else DOT). Throws InputError naming the file for a missing, too large or bad file.
TurnGame load_graph_game_file(const std::string& path, const LoadLimits& limits = {});

// Whether `path` is a graph game file: a name ending in .graphml, .dot or .gv; an .xml
// file whose first 4 KiB hold "<graphml"; or a JSON file whose top-level "type" is
// "graph" (found without reading the rest of the file). False for a missing file,
// except by name for .graphml, .dot and .gv, so that loading it reports what is wrong.
bool is_graph_game_file(const std::string& path);

}  // namespace eqlab

#include "py_game.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <eqlab/games/game_catalog.hpp>
#include <eqlab/games/io/json_game.hpp>

#include "json_bridge.hpp"
#include "py_graph.hpp"
#include "py_markov.hpp"

namespace py = pybind11;

namespace eqlab::python {

std::shared_ptr<PyGame> load_game_object(const py::object& spec) {
  auto game = std::make_shared<PyGame>();
  if (py::isinstance<py::dict>(spec)) {
    const nlohmann::json doc = from_python(spec);
    game->loaded = read_json_game(doc.dump(), "<dict>", {});
  } else if (py::isinstance<py::str>(spec) || py::hasattr(spec, "__fspath__")) {
    game->loaded = load_game(py::cast<std::string>(py::str(spec)));
  } else {
    throw py::type_error("eqlab.load takes a built-in game name, a file path or a dict, not " +
                         py::cast<std::string>(py::str(py::type::of(spec))));
  }
  game->compiled = compile(game->loaded.tree);
  return game;
}

namespace {

py::list per_player(const CompiledGame& g, int (Treeplex::*count)() const) {
  py::list out;
  for (const Treeplex& tp : g.treeplex) out.append((tp.*count)());
  return out;
}

}  // namespace

void bind_game(py::module_& m) {
  py::class_<PyGame, std::shared_ptr<PyGame>>(m, "Game", R"doc(
A game eqlab can solve: extensive-form (imperfect information, chance, n players) or
normal-form, compiled to sequence form. Make one with eqlab.load().)doc")
      .def_property_readonly("name", [](const PyGame& g) { return g.loaded.name; }, "the game's name")
      .def_property_readonly("kind", [](const PyGame& g) { return g.compiled.from_normal_form ? "normal" : "extensive"; },
                             "\"normal\" or \"extensive\"")
      .def_property_readonly("num_players", [](const PyGame& g) { return g.compiled.num_players(); }, "the number of players")
      .def_property_readonly("players", [](const PyGame& g) { return g.compiled.players; }, "the players' names")
      .def_property_readonly("infosets", [](const PyGame& g) { return per_player(g.compiled, &Treeplex::num_infosets); },
                             "the number of information sets of each player")
      .def_property_readonly("sequences", [](const PyGame& g) { return per_player(g.compiled, &Treeplex::num_sequences); },
                             "the number of sequences of each player (the empty sequence included)")
      .def_property_readonly("terminals", [](const PyGame& g) { return g.compiled.terminals.size(); },
                             "the number of terminal histories (profiles of a normal-form game)")
      .def_property_readonly("is_zero_sum", [](const PyGame& g) { return g.compiled.zero_sum; },
                             "whether the payoffs sum to zero at every terminal")
      .def("to_dict", [](const PyGame& g) { return to_python(game_to_json(g.loaded)); },
           "The game in eqlab's JSON format, as a dict (eqlab.load takes it back).")
      .def("__repr__", [](const PyGame& g) {
        return "<eqlab.Game " + g.loaded.name + ": " + std::to_string(g.compiled.num_players()) + " players, " +
               std::to_string(g.compiled.num_infosets()) + " infosets>";
      });
  m.def("load", [](const py::object& spec) -> py::object {
    // Markov and graph games by their kind: a generator's name, a file's type, a dict's "type".
    if (py::isinstance<py::dict>(spec)) {
      const py::dict doc = py::reinterpret_borrow<py::dict>(spec);
      const std::string type = doc.contains("type") ? py::str(doc["type"]).cast<std::string>() : std::string();
      if (type == "markov") return py::cast(load_markov_object(spec));
      if (type == "graph") return py::cast(load_graph_object(spec));
      return py::cast(load_game_object(spec));
    }
    if (!py::isinstance<py::str>(spec) && !py::hasattr(spec, "__fspath__"))
      throw py::type_error("eqlab.load takes a built-in game name, a file path, a dict or a networkx.DiGraph, not " +
                           py::cast<std::string>(py::str(py::type::of(spec))));
    const std::string text = py::cast<std::string>(py::str(spec));
    switch (game_type_of(text)) {
      case GameType::markov: return py::cast(load_markov_object(spec));
      case GameType::graph: return py::cast(load_graph_object(spec));
      case GameType::extensive: break;
    }
    return py::cast(load_game_object(spec));
  }, py::arg("game"), R"doc(
Loads a game: a built-in name with parameters ("kuhn", "leduc_poker",
"goofspiel(cards=4)", "markov-random(players=3)", "gridworld(rows=7,cols=7)"), a file
(eqlab JSON, Gambit .efg/.nfg, GraphML, GraphViz DOT), or a dict in eqlab's JSON format.
Returns an eqlab.Game, an eqlab.MarkovGame for Markov games or an eqlab.GraphGame for
graph games. Bad input raises ValueError with the file and JSON pointer.)doc");
}

}  // namespace eqlab::python

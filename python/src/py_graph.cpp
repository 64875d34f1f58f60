#include "py_graph.hpp"

#include <chrono>
#include <optional>
#include <string>

#include <pybind11/stl.h>
#include <tbb/global_control.h>

#include <eqlab/algorithms/graph/placement_report.hpp>
#include <eqlab/algorithms/graph/preference_report.hpp>
#include <eqlab/games/graph/graph_json.hpp>
#include <eqlab/games/graph/graph_source.hpp>
#include <eqlab/games/graph/temporal_goals.hpp>

#include "json_bridge.hpp"

namespace py = pybind11;

namespace eqlab::python {

std::shared_ptr<PyGraphGame> load_graph_object(const py::object& spec) {
  if (py::isinstance<py::dict>(spec))
    return std::make_shared<PyGraphGame>(PyGraphGame{parse_graph_game(from_python(spec), "<dict>")});
  return std::make_shared<PyGraphGame>(PyGraphGame{load_graph_game(py::cast<std::string>(py::str(spec)))});
}

namespace {

DeceptionRegion region_of(const std::string& text) {
  if (const auto region = region_from_name(text)) return *region;
  throw py::value_error("region must be \"dswin\" or \"daswin\", not \"" + text + "\"");
}

DeceptionMode mode_of(const std::string& text) {
  if (const auto mode = mode_from_name(text)) return *mode;
  throw py::value_error("mode must be \"clean\" or \"reference\", not \"" + text + "\"");
}

PlacementMethod method_of(const std::string& text) {
  if (text == "greedy") return PlacementMethod::greedy;
  if (text == "lazy") return PlacementMethod::lazy_greedy;
  if (text == "exhaustive") return PlacementMethod::exhaustive;
  throw py::value_error("method must be \"greedy\", \"lazy\" or \"exhaustive\", not \"" + text + "\"");
}

// A budget given, else the graph's own, else 0; refused when negative.
int budget_of(const std::optional<int>& given, int from_graph, const char* what) {
  if (given && *given < 0) throw py::value_error(std::string(what) + " must be >= 0");
  return given ? *given : std::max(from_graph, 0);
}

// eqlab decoys: the placement document (eqlab-decoys/1) as a dict, and with dot=True the
// annotated GraphViz drawing as its member "dot".
py::object place_decoys_py(const std::shared_ptr<PyGraphGame>& graph, std::optional<int> traps_given,
                           std::optional<int> fakes_given, const std::string& region_text, const std::string& mode_text,
                           const std::string& method_text, bool check_submodular, int threads, bool with_dot) {
  const DeceptionRegion region = region_of(region_text);
  const DeceptionMode mode = mode_of(mode_text);
  const PlacementMethod method = method_of(method_text);
  const int traps = budget_of(traps_given, graph->game.trap_budget(), "traps");
  const int fakes = budget_of(fakes_given, graph->game.fake_budget(), "fakes");
  if (traps + fakes == 0) throw py::value_error("nothing to place: give traps=K and/or fakes=K (the graph has no budgets)");
  if (threads < 0) throw py::value_error("threads must be >= 0 (0: all cores)");
  nlohmann::ordered_json document;
  {
    py::gil_scoped_release release;
    std::optional<tbb::global_control> limit;
    if (threads > 0) limit.emplace(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
    const DeceptionEvaluator evaluator(graph->game, mode);
    if (method == PlacementMethod::exhaustive) {
      const double placements = exhaustive_placement_count(evaluator, fakes, traps);
      if (placements > kMaxExhaustivePlacements)
        throw UsageError("an exhaustive placement would try about " +
                         std::to_string(static_cast<long long>(placements)) +
                         " placements; use method=\"greedy\" or smaller budgets");
    }
    const PlacementReport report = place_decoys(evaluator, region, fakes, traps, method, check_submodular);
    document = placement_json(evaluator, report);
    if (with_dot) document["dot"] = annotated_dot(evaluator, report);
  }
  return to_python(document);
}

// eqlab preferences: the report document (eqlab-preferences/1) as a dict.
py::object preferences_py(const std::shared_ptr<PyGraphGame>& graph, const py::object& goals_spec) {
  const GoalSpec goals = py::isinstance<py::dict>(goals_spec)
                             ? parse_goal_spec(from_python(goals_spec), "<dict>")
                             : load_goal_spec(py::cast<std::string>(py::str(goals_spec)));
  nlohmann::ordered_json document;
  {
    py::gil_scoped_release release;
    const auto start = std::chrono::steady_clock::now();
    const PreferenceAnalysis analysis = analyse_preferences(graph->game, goals);
    document = preferences_json(analysis, graph->game, goals);
    document["seconds"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  return to_python(document);
}

std::vector<std::string> vertex_names(const TurnGame& g, const std::vector<int>& vertices) {
  std::vector<std::string> names;
  for (int v : vertices) names.push_back(g.vertex_name(v));
  return names;
}

}  // namespace

void bind_graph(py::module_& m) {
  py::class_<PyGraphGame, std::shared_ptr<PyGraphGame>>(m, "GraphGame", R"doc(
A two-player turn-based game on a graph: the defender (player 0) against an attacker
(player 1) who wants to reach a target. eqlab.load returns one for graph files (graph JSON,
GraphML, DOT), built-in graph games (gridworld, random-graph), dicts of type "graph" and
networkx.DiGraph objects. eqlab.decoys.place() and eqlab.preferences() take it.)doc")
      .def_property_readonly("name", [](const PyGraphGame& g) { return g.game.name(); }, "the game's name")
      .def_property_readonly("kind", [](const PyGraphGame&) { return "graph"; }, "\"graph\"")
      .def_property_readonly("num_players", [](const PyGraphGame&) { return 2; }, "2: the defender and the attacker")
      .def_property_readonly("num_vertices", [](const PyGraphGame& g) { return g.game.num_vertices(); }, "the number of vertices")
      .def_property_readonly("num_edges", [](const PyGraphGame& g) { return g.game.num_edges(); }, "the number of edges")
      .def_property_readonly("vertices", [](const PyGraphGame& g) {
        std::vector<std::string> names;
        for (int v = 0; v < g.game.num_vertices(); ++v) names.push_back(g.game.vertex_name(v));
        return names;
      }, "the vertex ids, in the game's order")
      .def_property_readonly("targets", [](const PyGraphGame& g) { return vertex_names(g.game, g.game.targets()); },
                             "the attacker's targets")
      .def_property_readonly("sites", [](const PyGraphGame& g) {
        std::vector<std::string> names;
        for (const DecoySite& s : g.game.sites()) names.push_back(s.name);
        return names;
      }, "the decoy sites, by name")
      .def_property_readonly("budgets", [](const PyGraphGame& g) -> py::object {
        py::dict out;
        if (g.game.trap_budget() >= 0) out["traps"] = g.game.trap_budget();
        if (g.game.fake_budget() >= 0) out["fake_targets"] = g.game.fake_budget();
        return out;
      }, "the decoy budgets the game states ({} when none)")
      .def("to_dict", [](const PyGraphGame& g) { return to_python(graph_game_to_json(g.game)); },
           "The game as a dict of type \"graph\" (eqlab.load takes it back).")
      .def("__repr__", [](const PyGraphGame& g) {
        return "<eqlab.GraphGame " + g.game.name() + ": " + std::to_string(g.game.num_vertices()) + " vertices, " +
               std::to_string(g.game.num_edges()) + " edges>";
      });
  m.def("_place_decoys", &place_decoys_py, py::arg("graph"), py::arg("traps") = py::none(),
        py::arg("fakes") = py::none(), py::arg("region") = "dswin", py::arg("mode") = "clean",
        py::arg("method") = "greedy", py::arg("check_submodular") = false, py::arg("threads") = 0,
        py::arg("dot") = false);
  m.def("_preferences", &preferences_py, py::arg("graph"), py::arg("goals"));
}

}  // namespace eqlab::python

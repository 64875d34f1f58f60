// eqlab preferences: Nash equilibrium outcomes of a graph game whose players rank goal
// classes incompletely, one alignment case at a time.
#include <chrono>
#include <iostream>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/graph/preference_report.hpp>
#include <eqlab/games/graph/graph_source.hpp>

#include "cli.hpp"
#include "game_input.hpp"
#include "output_file.hpp"
#include "report.hpp"

namespace eqlab::cli {

const std::string_view kPreferencesHelp =
    R"help(usage: eqlab preferences GRAPH --goals GOALS.json [--out report.json]

Finds the Nash equilibrium outcomes of a two-player graph game (GRAPH: a graph
file or a built-in graph game; plays start at its "init" vertex) whose players
want temporal goals and rank the sets of goals a play achieves only partly:
two sets a player does not rank are incomparable, and reaching an incomparable
outcome is no gain. GOALS.json (format eqlab-goals/1) holds the goals, as
automata over the vertices' labels, and each player's preference, or several
alignment cases of them.

For each case it prints, for every outcome some play from the start can have:
whether it is an equilibrium (some play ending in it avoids every state from
which a player can force an outcome it strictly prefers) with a witness play,
or why not; whether it is Pareto efficient; and what each player can guarantee
alone (its maximal surely winnable outcomes).

options:
  --goals FILE        the goals and preferences (required)
  --out FILE          write the report as JSON (format eqlab-preferences/1)
  --mkdir             create the missing folders of output files (else a path
                      into a folder that does not exist is refused)
  --max-bytes N       read graph files of up to N bytes (default 2^30)

example:
  eqlab preferences examples/drone/airspace.json --goals examples/drone/goals.json
)help";

int run_preferences(std::span<const std::string> argv) {
  const Args args = parse_args("preferences", argv, {{"--goals"}, {"--out"}, kMkdirFlag, kMaxBytesFlag}, {"GRAPH"}, 1);
  allow_new_folders(args);
  if (!args.has("--goals")) throw CommandLineError("preferences", "missing --goals GOALS.json, the goals and preferences");
  const std::string& spec_arg = args.positional[0];
  if (!is_graph_game(spec_arg))
    throw BadInputError("'" + spec_arg + "' is not a graph game: give a graph file (JSON of type \"graph\", .graphml, "
                        ".dot) or a built-in graph game");
  if (args.has("--out") && args.text("--out") != "-") prepare_output(args.text("--out"));
  const auto start = std::chrono::steady_clock::now();
  const TurnGame graph = load_graph_game(spec_arg, load_limits(args));
  const GoalSpec goals = load_goal_spec(args.text("--goals"));
  const PreferenceAnalysis analysis = analyse_preferences(graph, goals);
  const ProductGame& product = analysis.product;

  std::cout << field("game") << graph.name() << ", start " << graph.vertex_name(product.vertex[analysis.initial])
            << "\n"
            << field("goals") << goals.goals.size() << ":";
  for (const GoalAutomaton& g : goals.goals) std::cout << " " << g.name;
  std::cout << "\n" << field("product") << product.game.num_vertices() << " states, " << product.game.num_edges()
            << " edges\n";
  for (const PreferenceCaseReport& c : analysis.cases) {
    std::cout << "\n" << field("case") << c.name << "\n";
    for (int i = 0; i < 2; ++i) {
      std::string list;
      for (GoalClass g : c.report.guaranteed[i]) list += (list.empty() ? "" : ", ") + goals.class_name(g);
      std::cout << field(i == 0 ? "guarantees" : "") << (i == 0 ? "P1: " : "P2: ") << (list.empty() ? "nothing" : list)
                << "\n";
    }
    for (const OutcomeReport& o : c.report.outcomes) {
      std::cout << field("outcome") << goals.class_name(o.outcome) << ": "
                << (o.equilibrium ? "equilibrium" : "not an equilibrium")
                << (o.pareto_efficient ? ", Pareto efficient" : "") << "\n";
      if (o.equilibrium) std::cout << field("") << "play " << witness_play_text(analysis, graph, o) << "\n";
      else std::cout << field("") << o.reason << "\n";
    }
  }
  nlohmann::ordered_json report = preferences_json(analysis, graph, goals);
  report["seconds"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (args.has("--out")) {
    write_text_file(args.text("--out"), report.dump(2) + "\n");
    std::cout << "\n" << field("wrote") << args.text("--out") << "\n";
  }
  return kExitOk;
}

}  // namespace eqlab::cli

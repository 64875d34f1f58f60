// Goal automata, class preferences and the product of a graph game with its goals
// (docs/algorithms/graph-decoys.md): first-match transitions, the co-safety rule, the
// preference's closure and its cycles refused, every reading error with its pointer, and
// a product built lazily whose classes never shrink.
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include <eqlab/games/graph/product_game.hpp>
#include <eqlab/games/graph/temporal_goals.hpp>
#include <eqlab/lib/error.hpp>

using namespace eqlab;
using json = nlohmann::json;

namespace {

// "eventually A" and "B then C", over labels A, B, C.
const char* const kGoals = R"({"format": "eqlab-goals/1",
 "goals": [
  {"name": "reach_a", "states": ["wait", "done"], "initial": "wait", "accepting": ["done"],
   "transitions": [{"from": "wait", "to": "done", "if": ["A"]}]},
  {"name": "b_then_c", "states": ["s0", "s1", "ok"], "initial": "s0", "accepting": ["ok"],
   "transitions": [{"from": "s0", "to": "s1", "if": ["B"], "unless": ["C"]},
                   {"from": "s1", "to": "ok", "if": ["C"]}]}],
 "cases": [
  {"name": "aligned", "preferences": [{"better": [[["reach_a", "b_then_c"], ["reach_a"]], [["reach_a"], []]]},
                                      {"better": [[["reach_a", "b_then_c"], ["reach_a"]], [["reach_a"], []]]}]},
  {"name": "partial", "preferences": [{"better": [[["reach_a"], []]]}, {"better": [[["b_then_c"], []]]}]}]})";

std::string error_of(const std::string& text) {
  try {
    parse_goal_spec(json::parse(text), "goals.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

std::string with(std::string text, const std::string& from, const std::string& to) {
  REQUIRE(text.find(from) != std::string::npos);
  text.replace(text.find(from), from.size(), to);
  return text;
}

}  // namespace

TEST_CASE("temporal goals: first-match transitions, staying put, and the classes of a spec") {
  const GoalSpec spec = parse_goal_spec(json::parse(kGoals), "goals.json");
  REQUIRE(spec.goals.size() == 2);
  const GoalAutomaton& bc = spec.goals[1];
  CHECK(bc.step(0, {"B"}) == 1);
  CHECK(bc.step(0, {"B", "C"}) == 0);  // `unless` C: stays
  CHECK(bc.step(0, {}) == 0);
  CHECK(bc.step(1, {"A", "C"}) == 2);
  CHECK(bc.step(2, {}) == 2);
  REQUIRE(spec.cases.size() == 2);
  CHECK(spec.cases[0].name == "aligned");
  const ClassPreference& p = spec.cases[0].player[0];
  CHECK(p.strictly_better(0b11, 0b01));
  CHECK(p.strictly_better(0b11, 0b00));  // by transitivity
  CHECK_FALSE(p.strictly_better(0b00, 0b11));
  CHECK(p.incomparable(0b10, 0b01));  // never related: incomparable
  CHECK(p.at_least(0b10, 0b10));
  CHECK(spec.class_name(0b11) == "{reach_a, b_then_c}");
  CHECK(spec.class_name(0) == "{}");
}

TEST_CASE("temporal goals: every reading error names the file and the pointer") {
  CHECK(error_of(with(kGoals, R"({"from": "s1", "to": "ok", "if": ["C"]})",
                      R"({"from": "s1", "to": "ok", "if": ["C"]}, {"from": "ok", "to": "s0"})")) ==
        "goals.json: /goals/1/transitions/2: goal 'b_then_c' leaves its accepting state 'ok': goals must be "
        "co-safety (once achieved, achieved for ever)");
  CHECK(error_of(with(kGoals, R"("initial": "wait")", R"("initial": "nowhere")")) ==
        "goals.json: /goals/0/initial: unknown state 'nowhere' of goal 'reach_a'");
  CHECK(error_of(with(kGoals, R"([["reach_a"], []]]}, {"better": [[["b_then_c"], []]]})",
                      R"([["reach_a"], []], [[], ["reach_a"]]]}, {"better": [[["b_then_c"], []]]})")) ==
        "goals.json: /cases/1/preferences/0/better: the strict preferences have a cycle through class {reach_a}");
  CHECK(error_of(with(kGoals, R"([["b_then_c"], []])", R"([["b_then_d"], []])")) ==
        "goals.json: /cases/1/preferences/1/better/0/0/0: unknown goal 'b_then_d'");
  CHECK(error_of(with(kGoals, R"("name": "partial")", R"("name": "aligned")")) ==
        "goals.json: /cases/1/name: duplicate case name 'aligned'");
  CHECK(error_of(with(kGoals, R"("name": "b_then_c")", R"("name": "reach_a")")) ==
        "goals.json: /goals/1/name: duplicate goal name 'reach_a'");
  CHECK(error_of(with(kGoals, R"("cases")", R"("colour": 1, "cases")")).rfind("goals.json: /colour: ", 0) == 0);
  CHECK(error_of(with(kGoals, R"("format": "eqlab-goals/1",)", R"("format": "eqlab-goals/1", "preferences": [],)")) ==
        "goals.json: give either \"preferences\" (one case) or \"cases\" (several)");
  CHECK(error_of(with(kGoals, R"([["reach_a"], []]]}, {"better")", R"([["reach_a"], ["reach_a"]]]}, {"better")")) ==
        "goals.json: /cases/1/preferences/0/better/0: a class cannot be strictly better than itself");
  // Found by fuzzing: a label list given as a string used to escape as the JSON library's
  // own exception.
  CHECK(error_of(with(kGoals, R"("if": ["C"])", R"("if": "C")")) ==
        "goals.json: /goals/1/transitions/1/if: expected an array of strings, got string");
}

TEST_CASE("temporal goals: the product is built from the initial vertices and its classes never shrink") {
  const GoalSpec spec = parse_goal_spec(json::parse(kGoals), "goals.json");
  // start -> b -> c -> a (a loops); start -> a directly; `unreached` has no way in.
  TurnGameBuilder b("line");
  auto vertex = [&](const char* name, GraphPlayer owner, std::vector<std::string> labels, bool init = false) {
    GraphVertexSpec v;
    v.name = name;
    v.owner = owner;
    v.labels = std::move(labels);
    v.initial = init;
    return b.add_vertex(std::move(v));
  };
  const int start = vertex("start", GraphPlayer::attacker, {}, true);
  const int vb = vertex("b", GraphPlayer::defender, {"B"});
  const int vc = vertex("c", GraphPlayer::attacker, {"C"});
  const int va = vertex("a", GraphPlayer::defender, {"A"});
  const int unreached = vertex("unreached", GraphPlayer::attacker, {"A", "B"});
  b.add_edge(start, vb);
  b.add_edge(start, va);
  b.add_edge(vb, vc);
  b.add_edge(vc, va);
  b.add_edge(va, va);
  b.add_edge(unreached, start);
  const TurnGame g = std::move(b).build();
  const ProductGame p = build_product(g, spec.goals);
  // start, b, c (b_then_c achieved), a after c (both goals), a directly (reach_a only).
  CHECK(p.game.num_vertices() == 5);
  REQUIRE(p.initial.size() == 1);
  CHECK(p.game.vertex_name(p.initial[0]) == "start|wait,s0");
  for (int s = 0; s < p.game.num_vertices(); ++s) {
    CHECK(p.vertex[s] != unreached);
    CHECK(p.game.owner(s) == g.owner(p.vertex[s]));
    for (std::size_t e = p.game.out_begin(s); e < p.game.out_end(s); ++e) {
      const GoalClass from = p.goal_class[s], to = p.goal_class[p.game.edge_target(e)];
      CHECK((from & to) == from);  // never shrinks
    }
  }
  const int both = p.game.find_vertex("a|done,ok"), only_a = p.game.find_vertex("a|done,s0");
  REQUIRE(both >= 0);
  REQUIRE(only_a >= 0);
  CHECK(p.goal_class[both] == 0b11);
  CHECK(p.goal_class[only_a] == 0b01);
  CHECK(p.goal_class[p.game.find_vertex("c|wait,ok")] == 0b10);

  // Without an initial vertex there is nothing to build from.
  TurnGameBuilder none("no start");
  GraphVertexSpec v;
  v.name = "x";
  none.add_edge(none.add_vertex(v), 0);
  const TurnGame lost = std::move(none).build();
  CHECK_THROWS_WITH_AS(build_product(lost, spec.goals),
                       "no start: no initial vertex: mark where plays start with \"init\": true", InputError);
}

// Nash equilibrium outcomes of graph games with incomplete preferences over co-safety
// goals (docs/algorithms/graph-decoys.md): aligned, opposite and partially aligned
// preferences on a toy game whose equilibria are worked out by hand below, and opposite
// preferences against the zero-sum reachability game on random graphs.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include <eqlab/algorithms/graph/attractor.hpp>
#include <eqlab/algorithms/graph/preference_equilibria.hpp>
#include <eqlab/games/graph/random_graph.hpp>
#include <eqlab/lib/rng.hpp>

using namespace eqlab;

namespace {

constexpr GoalClass kNone = 0, kA = 1, kB = 2, kAB = 3;

// Goal k: "eventually the label", for each label.
std::vector<GoalAutomaton> eventually(const std::vector<std::string>& labels) {
  std::vector<GoalAutomaton> goals;
  for (const std::string& l : labels) {
    GoalAutomaton a;
    a.name = "reach_" + l;
    a.states = {"wait", "done"};
    a.accepting = {0, 1};
    a.transitions = {{{{l}, {}, 1}}, {}};
    goals.push_back(a);
  }
  return goals;
}

// s (P1, start) -> a or b. a (P2, label A) -> end_a (class {A}) or ab (label B: class
// {A, B}); b (P2, label B) -> end_b (class {B}). The three sinks loop.
TurnGame toy() {
  TurnGameBuilder b("toy");
  auto vertex = [&](const char* name, GraphPlayer owner, std::vector<std::string> labels, bool init = false) {
    GraphVertexSpec v;
    v.name = name;
    v.owner = owner;
    v.labels = std::move(labels);
    v.initial = init;
    return b.add_vertex(std::move(v));
  };
  const int s = vertex("s", GraphPlayer::defender, {}, true);
  const int a = vertex("a", GraphPlayer::attacker, {"A"});
  const int bb = vertex("b", GraphPlayer::attacker, {"B"});
  const int end_a = vertex("end_a", GraphPlayer::defender, {});
  const int ab = vertex("ab", GraphPlayer::defender, {"B"});
  const int end_b = vertex("end_b", GraphPlayer::defender, {});
  b.add_edge(s, a);
  b.add_edge(s, bb);
  b.add_edge(a, end_a);
  b.add_edge(a, ab);
  b.add_edge(bb, end_b);
  for (int v : {end_a, ab, end_b}) b.add_edge(v, v);
  return std::move(b).build();
}

ClassPreference prefer(std::vector<std::pair<GoalClass, GoalClass>> pairs) {
  return ClassPreference(std::move(pairs), "", {"reach_A", "reach_B"});
}

std::set<GoalClass> equilibria(const EquilibriumReport& r) {
  std::set<GoalClass> out;
  for (const OutcomeReport& o : r.outcomes)
    if (o.equilibrium) out.insert(o.outcome);
  return out;
}

const OutcomeReport& outcome(const EquilibriumReport& r, GoalClass c) {
  for (const OutcomeReport& o : r.outcomes)
    if (o.outcome == c) return o;
  FAIL("no outcome " << c);
  return r.outcomes.front();
}

}  // namespace

TEST_CASE("preference equilibria: the toy game with aligned, opposite and partially aligned preferences") {
  const TurnGame g = toy();
  const ProductGame p = build_product(g, eventually({"A", "B"}));
  REQUIRE(p.initial.size() == 1);
  const int x0 = p.initial[0];

  SUBCASE("aligned: both prefer {A,B} to {A} and to {B}, each to {}") {
    // {A,B}: nobody can do better, and s -> a -> ab gets it. {A}: a play ending there
    // passes a, where P2 can force {A,B}. {B}: P1 sends the play to b; P2 cannot improve
    // there, and a deviation of P1 to a is punished with end_a, {A}, which P1 cannot
    // compare with {B}. So the equilibria are {A,B} and {B}; only {A,B} is Pareto efficient.
    const auto shared = prefer({{kAB, kA}, {kAB, kB}, {kA, kNone}, {kB, kNone}});
    const ClassPreference prefs[2] = {shared, shared};
    const EquilibriumReport r = analyse_equilibria(p, prefs, x0);
    CHECK(r.outcomes.size() == 3);
    CHECK(equilibria(r) == std::set<GoalClass>{kAB, kB});
    CHECK(outcome(r, kAB).pareto_efficient);
    CHECK_FALSE(outcome(r, kB).pareto_efficient);
    CHECK_FALSE(outcome(r, kA).pareto_efficient);
    CHECK(outcome(r, kA).reason.find("passes a state") != std::string::npos);
    // The witness of {A,B}: s, a, ab, then ab forever.
    const OutcomeReport& w = outcome(r, kAB);
    REQUIRE(w.witness.size() == 3);
    CHECK(g.vertex_name(p.vertex[w.witness[0]]) == "s");
    CHECK(g.vertex_name(p.vertex[w.witness[1]]) == "a");
    CHECK(g.vertex_name(p.vertex[w.witness[2]]) == "ab");
    CHECK(w.cycle_start == 2);
    // P1 guarantees {A} (go to a) and {B} (go to b), incomparable; P2 guarantees {B}
    // (at a it can always add B).
    CHECK(std::set<GoalClass>(r.guaranteed[0].begin(), r.guaranteed[0].end()) == std::set<GoalClass>{kA, kB});
    CHECK(r.guaranteed[1] == std::vector<GoalClass>{kB});
  }

  SUBCASE("opposite: P1 ranks the classes the other way round") {
    // {A,B}: P1 forces {B} by going to b. {A}: passes a, where P2 forces {A,B}. {B}: P1
    // cannot force {} (no play has it), P2 cannot force {A,B} from s or b. Only {B}.
    const ClassPreference prefs[2] = {prefer({{kNone, kA}, {kNone, kB}, {kA, kAB}, {kB, kAB}}),
                                      prefer({{kAB, kA}, {kAB, kB}, {kA, kNone}, {kB, kNone}})};
    const EquilibriumReport r = analyse_equilibria(p, prefs, x0);
    CHECK(equilibria(r) == std::set<GoalClass>{kB});
    CHECK(outcome(r, kAB).reason == "P1 can force from the start an outcome it strictly prefers");
  }

  SUBCASE("partially aligned: P1 only prefers {A} to {B}, P2 only {A,B} to {A}") {
    // {A,B}: neither can force anything it strictly prefers: an equilibrium. {A}: passes
    // a, where P2 forces {A,B}. {B}: P1 would prefer {A} but cannot force it (at a, P2
    // may add B), and P2 prefers nothing to {B}: an equilibrium.
    const ClassPreference prefs[2] = {prefer({{kA, kB}}), prefer({{kAB, kA}})};
    const EquilibriumReport r = analyse_equilibria(p, prefs, x0);
    CHECK(equilibria(r) == std::set<GoalClass>{kAB, kB});
    // {A} is Pareto efficient: P2 prefers {A,B} to it, but P1 does not compare the two,
    // so {A,B} does not dominate it.
    CHECK(outcome(r, kA).pareto_efficient);
  }
}

TEST_CASE("preference equilibria: opposite preferences over reaching a target are the zero-sum reachability game") {
  // P2's one goal is to reach a target; P2 prefers achieving it, P1 not. The equilibrium
  // outcome is "reached" exactly from the attacker's winning region Attr2(F).
  int agree = 0, reached = 0;
  for (std::uint64_t seed = 0; seed < 60; ++seed) {
    RngStream rng(seed, 7);
    const int n = 6 + static_cast<int>(rng.below(20));
    TurnGame plain = make_random_graph({n, 3, 2, seed});
    // The same graph with the targets labelled and one start vertex.
    TurnGameBuilder b("labelled");
    const int start = static_cast<int>(rng.below(static_cast<std::uint64_t>(n)));
    for (int v = 0; v < n; ++v) {
      GraphVertexSpec spec;
      spec.name = plain.vertex_name(v);
      spec.owner = plain.owner(v);
      if (plain.is_target(v)) spec.labels = {"T"};
      spec.initial = v == start;
      b.add_vertex(std::move(spec));
    }
    for (int v = 0; v < n; ++v)
      for (std::size_t e = plain.out_begin(v); e < plain.out_end(v); ++e)
        b.add_edge(v, plain.edge_target(e), plain.edge_action(e));
    const TurnGame g = std::move(b).build();
    const ProductGame p = build_product(g, eventually({"T"}));
    const ClassPreference prefs[2] = {ClassPreference({{0, 1}}, "", {"reach_T"}),
                                      ClassPreference({{1, 0}}, "", {"reach_T"})};
    const EquilibriumReport r = analyse_equilibria(p, prefs, p.initial[0]);
    const bool attacker_wins = solve_reachability(plain).win2[start] != 0;
    const std::set<GoalClass> expected{attacker_wins ? GoalClass{1} : GoalClass{0}};
    CAPTURE(seed);
    CHECK(equilibria(r) == expected);
    agree += equilibria(r) == expected;
    reached += attacker_wins;
  }
  CHECK(agree == 60);
  CHECK(reached > 5);       // both cases occur
  CHECK(reached < 55);
}

TEST_CASE("preference equilibria: with aligned preferences every Pareto-efficient outcome is an equilibrium") {
  for (std::uint64_t seed = 0; seed < 40; ++seed) {
    RngStream rng(seed, 11);
    const int n = 8 + static_cast<int>(rng.below(16));
    TurnGameBuilder b("random");
    for (int v = 0; v < n; ++v) {
      GraphVertexSpec spec;
      spec.name = "v" + std::to_string(v);
      spec.owner = rng.below(2) ? GraphPlayer::attacker : GraphPlayer::defender;
      for (const char* l : {"A", "B", "C"})
        if (rng.below(5) == 0) spec.labels.push_back(l);
      spec.initial = v == 0;
      b.add_vertex(std::move(spec));
    }
    for (int v = 0; v < n; ++v)
      for (int k = 0, edges = 1 + static_cast<int>(rng.below(3)); k < edges; ++k)
        b.add_edge(v, static_cast<int>(rng.below(static_cast<std::uint64_t>(n))), "e" + std::to_string(k));
    const TurnGame g = std::move(b).build();
    const ProductGame p = build_product(g, eventually({"A", "B", "C"}));
    // Aligned: both prefer a strict superset of goals (the ∀∃ lifting of equal goals).
    std::vector<std::pair<GoalClass, GoalClass>> pairs;
    for (GoalClass x = 0; x < 8; ++x)
      for (GoalClass y = 0; y < 8; ++y)
        if (x != y && (x & y) == y) pairs.push_back({x, y});
    const ClassPreference shared(pairs, "", {"reach_A", "reach_B", "reach_C"});
    const ClassPreference prefs[2] = {shared, shared};
    const EquilibriumReport r = analyse_equilibria(p, prefs, p.initial[0]);
    CAPTURE(seed);
    REQUIRE(!r.outcomes.empty());
    for (const OutcomeReport& o : r.outcomes)
      if (o.pareto_efficient) CHECK(o.equilibrium);
  }
}

TEST_CASE("preference equilibria: forcing a final class that is not upward closed (co-Büchi)") {
  // x [A] -> y [B] -> z [C], z loops; the classes along the play are {A}, {A,B},
  // {A,B,C}. Player P1 wants the final class in {{A}, {A,B,C}}, which y is not in: the
  // play passes a bad class and ends in a good one.
  for (const bool y_may_stall : {false, true}) {
    TurnGameBuilder b("wiggle");
    auto vertex = [&](const char* name, std::vector<std::string> labels, bool init) {
      GraphVertexSpec v;
      v.name = name;
      v.owner = GraphPlayer::attacker;  // P1's opponent moves everywhere
      v.labels = std::move(labels);
      v.initial = init;
      return b.add_vertex(std::move(v));
    };
    const int x = vertex("x", {"A"}, true), y = vertex("y", {"B"}, false), z = vertex("z", {"C"}, false);
    b.add_edge(x, y);
    b.add_edge(y, z);
    if (y_may_stall) b.add_edge(y, y);  // the opponent can keep the class at {A,B} for ever
    b.add_edge(z, z);
    const ProductGame p = build_product(std::move(b).build(), eventually({"A", "B", "C"}));
    const std::vector<std::uint8_t> wins = force_final_class(
        p, GraphPlayer::defender, [](GoalClass c) { return c == GoalClass{1} || c == GoalClass{7}; });
    CAPTURE(y_may_stall);
    CHECK(wins[p.game.find_vertex("z|done,done,done")] == 1);
    CHECK(wins[p.game.find_vertex("x|done,wait,wait")] == (y_may_stall ? 0 : 1));
    CHECK(wins[p.game.find_vertex("y|done,done,wait")] == (y_may_stall ? 0 : 1));
  }
}

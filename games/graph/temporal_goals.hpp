#pragma once
// Temporal goals over the labels of a graph game's vertices, and the players' incomplete
// preferences over which goals a play achieves (docs/algorithms/graph-decoys.md).
//
// A goal is a deterministic automaton read along a play, one letter per visited vertex:
// the set of the vertex's labels. A transition fires when the letter holds all of its
// `if` labels and none of its `unless` labels; the first such transition of a state (in
// file order) applies, and a state stays put when none does, so the automaton is
// deterministic by construction. Goals are co-safety: once accepting, always accepting
// (every transition out of an accepting state must stay accepting), so the set of goals a
// play has achieved only grows and every play has a final one, its outcome class.
//
// A class is a set of goals (a bitmask over the file's goal list). Each player's
// preference is a list of strict pairs "class A is better than class B"; its transitive
// closure must be acyclic, and classes it does not relate are incomparable.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace eqlab {

using GoalClass = std::uint32_t;  // bit k: goal k achieved (at most 32 goals)

struct GoalAutomaton {
  struct Transition {
    std::vector<std::string> required, forbidden;  // sorted
    int to = 0;
  };
  std::string name;
  std::vector<std::string> states;
  int initial = 0;
  std::vector<std::uint8_t> accepting;
  std::vector<std::vector<Transition>> transitions;  // per state, in file order

  // The state after reading a vertex with these labels (sorted).
  int step(int state, const std::vector<std::string>& labels) const;
};

class ClassPreference {
 public:
  ClassPreference() = default;
  // Throws InputError("", pointer, ...) with pointer `at` when the strict part has a cycle.
  ClassPreference(std::vector<std::pair<GoalClass, GoalClass>> strict_pairs, const std::string& at,
                  const std::vector<std::string>& goal_names);

  bool strictly_better(GoalClass a, GoalClass b) const;  // a ≻ b
  bool at_least(GoalClass a, GoalClass b) const { return a == b || strictly_better(a, b); }  // a ⪰ b
  bool incomparable(GoalClass a, GoalClass b) const { return !at_least(a, b) && !at_least(b, a); }
  const std::vector<std::pair<GoalClass, GoalClass>>& pairs() const { return pairs_; }

 private:
  std::vector<std::pair<GoalClass, GoalClass>> pairs_;
  std::vector<GoalClass> classes_;               // every class the pairs mention
  std::vector<std::vector<std::uint8_t>> above_;  // above_[i][j]: classes_[i] ≻ classes_[j]
  int index_of(GoalClass c) const;
};

// A goals file, "eqlab-goals/1": {"goals": [automaton, ...], "preferences": [P1, P2]} or,
// for several alignment cases, "cases": [{"name": ..., "preferences": [P1, P2]}, ...].
// An automaton: {"name", "states": [..], "initial": s, "accepting": [..], "transitions":
// [{"from": s, "to": s, "if": [labels], "unless": [labels]}, ...]}. A preference:
// {"better": [[[goals of A], [goals of B]], ...]}: class A (exactly these goals) ≻ class B.
struct PreferenceCase {
  std::string name;
  ClassPreference player[2];
};

struct GoalSpec {
  std::vector<GoalAutomaton> goals;
  std::vector<PreferenceCase> cases;
  std::string class_name(GoalClass c) const;  // "{deliver, return}"
};

// Throws InputError(file, JSON pointer, what).
GoalSpec parse_goal_spec(const nlohmann::json& doc, const std::string& file);
GoalSpec load_goal_spec(const std::string& path);

}  // namespace eqlab

#include <eqlab/games/graph/temporal_goals.hpp>

#include <algorithm>

#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/io/json_reading.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace jr = json_reading;
using json = nlohmann::json;

namespace {

bool holds(const std::vector<std::string>& labels, const std::vector<std::string>& required,
           const std::vector<std::string>& forbidden) {
  for (const std::string& l : required)
    if (!std::binary_search(labels.begin(), labels.end(), l)) return false;
  for (const std::string& l : forbidden)
    if (std::binary_search(labels.begin(), labels.end(), l)) return false;
  return true;
}

int state_index(const GoalAutomaton& a, const json& j, const std::string& pointer) {
  const std::string& name = jr::read_label(j, pointer, "a state of the automaton");
  const auto it = std::find(a.states.begin(), a.states.end(), name);
  if (it == a.states.end()) jr::fail(pointer, "unknown state '" + name + "' of goal '" + a.name + "'");
  return static_cast<int>(it - a.states.begin());
}

std::vector<std::string> sorted_labels(const json& object, const char* key, const std::string& pointer) {
  if (!object.contains(key)) return {};
  std::vector<std::string> labels = jr::read_labels(object[key], jr::child_pointer(pointer, key), "a label");
  std::sort(labels.begin(), labels.end());
  return labels;
}

GoalAutomaton parse_automaton(const json& j, const std::string& at) {
  if (!j.is_object()) jr::fail(at, "expected a goal automaton (an object), got " + jr::type_name(j));
  jr::check_members(j, at, {"name", "states", "initial", "accepting", "transitions"}, "a goal automaton");
  GoalAutomaton a;
  a.name = jr::read_label(jr::require(j, "name", at, "the goal's name"), jr::child_pointer(at, "name"), "a name");
  a.states = jr::read_labels(jr::require_array(j, "states", at, "the automaton's states"),
                             jr::child_pointer(at, "states"), "a state");
  if (a.states.empty()) jr::fail(jr::child_pointer(at, "states"), "a goal automaton needs at least one state");
  a.initial = state_index(a, jr::require(j, "initial", at, "the initial state"), jr::child_pointer(at, "initial"));
  a.accepting.assign(a.states.size(), 0);
  const json& accepting = jr::require_array(j, "accepting", at, "the accepting states");
  for (std::size_t k = 0; k < accepting.size(); ++k)
    a.accepting[state_index(a, accepting[k], jr::child_pointer(jr::child_pointer(at, "accepting"), k))] = 1;
  a.transitions.resize(a.states.size());
  const json& transitions = jr::require_array(j, "transitions", at, "the transitions");
  for (std::size_t k = 0; k < transitions.size(); ++k) {
    const std::string tp = jr::child_pointer(jr::child_pointer(at, "transitions"), k);
    const json& t = transitions[k];
    if (!t.is_object()) jr::fail(tp, "expected a transition {\"from\", \"to\", \"if\", \"unless\"}");
    jr::check_members(t, tp, {"from", "to", "if", "unless"}, "a transition");
    const int from = state_index(a, jr::require(t, "from", tp, "the source state"), jr::child_pointer(tp, "from"));
    GoalAutomaton::Transition tr;
    tr.to = state_index(a, jr::require(t, "to", tp, "the target state"), jr::child_pointer(tp, "to"));
    tr.required = sorted_labels(t, "if", tp);
    tr.forbidden = sorted_labels(t, "unless", tp);
    if (a.accepting[from] && !a.accepting[tr.to])
      jr::fail(tp, "goal '" + a.name + "' leaves its accepting state '" + a.states[from] +
                       "': goals must be co-safety (once achieved, achieved for ever)");
    a.transitions[from].push_back(std::move(tr));
  }
  return a;
}

// The class written as a list of goal names.
GoalClass parse_class(const json& j, const std::string& pointer, const std::vector<GoalAutomaton>& goals) {
  if (!j.is_array()) jr::fail(pointer, "expected a class: the list of goals it achieves, got " + jr::type_name(j));
  GoalClass c = 0;
  for (std::size_t k = 0; k < j.size(); ++k) {
    const std::string p = jr::child_pointer(pointer, k);
    const std::string& name = jr::read_label(j[k], p, "a goal's name");
    const auto it = std::find_if(goals.begin(), goals.end(), [&](const GoalAutomaton& g) { return g.name == name; });
    if (it == goals.end()) jr::fail(p, "unknown goal '" + name + "'");
    const GoalClass bit = GoalClass{1} << (it - goals.begin());
    if (c & bit) jr::fail(p, "goal '" + name + "' is listed twice");
    c |= bit;
  }
  return c;
}

ClassPreference parse_preference(const json& j, const std::string& at, const std::vector<GoalAutomaton>& goals) {
  if (!j.is_object()) jr::fail(at, "expected a preference {\"better\": [[A, B], ...]}, got " + jr::type_name(j));
  jr::check_members(j, at, {"better"}, "a preference");
  std::vector<std::pair<GoalClass, GoalClass>> pairs;
  if (j.contains("better")) {
    const std::string bp = jr::child_pointer(at, "better");
    if (!j["better"].is_array()) jr::fail(bp, "expected an array of [better class, worse class] pairs");
    for (std::size_t k = 0; k < j["better"].size(); ++k) {
      const std::string p = jr::child_pointer(bp, k);
      const json& pair = j["better"][k];
      if (!pair.is_array() || pair.size() != 2) jr::fail(p, "expected [better class, worse class]");
      pairs.push_back({parse_class(pair[0], jr::child_pointer(p, 0), goals), parse_class(pair[1], jr::child_pointer(p, 1), goals)});
      if (pairs.back().first == pairs.back().second) jr::fail(p, "a class cannot be strictly better than itself");
    }
  }
  std::vector<std::string> names;
  for (const GoalAutomaton& g : goals) names.push_back(g.name);
  return ClassPreference(std::move(pairs), jr::child_pointer(at, "better"), names);
}

std::vector<PreferenceCase> parse_cases(const json& doc, const std::vector<GoalAutomaton>& goals) {
  auto players = [&](const json& list, const std::string& pointer) {
    if (!list.is_array() || list.size() != 2)
      jr::fail(pointer, "expected two preferences: the defender's (P1) and the attacker's (P2)");
    PreferenceCase c;
    for (int i = 0; i < 2; ++i) c.player[i] = parse_preference(list[i], jr::child_pointer(pointer, i), goals);
    return c;
  };
  std::vector<PreferenceCase> cases;
  if (doc.contains("preferences") == doc.contains("cases"))
    jr::fail("", "give either \"preferences\" (one case) or \"cases\" (several)");
  if (doc.contains("preferences")) {
    cases.push_back(players(doc["preferences"], "/preferences"));
    cases.back().name = "default";
    return cases;
  }
  const json& list = doc["cases"];
  if (!list.is_array() || list.empty()) jr::fail("/cases", "expected a non-empty array of cases");
  for (std::size_t k = 0; k < list.size(); ++k) {
    const std::string p = jr::child_pointer("/cases", k);
    if (!list[k].is_object()) jr::fail(p, "expected {\"name\": ..., \"preferences\": [P1, P2]}");
    jr::check_members(list[k], p, {"name", "preferences"}, "a case");
    PreferenceCase c = players(jr::require(list[k], "preferences", p, "the players' preferences"),
                               jr::child_pointer(p, "preferences"));
    c.name = jr::read_label(jr::require(list[k], "name", p, "the case's name"), jr::child_pointer(p, "name"), "a name");
    for (const PreferenceCase& other : cases)
      if (other.name == c.name) jr::fail(jr::child_pointer(p, "name"), "duplicate case name '" + c.name + "'");
    cases.push_back(std::move(c));
  }
  return cases;
}

}  // namespace

int GoalAutomaton::step(int state, const std::vector<std::string>& labels) const {
  for (const Transition& t : transitions[state])
    if (holds(labels, t.required, t.forbidden)) return t.to;
  return state;
}

ClassPreference::ClassPreference(std::vector<std::pair<GoalClass, GoalClass>> strict_pairs, const std::string& at,
                                 const std::vector<std::string>& goal_names)
    : pairs_(std::move(strict_pairs)) {
  for (const auto& [a, b] : pairs_)
    for (GoalClass c : {a, b})
      if (index_of(c) < 0) classes_.push_back(c);
  const std::size_t n = classes_.size();
  above_.assign(n, std::vector<std::uint8_t>(n, 0));
  for (const auto& [a, b] : pairs_) above_[index_of(a)][index_of(b)] = 1;
  // Transitive closure (Floyd-Warshall on booleans: the classes named are few).
  for (std::size_t k = 0; k < n; ++k)
    for (std::size_t i = 0; i < n; ++i)
      if (above_[i][k])
        for (std::size_t j = 0; j < n; ++j)
          if (above_[k][j]) above_[i][j] = 1;
  for (std::size_t i = 0; i < n; ++i)
    if (above_[i][i]) {
      std::string name = "{";
      for (std::size_t g = 0; g < goal_names.size(); ++g)
        if (classes_[i] >> g & 1) name += (name.size() > 1 ? ", " : "") + goal_names[g];
      throw InputError("", at, "the strict preferences have a cycle through class " + name + "}");
    }
}

int ClassPreference::index_of(GoalClass c) const {
  const auto it = std::find(classes_.begin(), classes_.end(), c);
  return it == classes_.end() ? -1 : static_cast<int>(it - classes_.begin());
}

bool ClassPreference::strictly_better(GoalClass a, GoalClass b) const {
  const int i = index_of(a), j = index_of(b);
  return i >= 0 && j >= 0 && above_[i][j];
}

std::string GoalSpec::class_name(GoalClass c) const {
  std::string name = "{";
  for (std::size_t g = 0; g < goals.size(); ++g)
    if (c >> g & 1) name += (name.size() > 1 ? ", " : "") + goals[g].name;
  return name + "}";
}

GoalSpec parse_goal_spec(const json& doc, const std::string& file) {
  try {
    if (!doc.is_object()) jr::fail("", "a goals file is a JSON object");
    jr::check_members(doc, "", {"format", "goals", "preferences", "cases"}, "a goals file");
    if (doc.contains("format") && doc["format"] != "eqlab-goals/1")
      jr::fail("/format", "expected \"eqlab-goals/1\"");
    GoalSpec spec;
    const json& goals = jr::require_array(doc, "goals", "", "the goals");
    if (goals.empty() || goals.size() > 32) jr::fail("/goals", "expected 1 to 32 goal automata");
    for (std::size_t k = 0; k < goals.size(); ++k) {
      spec.goals.push_back(parse_automaton(goals[k], jr::child_pointer("/goals", k)));
      for (std::size_t other = 0; other + 1 < spec.goals.size(); ++other)
        if (spec.goals[other].name == spec.goals.back().name)
          jr::fail(jr::child_pointer(jr::child_pointer("/goals", k), "name"),
                   "duplicate goal name '" + spec.goals.back().name + "'");
    }
    spec.cases = parse_cases(doc, spec.goals);
    return spec;
  } catch (const InputError& e) {
    throw e.file().empty() ? e.in_file(file) : e;
  }
}

GoalSpec load_goal_spec(const std::string& path) {
  return parse_goal_spec(jr::parse_document(read_input_file(path), path, {}), path);
}

}  // namespace eqlab

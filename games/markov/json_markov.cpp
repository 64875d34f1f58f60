#include <eqlab/games/markov/json_markov.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include <eqlab/games/io/json_reading.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/json_limits.hpp>
#include <eqlab/lib/number.hpp>

namespace eqlab {

using nlohmann::json;

namespace {

using namespace json_reading;

const char* kAnyAction = "*";
constexpr int kWildcard = -1;
// How many labels an "unknown label" message lists before it stops.
constexpr std::size_t kLabelsListed = 10;

std::string json_quoted(const std::string& s) { return json(s).dump(); }

std::string list_labels(const std::vector<std::string>& labels) {
  std::string out;
  for (std::size_t k = 0; k < labels.size() && k < kLabelsListed; ++k) out += (k ? ", " : "") + labels[k];
  if (labels.size() > kLabelsListed) out += ", ... (" + std::to_string(labels.size()) + " in all)";
  return out;
}

using LabelIndex = std::unordered_map<std::string, int>;

LabelIndex index_of(const std::vector<std::string>& labels) {
  LabelIndex index;
  for (std::size_t k = 0; k < labels.size(); ++k) index.emplace(labels[k], static_cast<int>(k));
  return index;
}

// An object {state label: probability}; rationals must sum to 1 exactly, decimals within
// 1e-9 (the rule of chance nodes). Zero probabilities are dropped.
std::vector<StateProb> read_state_distribution(const json& j, const std::string& pointer,
                                               const std::vector<std::string>& states, const LabelIndex& index,
                                               const char* what) {
  if (!j.is_object())
    fail(pointer, std::string("expected an object {state: probability} (") + what + "), got " + type_name(j));
  std::vector<StateProb> out;
  Number sum = Number::integer(0);
  bool any_decimal = false;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string p = child_pointer(pointer, it.key());
    auto s = index.find(it.key());
    if (s == index.end()) fail(p, "unknown state " + json_quoted(it.key()) + " (the states are " + list_labels(states) + ")");
    const json& v = it.value();
    any_decimal = any_decimal || v.is_number_float() ||
                  (v.is_string() && v.get<std::string>().find_first_of(".eE") != std::string::npos);
    const Number q = read_number(v, p, "a probability");
    if (q.value < 0.0) fail(p, "a probability must be >= 0, got " + q.to_string());
    sum = add(sum, q);
    if (q.value > 0.0) out.push_back({s->second, q.value});
  }
  if (!any_decimal && !sum.exact)
    fail(pointer, "the exact sum of these probabilities does not fit in 64-bit rationals, so it cannot be "
                  "checked; use smaller denominators");
  const bool exactly_one = sum.exact && sum.num == 1 && sum.den == 1;
  const bool ok = exactly_one || ((any_decimal || !sum.exact) && std::fabs(sum.value - 1.0) <= 1e-9);
  if (!ok) fail(pointer, std::string(what) + ": probabilities must sum to 1, they sum to " + sum.to_string());
  return out;
}

struct Header {
  std::vector<std::string> players;
  int horizon = 1;
  std::vector<std::string> states;
  std::vector<std::vector<std::string>> actions;
  double lo = 0.0, hi = 1.0;
  std::string lo_text = "0", hi_text = "1";  // as written, for messages
};

// One transition entry, resolved to indices.
struct Entry {
  int state = 0;
  std::vector<int> actions;  // kWildcard for "*"
  int step = kWildcard;      // 0-based, or kWildcard when absent
  std::vector<double> rewards;
  std::vector<StateProb> next;
};

Entry read_entry(const json& j, const std::string& pointer, const Header& g, const LabelIndex& state_index,
                 const std::vector<LabelIndex>& action_index) {
  const std::size_t m = g.players.size();
  if (!j.is_object()) fail(pointer, "expected a transition entry (an object), got " + type_name(j));
  check_members(j, pointer, {"state", "actions", "step", "next", "rewards"}, "a transition entry");
  Entry e;
  const std::string& state = read_label(require(j, "state", pointer, "a state label"), child_pointer(pointer, "state"),
                                        "a state label");
  auto s = state_index.find(state);
  if (s == state_index.end())
    fail(child_pointer(pointer, "state"), "unknown state " + json_quoted(state) + " (the states are " + list_labels(g.states) + ")");
  e.state = s->second;

  const json& actions = require_array(j, "actions", pointer, "one action label or \"*\" per player");
  const std::string ap = child_pointer(pointer, "actions");
  if (actions.size() != m)
    fail(ap, "expected " + std::to_string(m) + " actions (one per player), got " + std::to_string(actions.size()));
  for (std::size_t i = 0; i < m; ++i) {
    const std::string& label = read_label(actions[i], child_pointer(ap, i), "an action label or \"*\"");
    if (label == kAnyAction) {
      e.actions.push_back(kWildcard);
      continue;
    }
    auto a = action_index[i].find(label);
    if (a == action_index[i].end())
      fail(child_pointer(ap, i), "unknown action " + json_quoted(label) + " of player " + json_quoted(g.players[i]) +
                             " (the actions are " + list_labels(g.actions[i]) + ", or \"*\")");
    e.actions.push_back(a->second);
  }

  if (auto step = j.find("step"); step != j.end()) {
    const std::string sp = child_pointer(pointer, "step");
    if (!step->is_number_integer() || step->get<std::int64_t>() < 1 || step->get<std::int64_t>() > g.horizon)
      fail(sp, "expected a step 1.." + std::to_string(g.horizon) + " (an integer), got " + describe_json_value(*step));
    e.step = static_cast<int>(step->get<std::int64_t>()) - 1;
  }

  e.next = read_state_distribution(require(j, "next", pointer, "the next-state distribution"), child_pointer(pointer, "next"),
                                   g.states, state_index, "the next-state distribution");

  const json& rewards = require_array(j, "rewards", pointer, "one reward per player");
  const std::string rp = child_pointer(pointer, "rewards");
  if (rewards.size() != m)
    fail(rp, "expected " + std::to_string(m) + " rewards (one per player), got " + std::to_string(rewards.size()));
  for (std::size_t i = 0; i < m; ++i) {
    const Number r = read_number(rewards[i], child_pointer(rp, i), "a reward");
    if (r.value < g.lo || r.value > g.hi)
      fail(child_pointer(rp, i), "reward " + r.to_string() + " is outside reward_range [" + g.lo_text + ", " + g.hi_text + "]");
    e.rewards.push_back(r.value);
  }
  return e;
}

// Gives every still unset cell that the entry matches the entry's outcome: earlier
// entries already set theirs, which is "the first matching entry wins".
void assign_cells(MarkovGame& game, const Entry& e, std::uint32_t outcome) {
  const int m = game.num_players();
  std::size_t fixed = 0;
  std::vector<int> free_players;
  for (int i = 0; i < m; ++i) {
    if (e.actions[i] == kWildcard) free_players.push_back(i);
    else fixed += static_cast<std::size_t>(e.actions[i]) * game.stride(i);
  }
  const int first_step = e.step == kWildcard ? 0 : e.step;
  const int last_step = e.step == kWildcard ? game.horizon() - 1 : e.step;
  for (int h = first_step; h <= last_step; ++h) {
    std::vector<int> digit(free_players.size(), 0);
    while (true) {
      std::size_t joint = fixed;
      for (std::size_t k = 0; k < free_players.size(); ++k)
        joint += static_cast<std::size_t>(digit[k]) * game.stride(free_players[k]);
      if (game.cell(h, e.state, joint) == MarkovGame::kUnset) game.set_cell(h, e.state, joint, outcome);
      std::size_t k = free_players.size();
      for (; k-- > 0;) {
        if (++digit[k] < game.num_actions(free_players[k])) break;
        digit[k] = 0;
      }
      if (k == static_cast<std::size_t>(-1)) break;
    }
  }
}

MarkovGame parse_document(const json& doc, const std::string& file) {
  check_game_format(doc);
  check_game_type(doc, "markov");
  check_members(doc, "",
                {"format", "type", "players", "name", "description", "horizon", "states", "actions", "initial",
                 "reward_range", "transitions", "reward_features"},
                "a markov game");
  check_name_and_description(doc);
  std::string name = doc.value("name", std::string());
  if (name.empty()) {
    const auto slash = file.find_last_of('/');
    name = slash == std::string::npos ? file : file.substr(slash + 1);
  }

  Header g;
  const json& players = require_array(doc, "players", "", "player names");
  if (players.empty()) fail("/players", "a game needs at least one player");
  g.players = read_labels(players, "/players", "player name");
  const std::size_t m = g.players.size();

  const json& horizon = require(doc, "horizon", "", "the number of steps H >= 1");
  if (!horizon.is_number_integer() || horizon.get<std::int64_t>() < 1)
    fail("/horizon", "expected an integer H >= 1, got " + describe_json_value(horizon));
  if (horizon.get<std::int64_t>() > static_cast<std::int64_t>(kMaxMarkovCells))
    fail("/horizon", "a horizon of " + describe_json_value(horizon) + " steps is more than a table can hold (at most " +
                         std::to_string(kMaxMarkovCells) + " cells)");
  g.horizon = static_cast<int>(horizon.get<std::int64_t>());

  const json& states = require_array(doc, "states", "", "state labels");
  if (states.empty()) fail("/states", "a game needs at least one state");
  g.states = read_labels(states, "/states", "state label");

  const json& actions = require_array(doc, "actions", "", "one array of action labels per player");
  if (actions.size() != m)
    fail("/actions", "expected " + std::to_string(m) + " action lists (one per player), got " +
                         std::to_string(actions.size()));
  std::size_t cells = static_cast<std::size_t>(g.horizon);
  cells = states.size() > kMaxMarkovCells / cells ? kMaxMarkovCells + 1 : cells * states.size();
  for (std::size_t i = 0; i < m; ++i) {
    const std::string p = child_pointer("/actions", i);
    if (!actions[i].is_array()) fail(p, "expected an array of action labels, got " + type_name(actions[i]));
    if (actions[i].empty()) fail(p, "player " + json_quoted(g.players[i]) + " needs at least one action");
    g.actions.push_back(read_labels(actions[i], p, "action label"));
    for (std::size_t k = 0; k < g.actions.back().size(); ++k)
      if (g.actions.back()[k] == kAnyAction)
        fail(child_pointer(p, k), "\"*\" cannot be an action label: in transitions it means any action");
    cells = actions[i].size() > kMaxMarkovCells / std::max<std::size_t>(cells, 1) ? kMaxMarkovCells + 1
                                                                                   : cells * actions[i].size();
  }
  if (cells > kMaxMarkovCells)
    fail("/actions", "the game has more than " + std::to_string(kMaxMarkovCells) +
                         " (step, state, joint action) cells, too many for a table");

  if (auto range = doc.find("reward_range"); range != doc.end()) {
    if (!range->is_array() || range->size() != 2)
      fail("/reward_range", "expected [lo, hi], got " + describe_json_value(*range));
    const Number lo = read_number((*range)[0], "/reward_range/0", "a number");
    const Number hi = read_number((*range)[1], "/reward_range/1", "a number");
    if (!(lo.value < hi.value))
      fail("/reward_range", "expected lo < hi, got [" + lo.to_string() + ", " + hi.to_string() + "]");
    g.lo = lo.value;
    g.hi = hi.value;
    g.lo_text = lo.to_string();
    g.hi_text = hi.to_string();
  }

  const LabelIndex state_index = index_of(g.states);
  std::vector<LabelIndex> action_index;
  for (const auto& labels : g.actions) action_index.push_back(index_of(labels));

  const json& initial_json = require(doc, "initial", "", "the initial distribution {state: probability}");
  std::vector<double> initial(g.states.size(), 0.0);
  for (const StateProb& e : read_state_distribution(initial_json, "/initial", g.states, state_index,
                                                    "the initial distribution"))
    initial[e.state] = e.prob;

  const json& transitions = require_array(doc, "transitions", "", "transition entries");
  MarkovGame game(name, g.players, g.horizon, g.states, g.actions, std::move(initial), g.lo, g.hi, kMaxMarkovCells);
  for (std::size_t k = 0; k < transitions.size(); ++k) {
    const Entry e = read_entry(transitions[k], child_pointer("/transitions", k), g, state_index, action_index);
    assign_cells(game, e, game.add_outcome(e.rewards, e.next));
  }
  if (!game.complete()) {
    const MarkovGame::Cell c = game.first_unset();
    std::string joint;
    const std::vector<int> a = game.player_actions(c.joint);
    for (std::size_t i = 0; i < m; ++i) joint += (i ? ", " : "") + json_quoted(g.actions[i][a[i]]);
    fail("/transitions", "no entry matches step " + std::to_string(c.h + 1) + ", state " + json_quoted(g.states[c.s]) +
                             ", actions [" + joint + "]; every (step, state, joint action) needs a matching entry");
  }
  return game;
}

}  // namespace

MarkovGame parse_markov_game(const json& doc, const std::string& file) {
  try {
    return parse_document(doc, file);
  } catch (const InputError& e) {
    throw at_document(e, file);
  }
}

MarkovGame read_markov_game(const std::string& text, const std::string& file, const LoadLimits& limits) {
  const json doc = parse_document(text, file, limits);
  return parse_markov_game(doc, file);
}

MarkovGame load_markov_game_file(const std::string& path, const LoadLimits& limits) {
  return read_markov_game(read_input_file(path, limits), path, limits);
}

nlohmann::ordered_json markov_game_to_json(const MarkovModel& model) {
  using nlohmann::ordered_json;
  const MarkovShape& shape = model.shape();
  const int m = model.num_players(), S = model.num_states(), H = model.horizon();
  const double entries = model.joint_actions() * S * H;
  if (entries > kMaxWrittenMarkovEntries)
    throw UsageError(model.name() + " has " + std::to_string(static_cast<long long>(entries)) +
                     " (step, state, joint action) entries, too many to write as a table (at most " +
                     std::to_string(static_cast<long long>(kMaxWrittenMarkovEntries)) + ")");
  ordered_json initial = ordered_json::object();
  for (int s = 0; s < S; ++s)
    if (shape.initial[s] > 0) initial[shape.states[s]] = shape.initial[s];
  ordered_json doc = {{"format", "eqlab-game/1"}, {"type", "markov"},      {"name", shape.name},
                      {"players", shape.players}, {"horizon", H},          {"states", shape.states},
                      {"actions", shape.actions}, {"initial", initial},
                      {"reward_range", {shape.reward_lo, shape.reward_hi}}};
  ordered_json transitions = ordered_json::array();
  std::vector<int> a(static_cast<std::size_t>(m), 0);
  std::vector<double> rewards(static_cast<std::size_t>(m)), next(static_cast<std::size_t>(S));
  for (int h = 0; h < H; ++h)
    for (int s = 0; s < S; ++s) {
      std::fill(a.begin(), a.end(), 0);
      do {
        ordered_json labels = ordered_json::array();
        for (int i = 0; i < m; ++i) labels.push_back(shape.actions[i][a[i]]);
        model.rewards(h, s, a, rewards);
        ordered_json rewards_json = ordered_json::array();
        for (double r : rewards) rewards_json.push_back(shape.reward_lo + r * model.reward_scale());
        ordered_json next_json = ordered_json::object();
        if (h + 1 < H) {
          model.next_distribution(h, s, a, next);
          for (int t = 0; t < S; ++t)
            if (next[t] > 0) next_json[shape.states[t]] = next[t];
        } else {
          next_json[shape.states[s]] = 1;
        }
        transitions.push_back({{"state", shape.states[s]},
                               {"actions", labels},
                               {"step", h + 1},
                               {"next", next_json},
                               {"rewards", rewards_json}});
        // The next joint action, the last player's action varying fastest.
        int i = m - 1;
        while (i >= 0 && ++a[i] == model.num_actions(i)) a[i--] = 0;
        if (i < 0) break;
      } while (true);
    }
  doc["transitions"] = std::move(transitions);
  return doc;
}

}  // namespace eqlab

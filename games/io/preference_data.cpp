#include <eqlab/games/io/preference_data.hpp>

#include <algorithm>
#include <cmath>
#include <ostream>

#include <nlohmann/json.hpp>

#include <eqlab/games/io/json_reading.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/json_limits.hpp>

namespace eqlab {

namespace {

using json_reading::child_pointer;

// {"actions": [[...], ...], "states": [...]}, written directly: datasets run to millions of
// lines, and building a JSON value per line took 2.8 s a million pairs.
void write_trajectory(std::ostream& out, int players, const PreferenceTrajectory& t) {
  out << "{\"actions\":[";
  for (std::size_t h = 0; h < t.states.size(); ++h) {
    out << (h ? ",[" : "[");
    for (int i = 0; i < players; ++i) out << (i ? "," : "") << t.actions[h * players + i];
    out << ']';
  }
  out << "],\"states\":[";
  for (std::size_t h = 0; h < t.states.size(); ++h) out << (h ? "," : "") << t.states[h];
  out << "]}";
}

// An index in [0, labels.size()) given as an integer or as one of the labels.
int read_index(const nlohmann::json& j, const std::vector<std::string>& labels, const std::string& pointer,
               const std::string& what) {
  if (j.is_number_integer() || j.is_number_unsigned()) {
    const long long i = j.get<long long>();
    if (i < 0 || i >= static_cast<long long>(labels.size()))
      json_reading::fail(pointer, what + " " + std::to_string(i) + " outside the game's " +
                                      std::to_string(labels.size()));
    return static_cast<int>(i);
  }
  if (j.is_string()) {
    for (std::size_t i = 0; i < labels.size(); ++i)
      if (labels[i] == j.get<std::string>()) return static_cast<int>(i);
    json_reading::fail(pointer, "no " + what + " \"" + j.get<std::string>() + "\" in the game");
  }
  json_reading::fail(pointer, "expected " + what + " (an index or a label), found " + json_reading::type_name(j));
}

PreferenceTrajectory read_trajectory(const nlohmann::json& j, const MarkovModel& model, const std::string& pointer) {
  if (!j.is_object()) json_reading::fail(pointer, "expected a trajectory {\"states\": [...], \"actions\": [...]}");
  json_reading::check_members(j, pointer, {"states", "actions"}, "a trajectory");
  const int H = model.horizon(), m = model.num_players();
  const nlohmann::json& states = json_reading::require_array(j, "states", pointer, "the states");
  const nlohmann::json& actions = json_reading::require_array(j, "actions", pointer, "the joint actions");
  const std::string states_at = child_pointer(pointer, "states"), actions_at = child_pointer(pointer, "actions");
  if (static_cast<int>(states.size()) != H)
    json_reading::fail(states_at, std::to_string(states.size()) + " states for a horizon of " + std::to_string(H));
  if (static_cast<int>(actions.size()) != H)
    json_reading::fail(actions_at,
                       std::to_string(actions.size()) + " joint actions for a horizon of " + std::to_string(H));
  PreferenceTrajectory t;
  for (int h = 0; h < H; ++h)
    t.states.push_back(read_index(states[h], model.shape().states, child_pointer(states_at, h), "state"));
  for (int h = 0; h < H; ++h) {
    const std::string at = child_pointer(actions_at, h);
    if (!actions[h].is_array() || static_cast<int>(actions[h].size()) != m)
      json_reading::fail(at, "expected a joint action of " + std::to_string(m) + " actions, one per player");
    for (int i = 0; i < m; ++i)
      t.actions.push_back(read_index(actions[h][i], model.shape().actions[i], child_pointer(at, i),
                                     "action of player " + model.shape().players[i]));
  }
  return t;
}

void read_header(const nlohmann::json& j, const MarkovModel& model, PreferenceDataset& data) {
  if (!j.is_object() || !j.contains("format") || j["format"] != kPreferenceFormat)
    json_reading::fail("/format", std::string("the first line must be the header {\"format\": \"") +
                                      kPreferenceFormat + "\", ...}");
  json_reading::check_members(j, "", {"format", "game", "players", "horizon", "temperature", "behaviour"},
                              "the header");
  if (j.contains("game")) data.game = json_reading::read_label(j["game"], "/game", "the game's name");
  const std::vector<std::string> players =
      json_reading::read_labels(json_reading::require_array(j, "players", "", "the players"), "/players", "a player");
  if (players != model.shape().players)
    json_reading::fail("/players", "the players differ from the game's (" + nlohmann::json(model.shape().players).dump() + ")");
  const nlohmann::json& horizon = json_reading::require(j, "horizon", "", "the horizon");
  if (!horizon.is_number_integer() || horizon.get<long long>() != model.horizon())
    json_reading::fail("/horizon", "expected the game's horizon " + std::to_string(model.horizon()) + ", found " +
                                       describe_json_value(horizon));
  const double temperature =
      json_reading::read_number(json_reading::require(j, "temperature", "", "the temperature"), "/temperature",
                                "the temperature")
          .value;
  if (!(temperature > 0.0)) json_reading::fail("/temperature", "the temperature must be positive");
  data.temperature = temperature;
  if (j.contains("behaviour")) data.behaviour = json_reading::read_label(j["behaviour"], "/behaviour", "the behaviour");
}

PreferencePairRecord read_pair(const nlohmann::json& j, const MarkovModel& model) {
  if (!j.is_object()) json_reading::fail("", "expected a pair {\"first\": ..., \"second\": ..., \"labels\": {...}}");
  json_reading::check_members(j, "", {"first", "second", "labels"}, "a pair");
  PreferencePairRecord pair;
  pair.first = read_trajectory(json_reading::require(j, "first", "", "the first trajectory"), model, "/first");
  pair.second = read_trajectory(json_reading::require(j, "second", "", "the second trajectory"), model, "/second");
  const nlohmann::json& labels = json_reading::require(j, "labels", "", "the labels");
  if (!labels.is_object()) json_reading::fail("/labels", "expected an object of one label per player");
  const std::vector<std::string>& players = model.shape().players;
  for (const auto& [name, value] : labels.items())
    if (std::find(players.begin(), players.end(), name) == players.end())
      json_reading::fail(child_pointer("/labels", name), "no player \"" + name + "\" in the game");
  for (const std::string& name : players) {
    const std::string at = child_pointer("/labels", name);
    if (!labels.contains(name)) json_reading::fail(at, "missing: every player labels every pair");
    const nlohmann::json& value = labels[name];
    if (!(value.is_number_integer() || value.is_number_unsigned()) || (value != 0 && value != 1))
      json_reading::fail(at, "expected 1 (the first trajectory preferred) or 0, found " + describe_json_value(value));
    pair.labels.push_back(value.get<int>());
  }
  return pair;
}

}  // namespace

void write_preference_header(std::ostream& out, const MarkovModel& model, double temperature,
                             const std::string& behaviour) {
  nlohmann::json header = {{"format", kPreferenceFormat},
                           {"game", model.name()},
                           {"players", model.shape().players},
                           {"horizon", model.horizon()},
                           {"temperature", temperature}};
  if (!behaviour.empty()) header["behaviour"] = behaviour;
  out << header.dump() << '\n';
}

void write_preference_pair(std::ostream& out, const MarkovModel& model, const PreferencePairRecord& pair) {
  const int m = model.num_players();
  out << "{\"first\":";
  write_trajectory(out, m, pair.first);
  out << ",\"labels\":{";
  // Player names are JSON strings: quoted and escaped by the JSON library.
  for (int i = 0; i < m; ++i) out << (i ? "," : "") << nlohmann::json(model.shape().players[i]).dump() << ':' << pair.labels[i];
  out << "},\"second\":";
  write_trajectory(out, m, pair.second);
  out << "}\n";
}

PreferenceDataset read_preference_data(const std::string& path, const MarkovModel& model, const LoadLimits& limits) {
  PreferenceDataset data;
  bool header = false;
  json_reading::visit_json_lines(path, limits, [&](const nlohmann::json& entry, const std::string& where,
                                                   std::int64_t) {
    try {
      if (!header) {
        read_header(entry, model, data);
        header = true;
      } else {
        data.pairs.push_back(read_pair(entry, model));
      }
    } catch (const InputError& e) {
      throw InputError(path, where + ": " + (e.pointer().empty() ? "/" : e.pointer()), e.detail());
    }
  });
  if (!header) throw InputError(path, "", std::string("empty: expected a \"") + kPreferenceFormat + "\" header line");
  if (data.pairs.empty()) throw InputError(path, "", "no pair after the header");
  return data;
}

}  // namespace eqlab

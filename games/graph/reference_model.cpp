#include <eqlab/games/graph/reference_model.hpp>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <vector>

#include <nlohmann/json.hpp>

#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/io/json_reading.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace {

using json = nlohmann::json;

int id_of(const std::string& text, const std::string& path, const std::string& pointer) {
  int id = -1;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id < 0)
    throw InputError(path, pointer, "expected a state id (a whole number >= 0), got '" + text + "'");
  return id;
}

const json& member(const json& doc, const char* key, const std::string& path) {
  if (!doc.contains(key) || !doc[key].is_object())
    throw InputError(path, std::string("/") + key, "expected an object");
  return doc[key];
}

// {"__type__": "set", "__value__": [...]} or a plain array.
const json& set_values(const json& value, const std::string& path, const std::string& pointer) {
  if (value.is_array()) return value;
  if (value.is_object() && value.contains("__value__") && value["__value__"].is_array()) return value["__value__"];
  throw InputError(path, pointer, "expected a set of atoms");
}

}  // namespace

TurnGame load_reference_model(const std::string& path) {
  const json doc = json_reading::parse_document(read_input_file(path), path, {});
  if (!doc.is_object()) throw InputError(path, "", "not a JSON object");

  const json& states = member(doc, "states", path);
  const json& turn = member(doc, "turn", path);
  const json& transitions = member(doc, "transitions", path);
  const json& label = member(doc, "label", path);

  std::vector<int> ids;
  for (const auto& [key, value] : states.items()) ids.push_back(id_of(key, path, "/states/" + pointer_token(key)));
  std::sort(ids.begin(), ids.end());
  if (ids.empty()) throw InputError(path, "/states", "no state");
  if (ids.back() != static_cast<int>(ids.size()) - 1) throw InputError(path, "/states", "state ids must be 0, 1, ..., n-1");

  TurnGameBuilder builder(std::filesystem::path(path).stem().string());
  for (int id : ids) {
    const std::string key = std::to_string(id);
    GraphVertexSpec v;
    v.name = key;
    if (!turn.contains(key) || !turn[key].is_number_integer() || (turn[key] != 1 && turn[key] != 2))
      throw InputError(path, "/turn/" + key, "expected 1 (defender) or 2 (attacker)");
    v.owner = turn[key] == 1 ? GraphPlayer::defender : GraphPlayer::attacker;
    if (label.contains(key))
      for (const json& atom : set_values(label[key], path, "/label/" + key)) {
        if (!atom.is_string()) throw InputError(path, "/label/" + key, "expected atoms as strings");
        if (atom == "goal") v.target = true;
        v.labels.push_back(atom.get<std::string>());
      }
    builder.add_vertex(std::move(v));
  }
  for (int id : ids) {
    const std::string key = std::to_string(id);
    if (!transitions.contains(key)) continue;  // a deadlock: the builder says so
    const json& moves = transitions[key];
    if (!moves.is_object()) throw InputError(path, "/transitions/" + key, "expected {action: state id}");
    for (const auto& [action, to] : moves.items()) {
      const std::string at = "/transitions/" + key + "/" + pointer_token(action);
      if (!to.is_number_integer() || to.get<long long>() < 0 || to.get<long long>() >= static_cast<long long>(ids.size()))
        throw InputError(path, at, "expected the id of a state");
      builder.add_edge(id, to.get<int>(), action);
    }
  }
  try {
    return std::move(builder).build();
  } catch (const InputError& e) {
    throw e.in_file(path);
  }
}

}  // namespace eqlab

#include <eqlab/games/graph/graph_json.hpp>

#include <cstdint>
#include <unordered_map>
#include <utility>

#include <nlohmann/json.hpp>

#include <eqlab/games/io/json_reading.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/json_limits.hpp>

namespace eqlab {

using nlohmann::json;

namespace {

using namespace json_reading;


std::string json_quoted(const std::string& s) { return json(s).dump(); }

bool read_bool(const json& object, const char* key, const std::string& pointer, bool fallback) {
  const auto it = object.find(key);
  if (it == object.end()) return fallback;
  if (!it->is_boolean()) fail(child_pointer(pointer, key), "expected true or false, got " + describe_json_value(*it));
  return it->get<bool>();
}

double read_optional_number(const json& object, const char* key, const std::string& pointer, double fallback,
                            const char* what) {
  const auto it = object.find(key);
  if (it == object.end()) return fallback;
  return read_number(*it, child_pointer(pointer, key), what).value;
}

GraphVertexSpec read_vertex(const json& j, const std::string& pointer) {
  if (!j.is_object()) fail(pointer, "expected a vertex object {\"id\": ..., \"owner\": 0 or 1}, got " + type_name(j));
  check_members(j, pointer, {"id", "owner", "target", "site", "trap_ok", "fake_ok", "cost", "weight", "labels", "init"},
                "a vertex");
  GraphVertexSpec v;
  v.name = read_label(require(j, "id", pointer, "the vertex id"), child_pointer(pointer, "id"), "a vertex id");
  const json& owner = require(j, "owner", pointer, "the owner, 0 (the defender) or 1 (the attacker)");
  if (!owner.is_number_integer() || owner.get<std::int64_t>() < 0 || owner.get<std::int64_t>() > 1)
    fail(child_pointer(pointer, "owner"),
         "expected 0 (the defender) or 1 (the attacker), got " + describe_json_value(owner));
  v.owner = owner.get<std::int64_t>() == 0 ? GraphPlayer::defender : GraphPlayer::attacker;
  v.target = read_bool(j, "target", pointer, false);
  v.trap_ok = read_bool(j, "trap_ok", pointer, false);
  v.fake_ok = read_bool(j, "fake_ok", pointer, false);
  v.initial = read_bool(j, "init", pointer, false);
  if (auto site = j.find("site"); site != j.end()) v.site = read_label(*site, child_pointer(pointer, "site"), "a site name");
  v.cost = read_optional_number(j, "cost", pointer, 1.0, "a cost");
  v.weight = read_optional_number(j, "weight", pointer, 1.0, "a weight");
  if (auto labels = j.find("labels"); labels != j.end()) {
    const std::string lp = child_pointer(pointer, "labels");
    if (!labels->is_array()) fail(lp, "expected an array of labels, got " + type_name(*labels));
    v.labels = read_labels(*labels, lp, "label");
  }
  return v;
}

int read_budget(const json& decoys, const char* key) {
  const auto it = decoys.find(key);
  if (it == decoys.end()) return -1;
  if (!it->is_number_integer() || it->get<std::int64_t>() < 0 || it->get<std::int64_t>() > INT32_MAX)
    fail(child_pointer("/decoys", key), "expected a budget (an integer >= 0), got " + describe_json_value(*it));
  return static_cast<int>(it->get<std::int64_t>());
}

TurnGame parse_document(const json& doc, const std::string& file) {
  json_reading::check_game_format(doc);
  json_reading::check_game_type(doc, "graph");
  check_members(doc, "", {"format", "type", "players", "name", "description", "vertices", "edges", "decoys"},
                "a graph game");
  json_reading::check_name_and_description(doc);
  std::string name = doc.value("name", std::string());
  if (name.empty()) {
    const auto slash = file.find_last_of('/');
    name = slash == std::string::npos ? file : file.substr(slash + 1);
  }

  const json& players = require_array(doc, "players", "", "the two player names (the defender, then the attacker)");
  if (players.size() != 2)
    fail("/players", "a graph game has exactly two players (the defender, then the attacker), got " +
                         std::to_string(players.size()));
  read_labels(players, "/players", "player name");

  TurnGameBuilder builder(name);
  const json& vertices = require_array(doc, "vertices", "", "vertex objects");
  std::unordered_map<std::string, int> index;
  for (std::size_t k = 0; k < vertices.size(); ++k) {
    GraphVertexSpec spec = read_vertex(vertices[k], child_pointer("/vertices", k));
    const std::string id = spec.name;
    const int v = builder.add_vertex(std::move(spec));
    index.emplace(id, v);  // a duplicate id is reported by build(), at the duplicate
  }

  const json& edges = require_array(doc, "edges", "", "edge objects {\"from\": id, \"to\": id}");
  for (std::size_t k = 0; k < edges.size(); ++k) {
    const std::string p = child_pointer("/edges", k);
    const json& e = edges[k];
    if (!e.is_object()) fail(p, "expected an edge object {\"from\": id, \"to\": id}, got " + type_name(e));
    check_members(e, p, {"from", "to", "action"}, "an edge");
    int ends[2];
    const char* keys[2] = {"from", "to"};
    for (int side = 0; side < 2; ++side) {
      const std::string ep = child_pointer(p, keys[side]);
      const std::string& id = read_label(require(e, keys[side], p, "a vertex id"), ep, "a vertex id");
      const auto it = index.find(id);
      if (it == index.end()) fail(ep, "unknown vertex " + json_quoted(id));
      ends[side] = it->second;
    }
    std::string action;
    if (auto a = e.find("action"); a != e.end()) action = read_label(*a, child_pointer(p, "action"), "an action label");
    builder.add_edge(ends[0], ends[1], std::move(action));
  }

  if (auto decoys = doc.find("decoys"); decoys != doc.end()) {
    if (!decoys->is_object())
      fail("/decoys", "expected an object {\"traps\": k, \"fake_targets\": k}, got " + type_name(*decoys));
    check_members(*decoys, "/decoys", {"traps", "fake_targets"}, "the decoy budgets");
    const int traps = read_budget(*decoys, "traps");
    const int fakes = read_budget(*decoys, "fake_targets");
    builder.set_budgets(traps, fakes);
  }
  return std::move(builder).build();
}

}  // namespace

TurnGame parse_graph_game(const json& doc, const std::string& file) {
  try {
    return parse_document(doc, file);
  } catch (const InputError& e) {
    throw json_reading::at_document(e, file);
  }
}

TurnGame read_graph_game(const std::string& text, const std::string& file, const LoadLimits& limits) {
  const json doc = json_reading::parse_document(text, file, limits);
  return parse_graph_game(doc, file);
}

nlohmann::ordered_json graph_game_to_json(const TurnGame& game) {
  using nlohmann::ordered_json;
  ordered_json vertices = ordered_json::array();
  for (int v = 0; v < game.num_vertices(); ++v) {
    ordered_json vertex = {{"id", game.vertex_name(v)}, {"owner", static_cast<int>(game.owner(v))}};
    if (game.is_target(v)) vertex["target"] = true;
    if (game.is_initial(v)) vertex["init"] = true;
    if (const int s = game.site_of(v); s >= 0) {
      const DecoySite& site = game.sites()[s];
      if (site.name != game.vertex_name(v)) vertex["site"] = site.name;
      if (site.trap_ok) vertex["trap_ok"] = true;
      if (site.fake_ok) vertex["fake_ok"] = true;
      if (site.cost != 1.0) vertex["cost"] = site.cost;
    }
    if (game.weight(v) != 1.0) vertex["weight"] = game.weight(v);
    if (!game.labels(v).empty()) vertex["labels"] = game.labels(v);
    vertices.push_back(std::move(vertex));
  }
  ordered_json edges = ordered_json::array();
  for (int v = 0; v < game.num_vertices(); ++v)
    for (std::size_t e = game.out_begin(v); e < game.out_end(v); ++e)
      edges.push_back({{"from", game.vertex_name(v)},
                       {"to", game.vertex_name(game.edge_target(e))},
                       {"action", game.edge_action(e)}});
  ordered_json doc = {{"format", "eqlab-game/1"},     {"type", "graph"},         {"name", game.name()},
                      {"players", {"defender", "attacker"}}, {"vertices", vertices}, {"edges", edges}};
  if (game.trap_budget() >= 0 || game.fake_budget() >= 0) {
    ordered_json budgets = ordered_json::object();
    if (game.trap_budget() >= 0) budgets["traps"] = game.trap_budget();
    if (game.fake_budget() >= 0) budgets["fake_targets"] = game.fake_budget();
    doc["decoys"] = budgets;
  }
  return doc;
}

}  // namespace eqlab

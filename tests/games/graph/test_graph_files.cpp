// Graph games from files: the same game written as eqlab JSON, GraphML and DOT loads to
// the same TurnGame, and every rule of the formats is refused with a message that names
// the file and where in it (a JSON pointer, a node or an edge).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include <eqlab/games/graph/graph_files.hpp>
#include <eqlab/games/graph/graph_json.hpp>
#include <eqlab/games/graph/markup_nesting.hpp>
#include <eqlab/games/graph/turn_game.hpp>
#include <eqlab/lib/error.hpp>

using namespace eqlab;

namespace {

std::filesystem::path scratch_dir() {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("eqlab-graph-files-" + std::to_string(getpid()));
    std::filesystem::remove_all(d);
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

// Writes `text` to a file `name` of the scratch folder and returns its path.
std::string write_file(const std::string& name, const std::string& text) {
  const std::filesystem::path path = scratch_dir() / name;
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  return path.string();
}

// The message of the InputError that loading `path` throws ("" when it loads).
std::string load_error(const std::string& path) {
  try {
    load_graph_game_file(path);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

// Writes the file and returns the error of loading it, with the folder cut off the path.
std::string error_of(const std::string& name, const std::string& text) {
  const std::string path = write_file(name, text);
  std::string message = load_error(path);
  const std::string folder = scratch_dir().string() + "/";
  if (message.rfind(folder, 0) == 0) message.erase(0, folder.size());
  return message;
}

// Everything a loader decides, one block per vertex and one line per site, so that two
// games compare as text. DOT files number their vertices in the order of their names
// (boost::read_graphviz keeps no file order), so vertices and sites are listed by name.
std::string describe(const TurnGame& g) {
  std::vector<std::string> vertices, sites;
  for (int v = 0; v < g.num_vertices(); ++v) {
    std::ostringstream out;
    out << "vertex " << g.vertex_name(v) << " owner " << static_cast<int>(g.owner(v)) << " target " << g.is_target(v)
        << " init " << g.is_initial(v) << " weight " << g.weight(v) << " site "
        << (g.site_of(v) < 0 ? std::string("-") : g.sites()[g.site_of(v)].name) << " labels";
    for (const std::string& l : g.labels(v)) out << " " << l;
    out << "\n";
    for (std::size_t e = g.out_begin(v); e < g.out_end(v); ++e)
      out << "  " << g.edge_action(e) << " -> " << g.vertex_name(g.edge_target(e)) << "\n";
    vertices.push_back(out.str());
  }
  for (const DecoySite& s : g.sites()) {
    std::ostringstream out;
    out << "site " << s.name << " trap " << s.trap_ok << " fake " << s.fake_ok << " cost " << s.cost << ":";
    std::vector<std::string> names;
    for (int v : s.vertices) names.push_back(g.vertex_name(v));
    std::sort(names.begin(), names.end());
    for (const std::string& n : names) out << " " << n;
    sites.push_back(out.str() + "\n");
  }
  std::sort(vertices.begin(), vertices.end());
  std::sort(sites.begin(), sites.end());
  std::string text = "name " + g.name() + "\n";
  for (const std::string& v : vertices) text += v;
  for (const std::string& s : sites) text += s;
  return text + "budgets " + std::to_string(g.trap_budget()) + " " + std::to_string(g.fake_budget()) + "\n";
}

// The same game in the three formats: the web and mail servers share the decoy site
// "dmz", the database and the backup are targets (the backup has no edge: targets get a
// self-loop), the firewall is the defender's.
const char* kJson = R"({"format": "eqlab-game/1", "type": "graph", "name": "lab",
 "players": ["defender", "attacker"],
 "vertices": [
   {"id": "entry", "owner": 1, "init": true, "labels": ["outside", "scan"]},
   {"id": "web", "owner": 1, "site": "dmz", "trap_ok": true, "fake_ok": true, "cost": 2},
   {"id": "mail", "owner": 1, "site": "dmz", "trap_ok": true, "fake_ok": true, "cost": 2},
   {"id": "fw", "owner": 0, "weight": "3/2"},
   {"id": "db", "owner": 1, "target": true, "weight": 5},
   {"id": "backup", "owner": 1, "target": true}],
 "edges": [
   {"from": "entry", "to": "web", "action": "http"},
   {"from": "entry", "to": "mail", "action": "smtp"},
   {"from": "web", "to": "fw", "action": "pivot"},
   {"from": "mail", "to": "fw"},
   {"from": "fw", "to": "db", "action": "allow"},
   {"from": "fw", "to": "entry", "action": "block"},
   {"from": "fw", "to": "backup", "action": "sync"},
   {"from": "db", "to": "db"}],
 "decoys": {"traps": 1, "fake_targets": 2}}
)";

const char* kGraphml = R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="gn" for="graph" attr.name="name" attr.type="string"/>
  <key id="kt" for="graph" attr.name="k_trap" attr.type="int"/>
  <key id="kf" for="graph" attr.name="k_fake" attr.type="int"/>
  <key id="o" for="node" attr.name="owner" attr.type="string"><default>P2</default></key>
  <key id="t" for="node" attr.name="target" attr.type="boolean"><default>false</default></key>
  <key id="s" for="node" attr.name="site" attr.type="string"/>
  <key id="tr" for="node" attr.name="trap_ok" attr.type="boolean"/>
  <key id="fk" for="node" attr.name="fake_ok" attr.type="boolean"/>
  <key id="c" for="node" attr.name="cost" attr.type="double"/>
  <key id="w" for="node" attr.name="weight" attr.type="double"/>
  <key id="l" for="node" attr.name="labels" attr.type="string"/>
  <key id="i" for="node" attr.name="init" attr.type="boolean"/>
  <key id="lb" for="node" attr.name="label" attr.type="string"/>
  <key id="gfx" for="node" yfiles.type="nodegraphics"/>
  <key id="a" for="edge" attr.name="action" attr.type="string"/>
  <graph id="G" edgedefault="directed">
    <data key="gn">lab</data>
    <data key="kt">1</data>
    <data key="kf">2</data>
    <node id="entry"><data key="i">true</data><data key="l">outside, scan</data></node>
    <node id="web"><data key="s">dmz</data><data key="tr">true</data><data key="fk">true</data><data key="c">2</data></node>
    <node id="mail"><data key="s">dmz</data><data key="tr">1</data><data key="fk">1</data><data key="c">2.0</data></node>
    <node id="fw"><data key="o">defender</data><data key="w">1.5</data><data key="lb">firewall</data>
      <data key="gfx"><shape type="box"/></data></node>
    <node id="db"><data key="t">true</data><data key="w">5</data></node>
    <node id="backup"><data key="t">true</data></node>
    <edge source="entry" target="web"><data key="a">http</data></edge>
    <edge source="entry" target="mail"><data key="a">smtp</data></edge>
    <edge source="web" target="fw"><data key="a">pivot</data></edge>
    <edge source="mail" target="fw"/>
    <edge source="fw" target="db"><data key="a">allow</data></edge>
    <edge source="fw" target="entry"><data key="a">block</data></edge>
    <edge source="fw" target="backup"><data key="a">sync</data></edge>
    <edge source="db" target="db"/>
  </graph>
</graphml>
)";

const char* kDot = R"(digraph lab {
  name = "lab"; k_trap = 1;
  graph [k_fake = 2, rankdir = LR];
  entry [owner = P2, init = true, labels = "outside,scan"];
  web [owner = attacker, site = dmz, trap_ok = true, fake_ok = true, cost = 2];
  mail [owner = 2, site = dmz, trap_ok = 1, fake_ok = 1, cost = "4/2"];
  fw [owner = P1, weight = 1.5, label = "firewall", shape = box];
  db [owner = P2, target = true, weight = 5];
  backup [owner = p2, target = TRUE];
  entry -> web [action = http];
  entry -> mail [action = smtp];
  web -> fw [action = pivot];
  mail -> fw;
  fw -> db [action = allow];
  fw -> entry [action = block];
  fw -> backup [action = sync];
  db -> db;
}
)";

// A small valid JSON game, for variations that break one rule each.
std::string json_game(const std::string& vertices, const std::string& edges, const std::string& extra = "") {
  return R"({"format": "eqlab-game/1", "type": "graph", "players": ["d", "a"], "vertices": [)" + vertices +
         R"(], "edges": [)" + edges + "]" + extra + "}";
}

const char* kTwoVertices = R"({"id": "s", "owner": 1}, {"id": "t", "owner": 1, "target": true})";
const char* kOneEdge = R"({"from": "s", "to": "t"})";

std::string graphml_game(const std::string& body, const std::string& keys = "") {
  return R"(<?xml version="1.0"?>
<graphml>
  <key id="o" for="node" attr.name="owner"/>
  <key id="t" for="node" attr.name="target"/>
  <key id="tr" for="node" attr.name="trap_ok"/>
  <key id="s" for="node" attr.name="site"/>
  <key id="c" for="node" attr.name="cost"/>
  <key id="a" for="edge" attr.name="action"/>
  <key id="kt" for="graph" attr.name="k_trap"/>
)" + keys + R"(  <graph edgedefault="directed">
)" + body + R"(  </graph>
</graphml>
)";
}

}  // namespace

TEST_CASE("graph files: the same game from JSON, GraphML and DOT") {
  const TurnGame from_json = load_graph_game_file(write_file("lab.json", kJson));
  const TurnGame from_graphml = load_graph_game_file(write_file("lab.graphml", kGraphml));
  const TurnGame from_dot = load_graph_game_file(write_file("lab.dot", kDot));

  const TurnGame& g = from_json;
  CHECK(g.name() == "lab");
  REQUIRE(g.num_vertices() == 6);
  CHECK(g.vertex_name(0) == "entry");
  CHECK(g.find_vertex("fw") == 3);
  CHECK(g.owner(g.find_vertex("fw")) == GraphPlayer::defender);
  for (const char* v : {"entry", "web", "mail", "db", "backup"}) CHECK(g.owner(g.find_vertex(v)) == GraphPlayer::attacker);
  CHECK(g.targets() == std::vector<int>{4, 5});
  CHECK(g.is_initial(0));
  CHECK_FALSE(g.is_initial(1));
  CHECK(g.labels(0) == std::vector<std::string>{"outside", "scan"});
  CHECK(g.weight(3) == 1.5);
  CHECK(g.weight(4) == 5.0);
  CHECK(g.weight(0) == 1.0);
  // 8 edges in the file and the self-loop of the backup target.
  CHECK(g.num_edges() == 9);
  CHECK(g.edge_action(g.out_begin(0)) == "http");
  CHECK(g.vertex_name(g.edge_target(g.out_begin(0) + 1)) == "mail");
  CHECK(g.edge_action(g.out_begin(2)) == "0");  // mail -> fw: the position among mail's edges
  CHECK(g.out_end(3) - g.out_begin(3) == 3);
  CHECK(g.edge_target(g.out_begin(5)) == 5);  // backup's self-loop
  // One site, shared by web and mail: only it may hold decoys.
  REQUIRE(g.sites().size() == 1);
  CHECK(g.sites()[0].name == "dmz");
  CHECK(g.sites()[0].vertices == std::vector<int>{1, 2});
  CHECK(g.sites()[0].trap_ok);
  CHECK(g.sites()[0].fake_ok);
  CHECK(g.sites()[0].cost == 2.0);
  CHECK(g.site_of(1) == 0);
  CHECK(g.site_of(2) == 0);
  CHECK(g.site_of(0) == -1);
  CHECK(g.site_of(4) == -1);
  CHECK(g.trap_budget() == 1);
  CHECK(g.fake_budget() == 2);

  CHECK(describe(from_graphml) == describe(from_json));
  CHECK(describe(from_dot) == describe(from_json));
  // The same text under another extension is read by its content.
  CHECK(describe(load_graph_game_file(write_file("lab-json.txt", kJson))) == describe(from_json));
  CHECK(describe(load_graph_game_file(write_file("lab-graphml.txt", kGraphml))) == describe(from_json));
  CHECK(describe(load_graph_game_file(write_file("lab-dot.txt", kDot))) == describe(from_json));
  CHECK(describe(read_graph_game(kJson, "lab.json")) == describe(from_json));
  CHECK(describe(read_graphml_game(kGraphml, "lab.graphml")) == describe(from_json));
  CHECK(describe(read_dot_game(kDot, "lab.dot")) == describe(from_json));
}

TEST_CASE("graph files: a game written as JSON reads back to the same game") {
  const TurnGame lab = read_graph_game(kJson, "lab.json");
  const nlohmann::ordered_json written = graph_game_to_json(lab);
  CHECK(written["type"] == "graph");
  CHECK(written["decoys"] == nlohmann::ordered_json{{"traps", 1}, {"fake_targets", 2}});
  // The shared site, its cost and the weights are written on each vertex that has them.
  CHECK(written["vertices"][1]["site"] == "dmz");
  CHECK(written["vertices"][2]["cost"] == 2.0);
  CHECK(written["vertices"][3]["weight"] == 1.5);
  const TurnGame again = parse_graph_game(nlohmann::json::parse(written.dump()), "again.json");
  CHECK(describe(again) == describe(lab));
  CHECK(graph_game_to_json(again) == written);
  // The same from GraphML, and a game without budgets whose every vertex is a candidate site.
  const TurnGame from_graphml = read_graphml_game(kGraphml, "lab.graphml");
  CHECK(describe(parse_graph_game(nlohmann::json::parse(graph_game_to_json(from_graphml).dump()), "x")) ==
        describe(from_graphml));
  const TurnGame open_sites = read_graph_game(
      R"({"format": "eqlab-game/1", "type": "graph", "players": ["d", "a"],
          "vertices": [{"id": "s", "owner": 1}, {"id": "t", "owner": 1, "target": true}],
          "edges": [{"from": "s", "to": "t"}, {"from": "t", "to": "t"}]})",
      "open.json");
  const nlohmann::ordered_json open_written = graph_game_to_json(open_sites);
  CHECK_FALSE(open_written.contains("decoys"));
  CHECK(describe(parse_graph_game(nlohmann::json::parse(open_written.dump()), "x")) == describe(open_sites));
}

TEST_CASE("graph files: defaults of names, actions, sites and budgets") {
  // Without a name the game is named after its file; without budgets they are -1; without
  // any trap_ok/fake_ok every non-target vertex is a site for both kinds.
  const TurnGame g = load_graph_game_file(write_file("plain.json", json_game(kTwoVertices, kOneEdge)));
  CHECK(g.name() == "plain.json");
  CHECK(g.trap_budget() == -1);
  CHECK(g.fake_budget() == -1);
  REQUIRE(g.sites().size() == 1);
  CHECK(g.sites()[0].name == "s");
  CHECK(g.sites()[0].trap_ok);
  CHECK(g.sites()[0].fake_ok);
  const TurnGame d = load_graph_game_file(write_file("plain.gv", "digraph { s [owner=P2, id=start]; t [owner=P2, target=true]; s -> t; }"));
  CHECK(d.name() == "plain.gv");
  CHECK(d.vertex_name(0) == "start");  // the id attribute names the vertex
  CHECK(d.edge_action(d.out_begin(0)) == "0");
  CHECK(d.trap_budget() == -1);
  // DOT default attributes and edge chains.
  const TurnGame chain = read_dot_game("digraph { node [owner=P2]; a -> b -> c [action=go]; c [target=true]; }", "chain.dot");
  REQUIRE(chain.num_vertices() == 3);
  CHECK(chain.owner(chain.find_vertex("a")) == GraphPlayer::attacker);
  CHECK(chain.edge_action(chain.out_begin(chain.find_vertex("a"))) == "go");
  CHECK(chain.targets() == std::vector<int>{chain.find_vertex("c")});
  // Extension members and attributes are ignored.
  CHECK_NOTHROW(read_graph_game(json_game(R"({"id": "s", "owner": 1, "x-note": 1}, {"id": "t", "owner": 1, "target": true})",
                                          R"({"from": "s", "to": "t", "x-w": 2})", R"(, "x-tool": "gen")"),
                                "x.json"));
  CHECK_NOTHROW(read_dot_game(R"(digraph { s [owner=P2, "x-color"=1]; t [owner=P2, target=true]; s -> t [color=red]; })", "x.dot"));
}

TEST_CASE("graph files: is_graph_game_file") {
  CHECK(is_graph_game_file(write_file("g.json", kJson)));
  CHECK(is_graph_game_file(write_file("g.xml", kGraphml)));
  CHECK(is_graph_game_file("missing.graphml"));
  CHECK(is_graph_game_file("missing.dot"));
  CHECK(is_graph_game_file("missing.gv"));
  CHECK_FALSE(is_graph_game_file("missing.json"));
  CHECK_FALSE(is_graph_game_file(write_file("other.xml", "<root/>")));
  CHECK_FALSE(is_graph_game_file(write_file("markov.json", R"({"format": "eqlab-game/1", "type": "markov"})")));
  CHECK_FALSE(is_graph_game_file(write_file("broken.json", "{\"type\": ")));
  CHECK_FALSE(is_graph_game_file(write_file("array.json", R"([{"type": "graph"}])")));
  CHECK_FALSE(is_graph_game_file(write_file("nested.json", R"({"x-meta": {"type": "graph"}, "type": "normal"})")));
}

TEST_CASE("graph files: missing, empty and unparsable files name the file") {
  CHECK(load_error((scratch_dir() / "none.json").string()) == (scratch_dir() / "none.json").string() + ": no such file");
  CHECK(error_of("empty.dot", "digraph { }") == "empty.dot: a graph game needs at least one vertex");
  CHECK(error_of("empty.json", "") ==
        "empty.json: invalid JSON: parse error at line 1, column 1: syntax error while parsing value - unexpected end "
        "of input; expected '[', '{', or a literal");
  CHECK(load_error((scratch_dir() / "none.dot").string()) == (scratch_dir() / "none.dot").string() + ": no such file");
}

TEST_CASE("graph files: JSON members and their types are checked") {
  CHECK(error_of("member.json", json_game(kTwoVertices, kOneEdge, R"(, "colour": "red")")) ==
        "member.json: /colour: unknown member \"colour\" in a graph game (allowed: format, type, players, name, "
        "description, vertices, edges, decoys; extensions must start with \"x-\")");
  CHECK(error_of("vmember.json", json_game(R"({"id": "s", "owner": 1, "trget": true}, {"id": "t", "owner": 1, "target": true})", kOneEdge)) ==
        "vmember.json: /vertices/0/trget: unknown member \"trget\" in a vertex (allowed: id, owner, target, site, "
        "trap_ok, fake_ok, cost, weight, labels, init; extensions must start with \"x-\")");
  CHECK(error_of("emember.json", json_game(kTwoVertices, R"({"from": "s", "to": "t", "label": "go"})")) ==
        "emember.json: /edges/0/label: unknown member \"label\" in an edge (allowed: from, to, action; extensions "
        "must start with \"x-\")");
  CHECK(error_of("dmember.json", json_game(kTwoVertices, kOneEdge, R"(, "decoys": {"traps": 1, "fakes": 1})")) ==
        "dmember.json: /decoys/fakes: unknown member \"fakes\" in the decoy budgets (allowed: traps, fake_targets; "
        "extensions must start with \"x-\")");
  CHECK(error_of("type.json", R"({"format": "eqlab-game/1", "type": "markov"})") ==
        "type.json: /type: expected \"graph\", got \"markov\"");
  CHECK(error_of("players.json", R"({"format": "eqlab-game/1", "type": "graph", "players": ["d"], "vertices": [], "edges": []})") ==
        "players.json: /players: a graph game has exactly two players (the defender, then the attacker), got 1");
  CHECK(error_of("owner-text.json", json_game(R"({"id": "s", "owner": "P2"}, {"id": "t", "owner": 1, "target": true})", kOneEdge)) ==
        "owner-text.json: /vertices/0/owner: expected 0 (the defender) or 1 (the attacker), got \"P2\"");
  CHECK(error_of("owner-2.json", json_game(R"({"id": "s", "owner": 2}, {"id": "t", "owner": 1, "target": true})", kOneEdge)) ==
        "owner-2.json: /vertices/0/owner: expected 0 (the defender) or 1 (the attacker), got 2");
  CHECK(error_of("owner-missing.json", json_game(R"({"id": "s"}, {"id": "t", "owner": 1, "target": true})", kOneEdge)) ==
        "owner-missing.json: /vertices/0: missing member \"owner\" (the owner, 0 (the defender) or 1 (the attacker))");
  CHECK(error_of("id.json", json_game(R"({"id": 3, "owner": 1}, {"id": "t", "owner": 1, "target": true})", kOneEdge)) ==
        "id.json: /vertices/0/id: expected a vertex id (a non-empty string), got number");
  CHECK(error_of("bool.json", json_game(R"({"id": "s", "owner": 1}, {"id": "t", "owner": 1, "target": "yes"})", kOneEdge)) ==
        "bool.json: /vertices/1/target: expected true or false, got \"yes\"");
  CHECK(error_of("cost.json", json_game(R"({"id": "s", "owner": 1, "cost": "cheap"}, {"id": "t", "owner": 1, "target": true})", kOneEdge)) ==
        "cost.json: /vertices/0/cost: expected a cost (a JSON number, \"p/q\" or a decimal), got \"cheap\"");
  CHECK(error_of("cost0.json", json_game(R"({"id": "s", "owner": 1, "cost": 0}, {"id": "t", "owner": 1, "target": true})", kOneEdge)) ==
        "cost0.json: /vertices/0: the cost must be a finite number > 0");
  CHECK(error_of("weight.json", json_game(R"({"id": "s", "owner": 1, "weight": -1}, {"id": "t", "owner": 1, "target": true})", kOneEdge)) ==
        "weight.json: /vertices/0: the weight must be a finite number >= 0");
  CHECK(error_of("labels.json", json_game(R"({"id": "s", "owner": 1, "labels": "a,b"}, {"id": "t", "owner": 1, "target": true})", kOneEdge)) ==
        "labels.json: /vertices/0/labels: expected an array of labels, got string");
  CHECK(error_of("site.json", json_game(R"({"id": "s", "owner": 1, "site": ""}, {"id": "t", "owner": 1, "target": true})", kOneEdge)) ==
        "site.json: /vertices/0/site: a site name must not be empty");
  CHECK(error_of("vertices.json", R"({"format": "eqlab-game/1", "type": "graph", "players": ["d", "a"], "vertices": {}, "edges": []})") ==
        "vertices.json: /vertices: expected an array (vertex objects), got object");
  CHECK(error_of("vertex.json", json_game(R"("s")", "")) ==
        "vertex.json: /vertices/0: expected a vertex object {\"id\": ..., \"owner\": 0 or 1}, got string");
  CHECK(error_of("edge.json", json_game(kTwoVertices, R"(["s", "t"])")) ==
        "edge.json: /edges/0: expected an edge object {\"from\": id, \"to\": id}, got array");
  CHECK(error_of("action.json", json_game(kTwoVertices, R"({"from": "s", "to": "t", "action": 1})")) ==
        "action.json: /edges/0/action: expected an action label (a non-empty string), got number");
  CHECK(error_of("budget.json", json_game(kTwoVertices, kOneEdge, R"(, "decoys": {"traps": -1})")) ==
        "budget.json: /decoys/traps: expected a budget (an integer >= 0), got -1");
  CHECK(error_of("budget-type.json", json_game(kTwoVertices, kOneEdge, R"(, "decoys": [1, 0])")) ==
        "budget-type.json: /decoys: expected an object {\"traps\": k, \"fake_targets\": k}, got array");
  CHECK(error_of("empty.json", json_game("", "")) == "empty.json: /vertices: a graph game needs at least one vertex");
  CHECK(error_of("syntax.json", "{\"format\": ").rfind("syntax.json: ", 0) == 0);
}

TEST_CASE("graph files: JSON rules of the game") {
  CHECK(error_of("unknown-to.json", json_game(kTwoVertices, R"({"from": "s", "to": "t"}, {"from": "s", "to": "db"})")) ==
        "unknown-to.json: /edges/1/to: unknown vertex \"db\"");
  CHECK(error_of("unknown-from.json", json_game(kTwoVertices, R"({"from": "x", "to": "t"})")) ==
        "unknown-from.json: /edges/0/from: unknown vertex \"x\"");
  CHECK(error_of("dup-id.json", json_game(R"({"id": "s", "owner": 1}, {"id": "t", "owner": 1, "target": true}, {"id": "s", "owner": 0})", kOneEdge)) ==
        "dup-id.json: /vertices/2: duplicate vertex id 's' (first at /vertices/0)");
  CHECK(error_of("dup-action.json",
                 json_game(kTwoVertices, R"({"from": "s", "to": "t", "action": "go"}, {"from": "s", "to": "s", "action": "go"})")) ==
        "dup-action.json: /edges/1: action 'go' is used twice at vertex 's'");
  // The default action of the second edge is "1", which the first edge took already.
  CHECK(error_of("dup-default.json",
                 json_game(kTwoVertices, R"({"from": "s", "to": "t", "action": "1"}, {"from": "s", "to": "s"})")) ==
        "dup-default.json: /edges/1: action '1' is used twice at vertex 's'");
  CHECK(error_of("deadlock.json", json_game(R"({"id": "s", "owner": 1}, {"id": "u", "owner": 0}, {"id": "t", "owner": 1, "target": true})",
                                             R"({"from": "s", "to": "u"}, {"from": "s", "to": "t"})")) ==
        "deadlock.json: /vertices/1: vertex 'u' has no outgoing edge: give it one (a sink carries a self-loop)");
  CHECK(error_of("target-trap.json", json_game(R"({"id": "s", "owner": 1}, {"id": "t", "owner": 1, "target": true, "trap_ok": true})", kOneEdge)) ==
        "target-trap.json: /vertices/1: target 't' cannot be a decoy site (trap_ok/fake_ok)");
  CHECK(error_of("target-fake.json", json_game(R"({"id": "s", "owner": 1}, {"id": "t", "owner": 1, "target": true, "fake_ok": true})", kOneEdge)) ==
        "target-fake.json: /vertices/1: target 't' cannot be a decoy site (trap_ok/fake_ok)");
  CHECK(error_of("site-mix.json", json_game(R"({"id": "s", "owner": 1, "site": "x"}, {"id": "t", "owner": 1, "target": true, "site": "x"})", kOneEdge)) ==
        "site-mix.json: /vertices/1: site 'x' mixes targets and other vertices: a target cannot be decoyed");
}

TEST_CASE("graph files: GraphML errors name the node or the edge") {
  const std::string two = R"(    <node id="s"><data key="o">P2</data></node>
    <node id="t"><data key="o">P2</data><data key="t">true</data></node>
)";
  CHECK(error_of("owner.graphml", graphml_game(R"(    <node id="s"><data key="o">P3</data></node>
)")) == "owner.graphml: node 's': owner: expected P1, defender or 1 (the defender) or P2, attacker or 2 (the attacker), got 'P3'");
  CHECK(error_of("owner-missing.graphml", graphml_game(R"(    <node id="s"/>
)")) == "owner-missing.graphml: node 's': the owner is missing: give owner P1 (the defender) or P2 (the attacker)");
  CHECK(error_of("malformed.graphml", "<?xml version=\"1.0\"?>\n<graphml>\n  <graph>\n    <node id=\"s\">\n  </graph>\n</graphml>\n") ==
        "malformed.graphml: line 7: malformed GraphML: unexpected end of data");
  CHECK(error_of("not-graphml.graphml", "<?xml version=\"1.0\"?>\n<root/>\n") ==
        "not-graphml.graphml: malformed GraphML: no <graphml> element");
  CHECK(error_of("unknown-vertex.graphml", graphml_game(two + R"(    <edge source="s" target="db"/>
)")) == "unknown-vertex.graphml: edge s -> db: unknown vertex 'db'");
  CHECK(error_of("dup-node.graphml", graphml_game(two + R"(    <node id="s"><data key="o">P1</data></node>
)")) == "dup-node.graphml: node 's': duplicate node id 's'");
  CHECK(error_of("dup-action.graphml", graphml_game(two + R"(    <edge source="s" target="t"><data key="a">go</data></edge>
    <edge source="s" target="s"><data key="a">go</data></edge>
)")) == "dup-action.graphml: edge s -> s: action 'go' is used twice at vertex 's'");
  CHECK(error_of("deadlock.graphml", graphml_game(two)) ==
        "deadlock.graphml: node 's': vertex 's' has no outgoing edge: give it one (a sink carries a self-loop)");
  CHECK(error_of("target-trap.graphml", graphml_game(R"(    <node id="s"><data key="o">P2</data></node>
    <node id="t"><data key="o">P2</data><data key="t">true</data><data key="tr">true</data></node>
    <edge source="s" target="t"/>
)")) == "target-trap.graphml: node 't': target 't' cannot be a decoy site (trap_ok/fake_ok)");
  CHECK(error_of("site-mix.graphml", graphml_game(R"(    <node id="s"><data key="o">P2</data><data key="s">x</data></node>
    <node id="t"><data key="o">P2</data><data key="t">true</data><data key="s">x</data></node>
    <edge source="s" target="t"/>
)")) == "site-mix.graphml: node 't': site 'x' mixes targets and other vertices: a target cannot be decoyed");
  CHECK(error_of("bool.graphml", graphml_game(R"(    <node id="s"><data key="o">P2</data><data key="t">yes</data></node>
)")) == "bool.graphml: node 's': target: expected true or false, got 'yes'");
  CHECK(error_of("cost.graphml", graphml_game(R"(    <node id="s"><data key="o">P2</data><data key="c">cheap</data></node>
)")) == "cost.graphml: node 's': cost: expected a number, got 'cheap'");
  CHECK(error_of("budget.graphml", graphml_game(R"(    <data key="kt">-1</data>
)" + two + R"(    <edge source="s" target="t"/>
)")) == "budget.graphml: graph: k_trap: expected a budget (an integer >= 0), got '-1'");
  CHECK(error_of("attribute.graphml", graphml_game(R"(    <node id="s"><data key="o">P2</data><data key="x">1</data></node>
)", R"(  <key id="x" for="node" attr.name="trget"/>
)")) == "attribute.graphml: node 's': unknown node attribute 'trget' (the attributes are cost, fake_ok, id, init, labels, "
        "owner, site, target, trap_ok, weight)");
  CHECK(error_of("key.graphml", graphml_game(R"(    <node id="s"><data key="nokey">1</data></node>
)")) == "key.graphml: node 's': <data key=\"nokey\"> names no <key for=\"node\">");
  CHECK(error_of("undirected.graphml", "<graphml><graph edgedefault=\"undirected\"/></graphml>") ==
        "undirected.graphml: graph: the graph must be directed (edgedefault=\"directed\")");
  CHECK(error_of("two-graphs.graphml", "<graphml><graph/><graph/></graphml>") ==
        "two-graphs.graphml: malformed GraphML: a graph game file holds one <graph>, this one holds more");
  CHECK(error_of("empty.graphml", "<graphml><graph/></graphml>") == "empty.graphml: a graph game needs at least one vertex");
}

TEST_CASE("graph files: DOT errors name the node or the edge") {
  CHECK(error_of("owner.dot", "digraph { s [owner=P0]; }") ==
        "owner.dot: node 's': owner: expected P1, defender or 1 (the defender) or P2, attacker or 2 (the attacker), got 'P0'");
  CHECK(error_of("owner-missing.dot", "digraph { s [owner=P2]; t [owner=P2, target=true]; s -> t; s -> u; }") ==
        "owner-missing.dot: node 'u': the owner is missing: give owner P1 (the defender) or P2 (the attacker)");
  CHECK(error_of("malformed.dot", "digraph { s [owner=P2; }") ==
        "malformed.dot: malformed DOT: Wanted identifier as name of attribute (token is \"<right_brace> '}'\")");
  CHECK(error_of("undirected.dot", "graph { s -- t; }") == "undirected.dot: malformed DOT: read_graphviz: Tried to read an undirected graph into a directed graph.");
  CHECK(error_of("dup-id.dot", "digraph { s [owner=P2]; t [owner=P2, id=s]; }") ==
        "dup-id.dot: node 't': duplicate vertex id 's' (also node 's')");
  CHECK(error_of("dup-action.dot", "digraph { s [owner=P2]; t [owner=P2, target=true]; s -> t [action=go]; s -> t [action=go]; }") ==
        "dup-action.dot: edge s -> t: action 'go' is used twice at vertex 's'");
  CHECK(error_of("deadlock.dot", "digraph { s [owner=P1]; t [owner=P2, target=true]; t -> s; }") ==
        "deadlock.dot: node 's': vertex 's' has no outgoing edge: give it one (a sink carries a self-loop)");
  CHECK(error_of("target-fake.dot", "digraph { s [owner=P2]; t [owner=P2, target=true, fake_ok=true]; s -> t; }") ==
        "target-fake.dot: node 't': target 't' cannot be a decoy site (trap_ok/fake_ok)");
  CHECK(error_of("site-mix.dot", "digraph { s [owner=P2, site=x]; t [owner=P2, target=true, site=x]; s -> t; }") ==
        "site-mix.dot: node 't': site 'x' mixes targets and other vertices: a target cannot be decoyed");
  CHECK(error_of("weight.dot", "digraph { s [owner=P2, weight=heavy]; }") ==
        "weight.dot: node 's': weight: expected a number, got 'heavy'");
  CHECK(error_of("labels.dot", "digraph { s [owner=P2, labels=\"a, b, a\"]; }") ==
        "labels.dot: node 's': labels: duplicate label 'a'");
  CHECK(error_of("edge-attribute.dot", "digraph { s [owner=P2]; t [owner=P2, target=true]; s -> t [act=go]; }") ==
        "edge-attribute.dot: edge s -> t: unknown edge attribute 'act' (the attributes are action)");
  CHECK(error_of("graph-attribute.dot", "digraph { k_traps=1; s [owner=P2]; }") ==
        "graph-attribute.dot: graph: unknown graph attribute 'k_traps' (the attributes are k_fake, k_trap, name)");
  CHECK(error_of("budget.dot", "digraph { k_fake=two; s [owner=P2]; s -> s; }") ==
        "budget.dot: graph: k_fake: expected a budget (an integer >= 0), got 'two'");
}

// Boost's XML and DOT parsers recurse on depth: a file nested 200,000 levels deep used to
// overflow the stack (a crash). The depth is now checked before parsing.
TEST_CASE("graph files: GraphML and DOT nested deeper than 1000 levels are refused before parsing") {
  const int n = 200000;
  std::string xml = "<?xml version=\"1.0\"?>\n<graphml><graph edgedefault=\"directed\">\n";
  for (int i = 0; i < n; ++i) xml += "<a>";
  for (int i = 0; i < n; ++i) xml += "</a>";
  xml += "</graph></graphml>\n";
  CHECK(error_of("deep.graphml", xml) == "deep.graphml: line 3: XML elements nested more than 1000 levels deep");
  std::string dot = "digraph {\n";
  for (int i = 0; i < n; ++i) dot += "subgraph { ";
  for (int i = 0; i < n; ++i) dot += "} ";
  dot += "}\n";
  CHECK(error_of("deep.dot", dot) == "deep.dot: line 2: subgraphs and attribute lists nested more than 1000 levels deep");

  // What the scan skips: comments, CDATA, processing instructions and quoted attribute
  // values in XML; strings, HTML strings and comments in DOT.
  check_xml_nesting("<a x=\"<b><c>\"><!-- <d><e> --><![CDATA[<f><g>]]><?p <h>?><i/></a>", 2);
  CHECK_THROWS_AS(check_xml_nesting("<a><b><c></c></b></a>", 2), InputError);
  check_dot_nesting("digraph { a [label=\"{{{\"]; b [label=<<b>{{</b>>]; /* {{{ */ // {{{\n c; }", 2);
  CHECK_THROWS_AS(check_dot_nesting("digraph { subgraph { a [x=1]; } }", 2), InputError);
  // Real files pass: the lab network in both formats.
  CHECK(read_graphml_game(kGraphml, "lab.graphml").num_vertices() == 6);
  CHECK(read_dot_game(kDot, "lab.dot").num_vertices() == 6);
}

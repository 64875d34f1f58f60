// Every validation rule of eqlab-game/1 has a bad input here, and each error must carry
// the file name and the JSON pointer of the offending value.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/games/io/json_game.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/json_limits.hpp>

using namespace eqlab;

namespace {

struct BadInput {
  const char* rule;
  std::string text;
  const char* pointer;
  const char* message;  // a fragment the error must contain
};

const std::string kHead = R"("format": "eqlab-game/1", "type": "extensive", "players": ["a", "b"])";
std::string extensive(const std::string& root) { return "{" + kHead + R"(, "root": )" + root + "}"; }
std::string normal(const std::string& rest) {
  return R"({"format": "eqlab-game/1", "type": "normal", "players": ["a", "b"], )" + rest + "}";
}
const std::string kLeaf = R"({"payoffs": [1, -1]})";

std::vector<BadInput> bad_inputs() {
  return {
      {"format is required", R"({"type": "normal", "players": ["a"]})", "/", "missing member \"format\""},
      {"format must be eqlab-game/1", R"({"format": "eqlab-game/2", "type": "normal", "players": ["a"]})", "/format",
       "expected \"eqlab-game/1\""},
      {"type is required", R"({"format": "eqlab-game/1", "players": ["a"]})", "/", "missing member \"type\""},
      {"type must be known", R"({"format": "eqlab-game/1", "type": "tree", "players": ["a"]})", "/type",
       "expected \"normal\""},
      {"players is required", R"({"format": "eqlab-game/1", "type": "normal"})", "/", "missing member \"players\""},
      {"players is not empty", R"({"format": "eqlab-game/1", "type": "normal", "players": []})", "/players",
       "at least one player"},
      {"player names are strings", R"({"format": "eqlab-game/1", "type": "normal", "players": ["a", 3]})",
       "/players/1", "expected player name"},
      {"player names are not empty", R"({"format": "eqlab-game/1", "type": "normal", "players": ["a", ""]})",
       "/players/1", "must not be empty"},
      {"player names are distinct", R"({"format": "eqlab-game/1", "type": "normal", "players": ["a", "a"]})",
       "/players/1", "duplicate player name"},
      {"name is a string", "{" + kHead + R"(, "name": 7, "root": )" + kLeaf + "}", "/name", "expected a string"},
      {"description is a string", "{" + kHead + R"(, "description": [], "root": )" + kLeaf + "}", "/description",
       "expected a string"},
      {"unknown top-level members are errors", "{" + kHead + R"(, "colour": 1, "root": )" + kLeaf + "}", "/colour",
       "unknown member \"colour\""},
      {"normal: actions is required", normal(R"("payoffs": [])"), "/", "missing member \"actions\""},
      {"normal: one action list per player", normal(R"("actions": [["x"]], "payoffs": [])"), "/actions",
       "expected 2 action lists"},
      {"normal: action labels are distinct", normal(R"("actions": [["x", "x"], ["y"]], "payoffs": [])"),
       "/actions/0/1", "duplicate action label"},
      {"normal: action labels are non-empty strings", normal(R"("actions": [["x", ""], ["y"]], "payoffs": [])"),
       "/actions/0/1", "must not be empty"},
      {"normal: payoffs nest by player", normal(R"("actions": [["x", "z"], ["y"]], "payoffs": [[[1, 2]]])"),
       "/payoffs", "expected an array of 2 entries"},
      {"normal: one payoff per player", normal(R"("actions": [["x"], ["y"]], "payoffs": [[[1]]])"),
       "/payoffs/0/0", "expected 2 payoffs"},
      {"normal: payoffs are numbers", normal(R"("actions": [["x"], ["y"]], "payoffs": [[[1, "lots"]]])"),
       "/payoffs/0/0/1", "expected a payoff"},
      {"numbers may not be non-finite strings", normal(R"("actions": [["x"], ["y"]], "payoffs": [[[1, "inf"]]])"),
       "/payoffs/0/0/1", "expected a payoff"},
      {"rationals need a non-zero denominator", normal(R"("actions": [["x"], ["y"]], "payoffs": [[[1, "1/0"]]])"),
       "/payoffs/0/0/1", "expected a payoff"},
      {"extensive: root is required", "{" + kHead + "}", "/", "missing member \"root\""},
      {"a node is an object", extensive("[]"), "/root", "expected a node"},
      {"a node is a decision, chance or terminal node", extensive(R"({"infoset": "i"})"), "/root",
       "needs \"player\""},
      {"player is an index or chance", extensive(R"({"player": 2, "infoset": "i", "actions": ["x"], "children": [)" +
                                                 kLeaf + "]}"),
       "/root/player", "expected a player index 0..1"},
      {"player may not be a float", extensive(R"({"player": 0.5, "infoset": "i", "actions": ["x"], "children": [)" +
                                              kLeaf + "]}"),
       "/root/player", "expected a player index"},
      {"decision nodes need an infoset", extensive(R"({"player": 0, "actions": ["x"], "children": [)" + kLeaf + "]}"),
       "/root", "missing member \"infoset\""},
      {"infoset labels are non-empty",
       extensive(R"({"player": 0, "infoset": "", "actions": ["x"], "children": [)" + kLeaf + "]}"), "/root/infoset",
       "must not be empty"},
      {"one child per action",
       extensive(R"({"player": 0, "infoset": "i", "actions": ["x", "y"], "children": [)" + kLeaf + "]}"),
       "/root/children", "expected 2 children"},
      {"actions of a node are distinct",
       extensive(R"({"player": 0, "infoset": "i", "actions": ["x", "x"], "children": [)" + kLeaf + "," + kLeaf + "]}"),
       "/root/actions/1", "duplicate action label"},
      {"nodes need at least one action", extensive(R"({"player": 0, "infoset": "i", "actions": [], "children": []})"),
       "/root/actions", "at least one action"},
      {"unknown node members are errors",
       extensive(R"({"player": 0, "infoset": "i", "actions": ["x"], "children": [)" + kLeaf + R"(], "colour": 1})"),
       "/root/colour", "unknown member \"colour\""},
      {"terminals have one payoff per player", extensive(R"({"payoffs": [1]})"), "/root/payoffs",
       "expected 2 payoffs"},
      {"payoffs are finite numbers", extensive(R"({"payoffs": [1, "-inf"]})"), "/root/payoffs/1", "expected a payoff"},
      {"chance nodes need probs", extensive(R"({"player": "chance", "actions": ["x"], "children": [)" + kLeaf + "]}"),
       "/root", "missing member \"probs\""},
      {"one probability per action",
       extensive(R"({"player": "chance", "actions": ["x", "y"], "probs": [1], "children": [)" + kLeaf + "," + kLeaf +
                 "]}"),
       "/root/probs", "expected 2 probabilities"},
      {"probabilities are >= 0",
       extensive(R"({"player": "chance", "actions": ["x", "y"], "probs": ["3/2", "-1/2"], "children": [)" + kLeaf +
                 "," + kLeaf + "]}"),
       "/root/probs/1", "must be >= 0"},
      {"rational probabilities sum to exactly 1",
       extensive(R"({"player": "chance", "actions": ["x", "y"], "probs": ["1/3", "1/3"], "children": [)" + kLeaf +
                 "," + kLeaf + "]}"),
       "/root/probs", "sum to 2/3"},
      {"decimal probabilities sum to 1 within 1e-9",
       extensive(R"({"player": "chance", "actions": ["x", "y"], "probs": [0.5, 0.4999], "children": [)" + kLeaf +
                 "," + kLeaf + "]}"),
       "/root/probs", "must sum to 1"},
      {"an infoset has the same actions at all its nodes",
       extensive(R"({"player": "chance", "actions": ["l", "r"], "probs": ["1/2", "1/2"], "children": [
          {"player": 0, "infoset": "i", "actions": ["x", "y"], "children": [)" + kLeaf + "," + kLeaf + R"(]},
          {"player": 0, "infoset": "i", "actions": ["y", "x"], "children": [)" + kLeaf + "," + kLeaf + "]}]}"),
       "/root/children/1/actions", "different actions"},
      {"node ids are unique",
       extensive(R"({"id": "n", "player": 0, "infoset": "i", "actions": ["x"], "children": [{"id": "n", "payoffs": [0, 0]}]})"),
       "/root/children/0/id", "duplicate node id \"n\""},
      {"node ids are strings", extensive(R"({"id": 4, "payoffs": [0, 0]})"), "/root/id", "expected a node id"},
      {"games of other types are reported", R"({"format": "eqlab-game/1", "type": "markov", "players": ["a"]})",
       "/type", "cannot be loaded"},
  };
}

}  // namespace

TEST_CASE("every validation rule reports the file and the JSON pointer") {
  for (const BadInput& bad : bad_inputs()) {
    CAPTURE(bad.rule);
    bool thrown = false;
    try {
      read_json_game(bad.text, "bad.json");
    } catch (const InputError& e) {
      thrown = true;
      CAPTURE(e.what());
      CHECK(e.file() == "bad.json");
      CHECK(e.pointer() == bad.pointer);
      CHECK(std::string(e.what()).find(bad.message) != std::string::npos);
      CHECK(std::string(e.what()).rfind(std::string("bad.json: ") + bad.pointer + ": ", 0) == 0);
    }
    CHECK(thrown);
  }
}

TEST_CASE("invalid JSON is reported with its position") {
  try {
    read_json_game("{\"format\": ", "broken.json");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("broken.json: invalid JSON") == 0);
    CHECK(std::string(e.what()).find("line 1") != std::string::npos);
  }
}

TEST_CASE("a number too large for a double is reported with the file name and its JSON pointer") {
  try {
    read_json_game("{" + kHead + R"(, "x-n": "1e999", "root": {"payoffs": [1, -1e999]}})", "huge.json");
    FAIL("no error");
  } catch (const InputError& e) {
    // The string "1e999" before it is not the number: the pointer is the payoff's.
    CHECK(std::string(e.what()) ==
          "huge.json: /root/payoffs/1: the number -1e999 is outside the range of a double (magnitude below 1.8e308)");
  }
  // The place is found through nested objects and arrays, keys with escapes included.
  CHECK(find_json_number(R"({"a": [1, {"b\"c": [2, 3e400]}], "d": 3e400})", "3e400") == std::string("/a/1/b\"c/1"));
  CHECK(find_json_number(R"({"a/b": [0, 1e400]})", "1e400") == std::string("/a~1b/1"));
  CHECK(find_json_number("[1, 2]", "3") == std::nullopt);
}

TEST_CASE("a payoff beyond 1e100 in magnitude is refused at its JSON pointer") {
  try {
    read_json_game("{" + kHead + R"(, "root": {"payoffs": [1e300, 0]}})", "big.json");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) ==
          "big.json: /root/payoffs/0: the payoff 1e+300 is larger in magnitude than 1e100, the most eqlab accepts (its "
          "sums and squares would run out of range): rescale the game's payoffs");
  }
  CHECK_NOTHROW(read_json_game("{" + kHead + R"(, "root": {"payoffs": [-1e100, 1e100]}})", "edge.json"));
}

TEST_CASE("top-level x- members and the description are written back") {
  const std::string text = "{" + kHead + R"(, "description": "d", "x-tool": {"v": [1, 2]}, "root": {"payoffs": [1, -1]}})";
  const std::string written = game_to_json_text(read_json_game(text, "x.json"));
  LoadedGame again = read_json_game(written, "y.json");
  CHECK(again.description == "d");
  REQUIRE(again.extensions.count("x-tool") == 1);
  CHECK(again.extensions["x-tool"]["v"][1] == 2);
}

TEST_CASE("nesting beyond the limit is refused before parsing") {
  std::string deep(50, '[');
  deep += std::string(50, ']');
  LoadLimits limits;
  limits.max_nesting = 20;
  try {
    read_json_game(deep, "deep.json", limits);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("nesting deeper than the limit of 20") != std::string::npos);
  }
}

TEST_CASE("imperfect recall names the infoset and two witness nodes") {
  // Player 0 forgets its own first move: infoset "later" follows both "x" and "y".
  const std::string text = extensive(R"({"player": 0, "infoset": "first", "actions": ["x", "y"], "children": [
      {"id": "after-x", "player": 0, "infoset": "later", "actions": ["u"], "children": [)" + kLeaf + R"(]},
      {"id": "after-y", "player": 0, "infoset": "later", "actions": ["u"], "children": [)" + kLeaf + "]}]}");
  LoadedGame game = read_json_game(text, "forgetful.json");
  try {
    compile(game.tree);
    FAIL("no error");
  } catch (const InputError& e) {
    const std::string what = e.what();
    CAPTURE(what);
    CHECK(e.pointer() == "/root/children/1/infoset");
    CHECK(what.find("imperfect recall") != std::string::npos);
    CHECK(what.find("\"later\"") != std::string::npos);
    CHECK(what.find("\"after-x\"") != std::string::npos);
    CHECK(what.find("\"after-y\"") != std::string::npos);
  }
}

TEST_CASE("x- extensions are kept out of the way, exact numbers stay exact") {
  const std::string text = "{" + kHead + R"(, "x-tool": {"any": 1}, "root": {"player": "chance", "x-note": 1,
      "actions": ["l", "r"], "probs": ["1/3", 0.6666666666666667],
      "children": [{"payoffs": ["1/2", "-0.5"]}, {"payoffs": [2, -2]}]}})";
  LoadedGame game = read_json_game(text, "ok.json");
  CHECK(game.tree.probs_of(0)[0].exact);
  CHECK(game.tree.probs_of(0)[0].den == 3);
  CHECK(game.tree.payoffs_of(1)[1].exact);
  CHECK(game.tree.payoffs_of(1)[1].num == -1);
  CHECK(game.tree.payoffs_of(1)[1].den == 2);
  CompiledGame g = compile(game.tree);
  auto v = g.expected_values(g.uniform_profile());
  CHECK(v[0] == doctest::Approx(1.0 / 6 + 4.0 / 3));
}

TEST_CASE("writing and reading a game gives the same game") {
  const std::string text = "{" + kHead + R"(, "name": "round-trip", "root": {"player": "chance",
      "actions": ["l", "r"], "probs": ["1/3", "2/3"], "children": [
      {"player": 0, "infoset": "i", "actions": ["x", "y"], "children": [{"payoffs": ["1/2", "-1/2"]}, {"payoffs": [0, 0]}]},
      {"id": "right", "player": 1, "infoset": "j", "actions": ["u"], "children": [{"payoffs": [0.25, -0.25]}]}]}})";
  LoadedGame game = read_json_game(text, "a.json");
  const std::string written = game_to_json_text(game);
  LoadedGame again = read_json_game(written, "b.json");
  CHECK(game_to_json_text(again) == written);
  CHECK(written.find("\"1/3\"") != std::string::npos);
  CHECK(written.find("\"right\"") != std::string::npos);

  const std::string nf = normal(R"("actions": [["c", "d"], ["c", "d"]], "payoffs": [[[3, 3], [0, 5]], [[5, 0], [1, 1]]])");
  LoadedGame pd = read_json_game(nf, "pd.json");
  const std::string pd_text = game_to_json_text(pd);
  LoadedGame pd2 = read_json_game(pd_text, "pd2.json");
  REQUIRE(pd2.normal);
  CHECK(pd2.normal->payoffs[2 * 2 + 1].value == 0);  // (d, c): the column player gets 0
  CHECK(pd2.normal->payoffs[1 * 2 + 1].value == 5);  // (c, d): the column player gets 5
  CHECK(game_to_json_text(pd2) == pd_text);
}

TEST_CASE("a 100,000-deep chain loads from JSON, compiles and writes back") {
  constexpr int kDepth = 100000;
  std::string text = "{" + kHead + R"(, "root": )";
  text.reserve(kDepth * 96);
  for (int d = 0; d < kDepth; ++d)
    text += R"({"player": )" + std::to_string(d % 2) + R"(, "infoset": "d)" + std::to_string(d) +
            R"(", "actions": ["stop", "go"], "children": [{"payoffs": [1, -1]}, )";
  text += R"({"payoffs": [-1, 1]})";
  for (int d = 0; d < kDepth; ++d) text += "]}";
  text += "}";
  LoadedGame game = read_json_game(text, "deep.json");
  CHECK(game.tree.num_nodes() == 2 * kDepth + 1);
  CompiledGame g = compile(game.tree);
  CHECK(g.treeplex[0].num_infosets() == kDepth / 2);
  CHECK(g.terminals.size() == kDepth + 1);
  const std::string written = game_to_json_text(game);
  CHECK(read_json_game(written, "deep2.json").tree.num_nodes() == 2 * kDepth + 1);
}

TEST_CASE("hostile inputs: deep extensions, huge declared normal games, unsummable rationals") {
  auto error_of = [](const std::string& text) {
    try {
      read_json_game(text, "h.json");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  // An extension nested 200,000 deep: refused by depth, never copied or printed.
  std::string deep = "{" + kHead + R"(, "x-e": )" + std::string(200000, '[') + std::string(200000, ']') +
                     R"(, "root": {"payoffs": [0, 0]}})";
  CHECK(error_of(deep) == "h.json: /x-e: an extension nested deeper than 1000 levels");
  // A deep value where a scalar belongs is described by its type.
  std::string deep_format = R"({"format": )" + std::string(200000, '[') + std::string(200000, ']') + "}";
  CHECK(error_of(deep_format) == "h.json: /format: expected \"eqlab-game/1\", got array");

  // 12 players with 1,000 actions each declare 10^36 profiles: the error comes from the
  // data, with no attempt to allocate for the declaration.
  std::string actions;
  for (int p = 0; p < 12; ++p) {
    std::string list;
    for (int a = 0; a < 1000; ++a) list += (a ? ",\"a" : "\"a") + std::to_string(a) + "\"";
    actions += (p ? ",[" : "[") + list + "]";
  }
  std::string players;
  for (int p = 0; p < 12; ++p) players += (p ? ",\"p" : "\"p") + std::to_string(p) + "\"";
  const std::string huge = R"({"format": "eqlab-game/1", "type": "normal", "players": [)" + players +
                           R"(], "actions": [)" + actions + R"(], "payoffs": []})";
  CHECK(error_of(huge) == "h.json: /payoffs: expected an array of 1000 entries (one per action of player 0), got 0 entries");

  const std::string big_denominators = extensive(
      R"({"player": "chance", "actions": ["x", "y"], "probs": ["1/4611686018427387903", "4611686018427387902/4611686018427387903"],
          "children": [)" + kLeaf + "," + kLeaf + "]}");
  CHECK(error_of(big_denominators) == "no error");  // the exact sum fits: 1
  const std::string unsummable = extensive(
      R"({"player": "chance", "actions": ["x", "y"], "probs": ["1/4611686018427387903", "4611686018427387902/4611686018427387847"],
          "children": [)" + kLeaf + "," + kLeaf + "]}");
  CHECK(error_of(unsummable).find("h.json: /root/probs: the exact sum of these probabilities does not fit") == 0);
}

TEST_CASE("games of more than 64 players are refused when compiled") {
  std::vector<std::string> players;
  for (int p = 0; p < 65; ++p) players.push_back("p" + std::to_string(p));
  GameTree tree(players);
  tree.add_root(GameTree::terminal_node(std::vector<Number>(65, Number::integer(0))));
  tree.finalize();
  try {
    compile(tree);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("at most 64 players") != std::string::npos);
  }
}

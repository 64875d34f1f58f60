// docs/FORMAT.md is user documentation that must stay true: every eqlab-game/1 example in
// it is loaded and compiled here and checked against the facts the page states, every
// example it marks as rejected must fail with the exact error line it shows, and its result
// example must re-evaluate to its own metrics. The example games of examples/games are
// loaded the same way.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/algorithms/solver.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/games/graph/graph_files.hpp>
#include <eqlab/games/graph/graph_json.hpp>
#include <eqlab/games/io/gambit_efg.hpp>
#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/io/json_game.hpp>
#include <eqlab/games/io/result_file.hpp>
#include <eqlab/games/markov/json_markov.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/sim/result_documents.hpp>
#include <eqlab/sim/runner.hpp>

using namespace eqlab;
using nlohmann::json;

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::string& format_doc() {
  static const std::string text = read_text(EQLAB_SOURCE_DIR "/docs/FORMAT.md");
  return text;
}

// One fenced block of the page: its language tag, its content and the last non-empty
// line before its opening fence (where the page says "this is rejected").
struct Block {
  std::string lang;
  std::string content;
  std::string lead;
};

std::vector<Block> fenced_blocks(const std::string& markdown) {
  std::vector<Block> blocks;
  std::istringstream in(markdown);
  std::string line, last_text;
  bool inside = false;
  Block current;
  while (std::getline(in, line)) {
    if (!inside && line.rfind("```", 0) == 0) {
      inside = true;
      current = {line.substr(3), "", last_text};
    } else if (inside && line.rfind("```", 0) == 0) {
      inside = false;
      blocks.push_back(current);
      last_text.clear();
    } else if (inside) {
      current.content += line + "\n";
    } else if (line.find_first_not_of(" \t") != std::string::npos) {
      last_text = line;
    }
  }
  REQUIRE_MESSAGE(!inside, "FORMAT.md has an unclosed code block");
  return blocks;
}

bool is_game_example(const Block& b) {
  static const std::regex format(R"re("format"\s*:\s*"eqlab-game/1")re");
  return b.lang == "json" && std::regex_search(b.content, format);
}

bool is_rejected_example(const Block& b) { return b.lead.find("this is rejected") != std::string::npos; }

// Markov games are read by the Markov loader, not by load_game.
bool is_markov_example(const Block& b) {
  static const std::regex type(R"re("type"\s*:\s*"markov")re");
  return std::regex_search(b.content, type);
}

// Graph games are read by the graph loader, not by load_game.
bool is_graph_example(const Block& b) {
  static const std::regex type(R"re("type"\s*:\s*"graph")re");
  return std::regex_search(b.content, type);
}

// A compiled game together with what it was loaded from.
struct Example {
  LoadedGame loaded;
  CompiledGame compiled;
};

Example load_and_compile(const std::string& text, const std::string& file) {
  Example e{read_json_game(text, file), {}};
  e.compiled = compile(e.loaded.tree);
  return e;
}

// A profile given by labels, as a result file gives it.
Profile profile_of(const Example& e, const json& strategies) {
  return strategies_from_json(strategies, e.compiled);
}

std::vector<double> payoff_vector(const NormalGame& g, const std::vector<int>& profile) {
  std::vector<double> u;
  const std::size_t k = g.profile_index(profile);
  for (int p = 0; p < g.num_players(); ++p) u.push_back(g.payoffs[k * g.num_players() + p].value);
  return u;
}

int count_nodes(const GameTree& tree, NodeKind kind) {
  int count = 0;
  for (const TreeNode& n : tree.nodes) count += n.kind == kind;
  return count;
}

// The facts FORMAT.md states about each of its examples, by the example's name.
using Check = std::function<void(const Example&)>;

std::map<std::string, Check> documented_facts() {
  std::map<std::string, Check> facts;
  facts["prisoners-dilemma"] = [](const Example& e) {
    REQUIRE(e.loaded.normal);
    CHECK(e.loaded.type == "normal");
    CHECK(e.compiled.terminals.size() == 4);
    CHECK_FALSE(e.compiled.zero_sum);
    CHECK(payoff_vector(*e.loaded.normal, {0, 1}) == std::vector<double>{0, 5});  // payoffs[0][1]
    const auto v = e.compiled.expected_values(e.compiled.uniform_profile());
    CHECK(v[0] == doctest::Approx(2.25).epsilon(1e-12));
    CHECK(v[1] == doctest::Approx(2.25).epsilon(1e-12));
    // Solvers see one infoset per player, labelled with the player's name.
    CHECK(e.compiled.treeplex[0].infoset_labels == std::vector<std::string>{"row"});
  };
  facts["volunteers-dilemma"] = [](const Example& e) {
    REQUIRE(e.loaded.normal);
    CHECK(e.compiled.num_players() == 3);
    CHECK(e.compiled.terminals.size() == 8);
    // payoffs[a0][a1][a2]: ann volunteers alone.
    CHECK(payoff_vector(*e.loaded.normal, {0, 1, 1}) == std::vector<double>{1, 2, 2});
    CHECK(payoff_vector(*e.loaded.normal, {1, 0, 1}) == std::vector<double>{2, 1, 2});
    CHECK(payoff_vector(*e.loaded.normal, {1, 1, 1}) == std::vector<double>{0, 0, 0});
    // Uniform play: 1/2 x 1 (volunteer) + 1/2 x 2 x 3/4 (someone else does) = 1.25.
    for (double v : e.compiled.expected_values(e.compiled.uniform_profile()))
      CHECK(v == doctest::Approx(1.25).epsilon(1e-12));
  };
  facts["tiny-poker"] = [](const Example& e) {
    const GameTree& t = e.loaded.tree;
    CHECK(t.num_nodes() == 11);
    CHECK(count_nodes(t, NodeKind::decision) == 4);
    CHECK(count_nodes(t, NodeKind::chance) == 1);
    CHECK(e.compiled.terminals.size() == 6);
    CHECK(e.compiled.treeplex[0].num_infosets() == 2);
    CHECK(e.compiled.treeplex[0].num_sequences() == 5);
    CHECK(e.compiled.treeplex[1].num_infosets() == 1);
    CHECK(e.compiled.treeplex[1].num_sequences() == 3);
    CHECK(e.compiled.zero_sum);
    // Uniform: high (1 + 1.5) / 2, low (-1 - 0.5) / 2, averaged over the cards.
    CHECK(e.compiled.expected_values(e.compiled.uniform_profile())[0] == doctest::Approx(0.25).epsilon(1e-12));
    // The equilibrium the page's value refers to: worth 1/3, nobody gains by deviating.
    const Profile eq = profile_of(e, json::parse(R"([
        {"high": {"check": 0, "bet": 1}, "low": {"check": "2/3", "bet": "1/3"}},
        {"facing-bet": {"fold": "1/3", "call": "2/3"}}])"));
    const NashReport r = evaluate_nash(e.compiled, eq);
    CHECK(r.values[0] == doctest::Approx(1.0 / 3).epsilon(1e-12));
    CHECK(r.nash_conv < 1e-12);
  };
  facts["pass-the-coin"] = [](const Example& e) {
    const GameTree& t = e.loaded.tree;
    CHECK(e.compiled.num_players() == 3);
    CHECK(t.num_nodes() == 15);
    CHECK(e.compiled.terminals.size() == 8);
    CHECK(e.compiled.treeplex[0].num_infosets() == 2);
    CHECK(e.compiled.treeplex[1].num_infosets() == 1);
    CHECK(e.compiled.treeplex[2].num_infosets() == 1);
    CHECK(e.compiled.zero_sum);
    // The decimal 0.75 is read exactly, and the ids name their nodes.
    const Number heads = t.probs_of(0)[0];
    CHECK(heads.exact);
    CHECK(heads.num == 3);
    CHECK(heads.den == 4);
    CHECK(t.describe(0) == "node \"toss\"");
    CHECK(t.describe(t.child(0, 1)) == "node \"alice-tails\"");
    const auto uniform = e.compiled.expected_values(e.compiled.uniform_profile());
    CHECK(uniform[0] == doctest::Approx(-0.25).epsilon(1e-12));
    CHECK(uniform[1] == doctest::Approx(0.25).epsilon(1e-12));
    CHECK(uniform[2] == doctest::Approx(0.0));
    // The profile the page works out: alice keeps, carol guesses heads.
    const Profile keep = profile_of(e, json::parse(R"([
        {"saw-heads": {"keep": 1, "pass": 0}, "saw-tails": {"keep": 1, "pass": 0}},
        {},
        {"kept": {"heads": 1, "tails": 0}}])"));
    const auto v = e.compiled.expected_values(keep);
    CHECK(v[0] == doctest::Approx(-1.25).epsilon(1e-12));
    CHECK(v[1] == doctest::Approx(0.0));
    CHECK(v[2] == doctest::Approx(1.25).epsilon(1e-12));
  };
  facts["One card poker game, after Myerson (1991)"] = [](const Example& e) {
    CHECK(e.compiled.terminals.size() == 6);
    CHECK(e.compiled.treeplex[0].infoset_labels == std::vector<std::string>{"#1", "#2"});
    CHECK(e.compiled.treeplex[1].infoset_labels == std::vector<std::string>{"#1"});
    CHECK(e.loaded.tree.players == std::vector<std::string>{"Alice", "Bob"});
  };
  return facts;
}

// The file name an error block runs eqlab on: "$ eqlab info NAME".
std::string command_file(const std::string& error_block) {
  static const std::regex command(R"(\$ eqlab \w+ (\S+))");
  std::smatch m;
  REQUIRE_MESSAGE(std::regex_search(error_block, m, command), "no '$ eqlab COMMAND FILE' line in:\n" << error_block);
  return m[1];
}

// The error that loading and compiling `text` as `file` gives, as the command line prints
// it after "eqlab info: ".
std::string error_of(const std::string& text, const std::string& file) {
  try {
    load_and_compile(text, file);
  } catch (const InputError& e) {
    return e.file().empty() ? e.in_file(file).what() : e.what();
  }
  return "";
}

const Block& block_containing(const std::string& needle) {
  static const std::vector<Block> blocks = fenced_blocks(format_doc());
  for (const Block& b : blocks)
    if (b.content.find(needle) != std::string::npos) return b;
  FAIL("FORMAT.md has no code block containing " << needle);
  return blocks.front();
}

// Same members in the same order, same strings, numbers equal to 12 significant digits
// (the page shows what a run printed; the last bits may move with summation order).
void check_same_json(const nlohmann::ordered_json& shown, const nlohmann::ordered_json& written,
                     const std::string& where) {
  INFO("at ", where);
  if (shown.is_number() && written.is_number()) {
    CHECK(shown.get<double>() == doctest::Approx(written.get<double>()).epsilon(1e-12));
    return;
  }
  REQUIRE(shown.type() == written.type());
  if (shown.is_object()) {
    std::vector<std::string> shown_keys, written_keys;
    for (const auto& [key, value] : shown.items()) shown_keys.push_back(key);
    for (const auto& [key, value] : written.items()) written_keys.push_back(key);
    REQUIRE(shown_keys == written_keys);
    for (const std::string& key : shown_keys) check_same_json(shown[key], written[key], where + "/" + key);
  } else if (shown.is_array()) {
    REQUIRE(shown.size() == written.size());
    for (std::size_t k = 0; k < shown.size(); ++k)
      check_same_json(shown[k], written[k], where + "/" + std::to_string(k));
  } else {
    CHECK(shown == written);
  }
}

}  // namespace

TEST_CASE("FORMAT.md: every eqlab-game/1 example loads, compiles and has the facts the page states") {
  const auto facts = documented_facts();
  std::set<std::string> seen;
  int loaded = 0;
  for (const Block& b : fenced_blocks(format_doc())) {
    if (!is_game_example(b) || is_rejected_example(b) || is_markov_example(b) || is_graph_example(b)) continue;
    Example e;
    try {
      e = load_and_compile(b.content, "FORMAT.md");
    } catch (const std::exception& error) {
      FAIL("an example of FORMAT.md does not load: " << error.what() << "\n" << b.content);
    }
    ++loaded;
    INFO("example ", e.loaded.name);
    auto it = facts.find(e.loaded.name);
    REQUIRE_MESSAGE(it != facts.end(), "FORMAT.md example \"" << e.loaded.name << "\" has no checks here");
    CHECK(seen.insert(e.loaded.name).second);
    it->second(e);
  }
  CHECK(loaded == 5);
  for (const auto& [name, check] : facts) CHECK_MESSAGE(seen.contains(name), "FORMAT.md lost its example " << name);
}

TEST_CASE("FORMAT.md: every example marked 'this is rejected' fails with the error line shown after it") {
  const std::vector<Block> blocks = fenced_blocks(format_doc());
  int rejected = 0;
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    if (!is_game_example(blocks[k]) || !is_rejected_example(blocks[k])) continue;
    ++rejected;
    REQUIRE_MESSAGE(k + 1 < blocks.size(), "a rejected example has no error block after it");
    const std::string& shown = blocks[k + 1].content;
    const std::string file = command_file(shown);
    const std::string error = error_of(blocks[k].content, file);
    INFO("example run as ", file);
    REQUIRE_MESSAGE(!error.empty(), "the example is accepted, but FORMAT.md says it is rejected");
    CHECK_MESSAGE(shown.find("eqlab info: " + error + "\n") != std::string::npos,
                  "FORMAT.md shows\n" << shown << "but the error is\n" << error);
  }
  // forgetful driver and bad die
  CHECK(rejected == 2);
}

TEST_CASE("FORMAT.md: the graph example loads as a graph game") {
  const std::vector<Block> blocks = fenced_blocks(format_doc());
  int graph = 0;
  std::string json_text, graphml_text, dot_text;
  for (const Block& b : blocks) {
    if (is_game_example(b) && is_graph_example(b)) {
      ++graph;
      json_text = b.content;
    }
    if (b.lang == "xml" && b.content.find("<graphml") != std::string::npos) graphml_text = b.content;
    if (b.lang == "dot") dot_text = b.content;
  }
  REQUIRE(graph == 1);
  const TurnGame game = read_graph_game(json_text, "tiny-decoy.json");
  CHECK(game.name() == "tiny-decoy");
  REQUIRE(game.num_vertices() == 3);
  for (int v = 0; v < 3; ++v) CHECK(game.owner(v) == GraphPlayer::attacker);
  CHECK(game.targets() == std::vector<int>{game.find_vertex("db")});
  CHECK(game.is_initial(game.find_vertex("entry")));
  CHECK(game.trap_budget() == 1);
  CHECK(game.fake_budget() == 0);
  // Only web sets trap_ok: it is the one site, for traps only.
  REQUIRE(game.sites().size() == 1);
  CHECK(game.sites()[0].name == "web");
  CHECK(game.sites()[0].trap_ok);
  CHECK_FALSE(game.sites()[0].fake_ok);
  // The GraphML and DOT versions on the page are the same game.
  REQUIRE_FALSE(graphml_text.empty());
  REQUIRE_FALSE(dot_text.empty());
  for (const TurnGame& other : {read_graphml_game(graphml_text, "tiny-decoy.graphml"), read_dot_game(dot_text, "tiny-decoy.dot")}) {
    CHECK(other.name() == game.name());
    REQUIRE(other.num_vertices() == game.num_vertices());
    REQUIRE(other.num_edges() == game.num_edges());
    for (int v = 0; v < game.num_vertices(); ++v) {
      // DOT numbers vertices by name: compare them by name.
      const int w = other.find_vertex(game.vertex_name(v));
      REQUIRE(w >= 0);
      CHECK(other.owner(w) == game.owner(v));
      CHECK(other.is_target(w) == game.is_target(v));
      CHECK(other.is_initial(w) == game.is_initial(v));
      CHECK((other.site_of(w) >= 0) == (game.site_of(v) >= 0));
      REQUIRE(other.out_end(w) - other.out_begin(w) == game.out_end(v) - game.out_begin(v));
      for (std::size_t k = 0; k < game.out_end(v) - game.out_begin(v); ++k) {
        CHECK(other.vertex_name(other.edge_target(other.out_begin(w) + k)) ==
              game.vertex_name(game.edge_target(game.out_begin(v) + k)));
        CHECK(other.edge_action(other.out_begin(w) + k) == game.edge_action(game.out_begin(v) + k));
      }
    }
    CHECK(other.trap_budget() == game.trap_budget());
    CHECK(other.fake_budget() == game.fake_budget());
  }
}

TEST_CASE("FORMAT.md: the markov example is read by the Markov loader, as eqlab info shows, and refused by load_game") {
  const std::vector<Block> blocks = fenced_blocks(format_doc());
  int markov = 0;
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    if (!is_game_example(blocks[k]) || !is_markov_example(blocks[k])) continue;
    ++markov;
    const MarkovGame game = read_markov_game(blocks[k].content, "two-step-coordination.json");
    REQUIRE(k + 1 < blocks.size());
    const std::string& shown = blocks[k + 1].content;
    const std::string type_line = "markov: " + std::to_string(game.num_players()) + " players, horizon " +
                                  std::to_string(game.horizon()) + ", " + std::to_string(game.num_states()) + " states";
    CHECK_MESSAGE(shown.find("game            " + game.name() + "\n") != std::string::npos, shown);
    CHECK_MESSAGE(shown.find("type            " + type_line + "\n") != std::string::npos, shown);
    CHECK(game.num_joint_actions() == 4);
    // The two-step game pays (1, 1) per step only at (x, x): 2 for each player at best.
    CHECK(game.reward(0, 0, 0, 0) == 1.0);
    CHECK(game.reward(1, 0, 3, 1) == 0.0);
    std::string refused;
    try {
      load_and_compile(blocks[k].content, "two-step-coordination.json");
    } catch (const InputError& e) {
      refused = e.pointer();
    }
    CHECK(refused == "/type");
  }
  CHECK(markov == 1);
}

TEST_CASE("FORMAT.md: the error lines of 'Error messages' are the ones eqlab prints") {
  const std::string& shown = block_containing("eqlab info: colour.json").content;
  const std::vector<std::pair<std::string, std::string>> inputs = {
      {"colour.json", R"({"format": "eqlab-game/1", "type": "normal", "players": ["a", "b"], "colour": "blue",
 "actions": [["x"], ["y"]], "payoffs": [[[1, 1]]]})"},
      {"dup.json", R"({"format": "eqlab-game/1", "type": "extensive", "players": ["a", "b"],
 "root": {"player": 0, "infoset": "i", "actions": ["l", "r"], "children": [
   {"player": 1, "infoset": "j", "actions": ["x", "y"], "children": [{"payoffs": [1, 0]}, {"payoffs": [0, 1]}]},
   {"player": 1, "infoset": "j", "actions": ["y", "x"], "children": [{"payoffs": [1, 0]}, {"payoffs": [0, 1]}]}]}})"},
      {"syntax.json", "{\"format\": \"eqlab-game/1\", \"type\": \"normal\", \"players\": [\"a\", \"b\"],\n"
                      " \"actions\": [[\"x\"], [\"y\"]],\n"
                      " \"payoffs\": [[[1, 1],]]}\n"},
  };
  for (const auto& [file, text] : inputs) {
    const std::string error = error_of(text, file);
    INFO(file);
    REQUIRE(!error.empty());
    CHECK_MESSAGE(shown.find("eqlab info: " + error + "\n") != std::string::npos, "not shown: " << error);
  }

  const std::string efg = "EFG 2 R \"bad chance\" { \"Alice\" \"Bob\" }\n\"\"\n"
                          "c \"\" 1 \"deal\" { \"King\" 1/2 \"Queen\" 1/3 } 0\n"
                          "t \"\" 1 \"Alice wins\" { 1, -1 }\nt \"\" 2 \"Bob wins\" { -1, 1 }\n";
  std::string efg_error;
  try {
    read_gambit_efg(efg, "bad.efg");
  } catch (const InputError& e) {
    efg_error = e.detail();
    CHECK(e.pointer() == "line 3, column 6");
  }
  CHECK(efg_error == "the probabilities of chance event 1 sum to 5/6, not 1");
  CHECK(shown.find("eqlab info: bad.efg: line 3, column 6: " + efg_error + "\n") != std::string::npos);

  std::string builtin_error;
  try {
    make_builtin("goofspiel(cards=20)");
  } catch (const UsageError& e) {
    builtin_error = e.what();
  }
  REQUIRE(!builtin_error.empty());
  CHECK(shown.find("eqlab info: " + builtin_error + ";") != std::string::npos);
}

TEST_CASE("FORMAT.md: the probability sums of 'Numbers' are accepted or rejected as stated") {
  const auto chance = [](const std::string& probs) {
    return R"({"format": "eqlab-game/1", "type": "extensive", "players": ["p"],
      "root": {"player": "chance", "actions": ["1", "2", "3"], "probs": )" +
           probs + R"(, "children": [{"payoffs": [1]}, {"payoffs": [2]}, {"payoffs": [3]}]}})";
  };
  CHECK_NOTHROW(read_json_game(chance(R"(["1/3", "1/3", "1/3"])"), "sum.json"));
  CHECK_THROWS_WITH_AS(read_json_game(chance(R"(["1/3", "1/3", "1/4"])"), "sum.json"),
                       "sum.json: /root/probs: probabilities must sum to 1, they sum to 11/12", InputError);
  CHECK_NOTHROW(read_json_game(chance("[0.3333333333, 0.3333333333, 0.3333333333]"), "sum.json"));
  CHECK_THROWS_AS(read_json_game(chance("[0.333, 0.333, 0.333]"), "sum.json"), InputError);
  // Exact decimals come back from `eqlab convert` as rationals.
  const LoadedGame g = read_json_game(chance(R"([0.125, "0.375", "1/2"])"), "sum.json");
  CHECK(game_to_json(g)["root"]["probs"] == json::parse(R"(["1/8", "3/8", "1/2"])"));
}

TEST_CASE("FORMAT.md: the number forms of 'Numbers' are read as the table says") {
  const auto payoff = [](const std::string& written) {
    const LoadedGame g = read_json_game(
        R"({"format": "eqlab-game/1", "type": "normal", "players": ["a"], "actions": [["x"]], "payoffs": [[)" +
            written + "]]}",
        "numbers.json");
    return g.normal->payoffs.at(0);
  };
  const auto exact = [&](const std::string& written, std::int64_t num, std::int64_t den) {
    INFO(written);
    const Number n = payoff(written);
    CHECK(n.exact);
    CHECK(n.num == num);
    CHECK(n.den == den);
  };
  exact("3", 3, 1);
  exact(R"("-5/2")", -5, 2);
  exact("0.125", 1, 8);
  exact("1e-3", 1, 1000);
  exact(R"("0.125")", 1, 8);
  for (const char* inexact : {"1e-30", R"("1e-3")", R"("2.5E2")"}) {
    INFO(inexact);
    CHECK_FALSE(payoff(inexact).exact);
  }
  CHECK(payoff(R"("2.5E2")").value == 250.0);
  for (const char* bad : {R"("inf")", R"("nan")", R"("1/0")"}) {
    INFO(bad);
    CHECK_THROWS_AS(payoff(bad), InputError);
  }
}

TEST_CASE("FORMAT.md: the converted Gambit poker is what eqlab reads from poker.efg") {
  const LoadedGame gambit = load_game_file(EQLAB_TEST_DATA "/gambit/doc/poker.efg");
  const json shown = json::parse(block_containing("One card poker game, after Myerson").content);
  CHECK(game_to_json(gambit) == shown);
}

TEST_CASE("FORMAT.md: the result example re-evaluates to its own metrics") {
  const json result = json::parse(block_containing("\"eqlab-result/1\"").content);
  CHECK(result["game"] == "tiny-poker");
  CHECK(result["concept"] == "nash");
  const Example e = load_and_compile(read_text(EQLAB_SOURCE_DIR "/examples/games/tiny-poker.json"), "tiny-poker.json");
  const NashReport r = evaluate_nash(e.compiled, result_profile(result, e.compiled, "result.json"));
  const json& m = result["metrics"];
  CHECK(r.nash_conv == doctest::Approx(m["nash_conv"].get<double>()).epsilon(1e-9));
  CHECK(r.exploitability == doctest::Approx(m["exploitability"].get<double>()).epsilon(1e-9));
  CHECK(r.values[0] == doctest::Approx(m["values"][0].get<double>()).epsilon(1e-12));
  CHECK(r.values[1] == doctest::Approx(m["values"][1].get<double>()).epsilon(1e-12));
  // The definitions of the metrics table, on the documented numbers.
  CHECK(m["exploitability"].get<double>() == doctest::Approx(m["nash_conv"].get<double>() / 2).epsilon(1e-12));
  CHECK((r.best_response[0] - r.values[0]) + (r.best_response[1] - r.values[1]) ==
        doctest::Approx(r.nash_conv).epsilon(1e-12));
  CHECK(r.best_response[0] - r.values[0] == doctest::Approx(3.30e-4).epsilon(1e-2));
  CHECK(r.best_response[1] - r.values[1] == doctest::Approx(5.40e-5).epsilon(1e-2));
  // The last curve row is the final measurement.
  CHECK(result["curve"].back()["iteration"] == result["iterations"]);
  CHECK(result["curve"].back()["nash_conv"] == m["nash_conv"]);
  // The unknown-label error the page quotes.
  json wrong = result;
  wrong["strategies"][1]["facing-bet"] = {{"raise", 1}};
  CHECK_THROWS_WITH_AS(result_profile(wrong, e.compiled, "result.json"),
                       "result.json: /strategies/1/facing-bet/raise: unknown action \"raise\" (the actions here are "
                       "fold, call)",
                       InputError);
}

TEST_CASE("examples/games: every example game loads and has its documented number") {
  // One fact per file; a new example needs an entry here.
  std::map<std::string, Check> facts;
  facts["kuhn.json"] = [](const Example& e) {
    CHECK(e.compiled.terminals.size() == 30);
    CHECK(e.compiled.num_infosets() == 12);
  };
  facts["prisoners-dilemma.json"] = [](const Example& e) {
    CHECK(e.compiled.expected_values(e.compiled.uniform_profile())[0] == doctest::Approx(2.25).epsilon(1e-12));
  };
  facts["matching-pennies.json"] = [](const Example& e) {
    // Both playing heads: the matcher cannot gain, the mismatcher gains 2 by switching.
    const Profile heads = profile_of(e, json::parse(R"([{"heads": 1, "tails": 0}, {"heads": 1, "tails": 0}])"));
    CHECK(evaluate_nash(e.compiled, heads).nash_conv == doctest::Approx(2.0).epsilon(1e-12));
  };
  facts["shapley-asymmetric.json"] = [](const Example& e) {
    // Uniform play: the row player's action a earns 2/3 against 4/9 on average, the
    // column player is indifferent, so uniform play is not the equilibrium learners need.
    CHECK(evaluate_nash(e.compiled, e.compiled.uniform_profile()).nash_conv == doctest::Approx(2.0 / 9).epsilon(1e-12));
  };
  facts["tiny-poker.json"] = [](const Example& e) {
    const Profile eq = profile_of(e, json::parse(R"([
        {"high": {"check": 0, "bet": 1}, "low": {"check": "2/3", "bet": "1/3"}},
        {"facing-bet": {"fold": "1/3", "call": "2/3"}}])"));
    CHECK(evaluate_nash(e.compiled, eq).values[0] == doctest::Approx(1.0 / 3).epsilon(1e-12));
  };

  std::set<std::string> seen;
  for (const auto& entry : std::filesystem::directory_iterator(EQLAB_SOURCE_DIR "/examples/games")) {
    if (entry.path().extension() != ".json") continue;
    const std::string name = entry.path().filename().string();
    INFO(name);
    const Example e = load_and_compile(read_text(entry.path().string()), name);
    auto it = facts.find(name);
    REQUIRE_MESSAGE(it != facts.end(), "examples/games/" << name << " has no check here");
    it->second(e);
    seen.insert(name);
  }
  for (const auto& [name, check] : facts) CHECK_MESSAGE(seen.contains(name), "examples/games lost " << name);
}

TEST_CASE("FORMAT.md: the result example is what eqlab solve writes for that command") {
  // eqlab solve examples/games/tiny-poker.json --iterations 1000 --checkpoints 3 --out F
  const Example e = load_and_compile(read_text(EQLAB_SOURCE_DIR "/examples/games/tiny-poker.json"), "tiny-poker.json");
  std::unique_ptr<Solver> solver = make_solver("cfr+", e.compiled, SolverOptions{});
  RunOptions run;
  run.iterations = 1000;
  run.checkpoints = 3;
  const RunResult result = run_solver(*solver, e.compiled, run);
  const nlohmann::ordered_json written = run_result_json(*solver, e.loaded.name, e.compiled, result);
  const auto shown = nlohmann::ordered_json::parse(block_containing("\"eqlab-result/1\"").content);
  check_same_json(shown, written, "");
}

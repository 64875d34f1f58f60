#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/io/result_file.hpp>
#include <eqlab/games/normal/normal_game.hpp>
#include <eqlab/lib/error.hpp>

using namespace eqlab;
using json = nlohmann::ordered_json;

namespace {

const CompiledGame& kuhn() {
  static const CompiledGame game = compile(make_builtin("kuhn"));
  return game;
}

// A behavioural profile of Kuhn poker in which player 0 always bets with the king, so
// that its infoset "Kpb" (king, passed, facing a bet) is never reached.
Profile kuhn_profile() {
  const CompiledGame& g = kuhn();
  Profile x;
  for (int p = 0; p < 2; ++p) {
    const Treeplex& tp = g.treeplex[p];
    std::vector<double> b(tp.num_sequences(), 0.0);
    for (int j = 0; j < tp.num_infosets(); ++j) {
      const int s = tp.first_seq[j];
      const double bet = tp.infoset_labels[j] == "K" && p == 0 ? 1.0 : 0.1 + 0.1 * j;
      b[s] = 1.0 - bet;      // pass
      b[s + 1] = bet;        // bet
    }
    x.emplace_back(tp.num_sequences());
    tp.to_sequence_form(b, x.back());
  }
  return x;
}

std::string error_pointer(const json& strategies) {
  try {
    strategies_from_json(strategies, kuhn(), "r.json");
  } catch (const InputError& e) {
    CHECK(e.file() == "r.json");
    return e.pointer();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("Kuhn strategies: written behaviourally by label, read back to the same profile") {
  const CompiledGame& g = kuhn();
  REQUIRE(g.treeplex[0].action_labels[1] == "pass");
  const Profile x = kuhn_profile();
  const json s = strategies_to_json(g, x);
  REQUIRE(s.is_array());
  REQUIRE(s.size() == 2);
  CHECK(s[0].size() == 6);
  CHECK(s[1].size() == 6);
  // Infosets in the game's order, actions in the infoset's order.
  CHECK(s[0].begin().key() == g.treeplex[0].infoset_labels[0]);
  CHECK(s[0]["K"].begin().key() == "pass");
  CHECK(s[0]["K"]["bet"].get<double>() == 1.0);
  CHECK(s[0]["K"]["pass"].get<double>() == 0.0);
  // Unreached: written as the uniform strategy.
  CHECK(s[0]["Kpb"]["bet"].get<double>() == 0.5);
  const Profile back = strategies_from_json(s, g);
  for (int p = 0; p < 2; ++p) {
    REQUIRE(back[p].size() == x[p].size());
    for (std::size_t k = 0; k < x[p].size(); ++k) CHECK(back[p][k] == doctest::Approx(x[p][k]).epsilon(1e-14));
  }
}

TEST_CASE("missing infosets read as uniform") {
  const CompiledGame& g = kuhn();
  const Profile x = strategies_from_json(json::array({json::object(), json::object()}), g);
  const Profile uniform = g.uniform_profile();
  for (int p = 0; p < 2; ++p)
    for (std::size_t k = 0; k < x[p].size(); ++k) CHECK(x[p][k] == doctest::Approx(uniform[p][k]));
}

TEST_CASE("bad strategies are rejected with the JSON pointer of the value at fault") {
  json ok = strategies_to_json(kuhn(), kuhn_profile());

  json unknown_action = ok;
  unknown_action[1]["Kb"] = {{"pass", 0.5}, {"call", 0.5}};
  CHECK(error_pointer(unknown_action) == "/strategies/1/Kb/call");

  json unknown_infoset = ok;
  unknown_infoset[0]["Z"] = {{"pass", 1}};
  CHECK(error_pointer(unknown_infoset) == "/strategies/0/Z");

  json negative = ok;
  negative[0]["J"] = {{"pass", 1.5}, {"bet", -0.5}};
  CHECK(error_pointer(negative) == "/strategies/0/J/bet");

  json short_sum = ok;
  short_sum[0]["Q"] = {{"pass", 0.5}, {"bet", 0.4}};
  CHECK(error_pointer(short_sum) == "/strategies/0/Q");

  json nearly = ok;
  nearly[0]["Q"] = {{"pass", 0.5}, {"bet", 0.5 + 5e-7}};
  CHECK(error_pointer(nearly) == "(no error)");

  json not_number = ok;
  not_number[1]["Jb"]["bet"] = "lots";
  CHECK(error_pointer(not_number) == "/strategies/1/Jb/bet");

  CHECK(error_pointer(json::array({ok[0]})) == "/strategies");
  CHECK(error_pointer(json::array({ok[0], 3})) == "/strategies/1");
}

TEST_CASE("normal-form strategies are one {action: probability} object per player") {
  NormalGame pd;
  pd.players = {"row", "col"};
  pd.actions = {{"cooperate", "defect"}, {"cooperate", "defect", "leave"}};
  for (int v = 0; v < 12; ++v) pd.payoffs.push_back(Number::integer(v));
  const CompiledGame g = compile(pd.to_tree());
  const Profile x{{1.0, 0.25, 0.75}, {1.0, 0.5, 0.0, 0.5}};
  const json s = strategies_to_json(g, x);
  CHECK(s[0] == json({{"cooperate", 0.25}, {"defect", 0.75}}));
  CHECK(s[1] == json({{"cooperate", 0.5}, {"defect", 0.0}, {"leave", 0.5}}));
  CHECK(strategies_from_json(s, g) == x);
  json bad = s;
  bad[1]["stay"] = 0.0;
  try {
    strategies_from_json(bad, g, "r.json");
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.pointer() == "/strategies/1/stay");
  }
}

TEST_CASE("result files: every member of eqlab-result/1, and the format is checked on read") {
  ResultHeader header;
  header.game = "kuhn";
  header.solver = "cfr+";
  header.params = {{"seed", 7}};
  header.iterations = 42;
  const json metrics = {{"nash_conv", 0.5}, {"exploitability", 0.25}, {"values", {-0.1, 0.1}}};
  const json curve = json::array({{{"iteration", 42}, {"exploitability", 0.25}}});
  const json r = result_to_json(header, kuhn(), kuhn_profile(), metrics, curve);
  CHECK(r.begin().key() == "format");
  CHECK(r["format"] == "eqlab-result/1");
  CHECK(r["game"] == "kuhn");
  CHECK(r["solver"] == json({{"name", "cfr+"}, {"params", {{"seed", 7}}}}));
  CHECK(r["concept"] == "nash");
  CHECK(r["iterations"] == 42);
  CHECK(r["metrics"] == metrics);
  CHECK(r["curve"] == curve);
  CHECK(r["strategies"].size() == 2);
  CHECK_FALSE(result_to_json(header, kuhn(), kuhn_profile(), metrics).contains("curve"));

  const std::filesystem::path dir = std::filesystem::temp_directory_path();
  const std::string good = (dir / ("eqlab-result-" + std::to_string(getpid()) + ".json")).string();
  std::ofstream(good) << r.dump();
  const json read = read_result_file(good);
  const Profile x = result_profile(read, kuhn(), good);
  CHECK(x[0][1] == doctest::Approx(kuhn_profile()[0][1]));

  json wrong = r;
  wrong["format"] = "eqlab-result/2";
  std::ofstream(good) << wrong.dump();
  try {
    read_result_file(good);
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.pointer() == "/format");
    CHECK(e.file() == good);
  }
  std::ofstream(good) << "{\"format\": ";
  CHECK_THROWS_AS(read_result_file(good), InputError);
  std::filesystem::remove(good);
  CHECK_THROWS_AS(read_result_file(good), InputError);
}

TEST_CASE("result files are read under the same size and nesting limits as game files") {
  const std::filesystem::path dir = std::filesystem::temp_directory_path();
  const std::string path = (dir / ("eqlab-result-limits-" + std::to_string(getpid()) + ".json")).string();
  // 71 bytes, nested 3 deep: {"strategies": [{...}]}.
  const std::string text = R"({"format": "eqlab-result/1", "strategies": [{"x": 1}], "iterations": 7})";
  REQUIRE(text.size() == 71);
  std::ofstream(path) << text;
  CHECK(read_result_file(path)["iterations"] == 7);

  LoadLimits small;
  small.max_bytes = 70;
  try {
    read_result_file(path, small);
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) ==
          path + ": the file has 71 bytes, over the limit of 70 (raise it with --max-bytes)");
  }
  small.max_bytes = 71;
  CHECK_NOTHROW(read_result_file(path, small));

  LoadLimits shallow;
  shallow.max_nesting = 2;
  try {
    read_result_file(path, shallow);
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.file() == path);
    CHECK(e.pointer() == "line 1");
    CHECK(e.detail() == "JSON nesting deeper than the limit of 2 levels (raise it with --max-nesting)");
  }
  shallow.max_nesting = 3;
  CHECK_NOTHROW(read_result_file(path, shallow));
  std::filesystem::remove(path);
}

TEST_CASE("a deeply nested format member is reported by its type, never printed") {
  // Printing a value recurses on its depth: 200,000 levels would overflow the stack.
  const std::filesystem::path dir = std::filesystem::temp_directory_path();
  const std::string path = (dir / ("eqlab-result-deep-" + std::to_string(getpid()) + ".json")).string();
  constexpr std::size_t kDepth = 200'000;
  std::ofstream(path) << "{\"format\": " << std::string(kDepth, '[') << std::string(kDepth, ']')
                      << ", \"strategies\": []}";
  try {
    read_result_file(path);
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.pointer() == "/format");
    CHECK(e.detail() == "expected \"eqlab-result/1\", found array");
  }
  std::filesystem::remove(path);
}

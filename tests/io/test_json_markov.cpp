// The `markov` game format: a hand-written file read back cell by cell (wildcards,
// step-specific entries, first match wins, reward_range), and one bad input per rule,
// each error naming the file, the JSON pointer and what was expected.
#include <doctest/doctest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <eqlab/games/markov/json_markov.hpp>
#include <eqlab/games/markov/markov_builtin.hpp>
#include <eqlab/games/markov/table_model.hpp>
#include <eqlab/lib/error.hpp>

using namespace eqlab;
using nlohmann::json;

namespace {

const std::string kHandFile = std::string(EQLAB_TEST_DATA) + "/markov-hand.json";

std::size_t joint(const MarkovGame& g, int a0, int a1) {
  const int p[2] = {a0, a1};
  return g.joint_action(p);
}

// A small valid game that each bad input below breaks in one place.
json valid_doc() {
  return json::parse(R"({"format": "eqlab-game/1", "type": "markov", "players": ["a", "b"],
    "horizon": 2, "states": ["s0", "s1"], "actions": [["x", "y"], ["l"]], "initial": {"s0": 1},
    "transitions": [
      {"state": "s0", "actions": ["*", "*"], "next": {"s0": 1}, "rewards": [0, 1]},
      {"state": "s1", "actions": ["*", "l"], "next": {"s1": "1/3", "s0": "2/3"}, "rewards": [1, 0]}]})");
}

struct BadInput {
  const char* rule;
  std::function<void(json&)> edit;
  const char* pointer;
  const char* message;  // a fragment the error must contain
};

json::json_pointer at(const char* pointer) { return json::json_pointer(pointer); }

std::vector<BadInput> bad_inputs() {
  return {
      {"format is eqlab-game/1", [](json& d) { d["format"] = "eqlab-game/2"; }, "/format", "expected \"eqlab-game/1\""},
      {"type is markov", [](json& d) { d["type"] = "normal"; }, "/type", "expected \"markov\", got \"normal\""},
      {"players are distinct", [](json& d) { d["players"] = {"a", "a"}; }, "/players/1", "duplicate player name \"a\""},
      {"name is a string", [](json& d) { d["name"] = 3; }, "/name", "expected a string"},
      {"horizon is required", [](json& d) { d.erase("horizon"); }, "/", "missing member \"horizon\""},
      {"states is required", [](json& d) { d.erase("states"); }, "/", "missing member \"states\""},
      {"actions is required", [](json& d) { d.erase("actions"); }, "/", "missing member \"actions\""},
      {"initial is required", [](json& d) { d.erase("initial"); }, "/", "missing member \"initial\""},
      {"transitions is required", [](json& d) { d.erase("transitions"); }, "/", "missing member \"transitions\""},
      {"no unknown top-level member", [](json& d) { d["colour"] = 1; }, "/colour", "unknown member \"colour\""},
      {"horizon is an integer", [](json& d) { d["horizon"] = "2"; }, "/horizon", "expected an integer H >= 1"},
      {"horizon is >= 1", [](json& d) { d["horizon"] = 0; }, "/horizon", "expected an integer H >= 1, got 0"},
      {"horizon fits a table", [](json& d) { d["horizon"] = 1'000'000'000; }, "/horizon",
       "more than a table can hold"},
      {"the table fits in memory",  // 10^4 steps x 10^5 states x 2 joint actions
       [](json& d) {
         d["states"] = json::array();
         for (int k = 0; k < 100'000; ++k) d["states"].push_back("s" + std::to_string(k));
         d["horizon"] = 10'000;
       },
       "/actions", "too many for a table"},
      {"states is an array", [](json& d) { d["states"] = "s0"; }, "/states", "expected an array (state labels)"},
      {"state labels are distinct", [](json& d) { d["states"] = {"s0", "s0"}; }, "/states/1",
       "duplicate state label \"s0\""},
      {"state labels are non-empty strings", [](json& d) { d["states"][1] = 5; }, "/states/1",
       "expected state label"},
      {"one action list per player", [](json& d) { d["actions"] = {{"x"}}; }, "/actions",
       "expected 2 action lists (one per player), got 1"},
      {"action lists are arrays", [](json& d) { d["actions"][1] = "l"; }, "/actions/1", "expected an array"},
      {"action lists are not empty", [](json& d) { d["actions"][1] = json::array(); }, "/actions/1",
       "needs at least one action"},
      {"action labels are distinct", [](json& d) { d["actions"][0] = {"x", "x"}; }, "/actions/0/1",
       "duplicate action label \"x\""},
      {"\"*\" is not an action label", [](json& d) { d["actions"][0] = {"*", "y"}; }, "/actions/0/0",
       "\"*\" cannot be an action label"},
      {"initial is an object", [](json& d) { d["initial"] = {1}; }, "/initial", "expected an object"},
      {"initial names known states", [](json& d) { d["initial"] = {{"s0", 0.5}, {"s7", 0.5}}; }, "/initial/s7",
       "unknown state \"s7\" (the states are s0, s1)"},
      {"initial sums to 1", [](json& d) { d["initial"] = {{"s0", 0.5}}; }, "/initial",
       "probabilities must sum to 1, they sum to 1/2"},
      {"reward_range is [lo, hi]", [](json& d) { d["reward_range"] = {0}; }, "/reward_range", "expected [lo, hi]"},
      {"reward_range has lo < hi", [](json& d) { d["reward_range"] = {1, 1}; }, "/reward_range",
       "expected lo < hi, got [1, 1]"},
      {"reward_range holds numbers", [](json& d) { d["reward_range"] = {"low", 1}; }, "/reward_range/0",
       "expected a number"},
      {"transitions is an array", [](json& d) { d["transitions"] = json::object(); }, "/transitions",
       "expected an array (transition entries)"},
      {"an entry is an object", [](json& d) { d["transitions"][0] = 1; }, "/transitions/0",
       "expected a transition entry"},
      {"no unknown entry member", [](json& d) { d["transitions"][0]["prob"] = 1; }, "/transitions/0/prob",
       "unknown member \"prob\" in a transition entry"},
      {"an entry needs rewards", [](json& d) { d["transitions"][0].erase("rewards"); }, "/transitions/0",
       "missing member \"rewards\""},
      {"an entry needs next", [](json& d) { d["transitions"][1].erase("next"); }, "/transitions/1",
       "missing member \"next\""},
      {"an entry names a known state", [](json& d) { d["transitions"][0]["state"] = "s9"; }, "/transitions/0/state",
       "unknown state \"s9\" (the states are s0, s1)"},
      {"next names known states", [](json& d) { d["transitions"][1]["next"] = {{"s9", 1}}; },
       "/transitions/1/next/s9", "unknown state \"s9\" (the states are s0, s1)"},
      {"one action per player", [](json& d) { d["transitions"][0]["actions"] = {"*"}; }, "/transitions/0/actions",
       "expected 2 actions (one per player), got 1"},
      {"actions are known labels", [](json& d) { d["transitions"][1]["actions"][1] = "q"; },
       "/transitions/1/actions/1", "unknown action \"q\" of player \"b\" (the actions are l, or \"*\")"},
      {"actions are labels of their own player", [](json& d) { d["transitions"][1]["actions"][0] = "l"; },
       "/transitions/1/actions/0", "unknown action \"l\" of player \"a\""},
      {"one reward per player", [](json& d) { d["transitions"][0]["rewards"] = {0}; }, "/transitions/0/rewards",
       "expected 2 rewards (one per player), got 1"},
      {"rewards are numbers", [](json& d) { d["transitions"][0]["rewards"][0] = "much"; },
       "/transitions/0/rewards/0", "expected a reward"},
      {"rewards lie in reward_range", [](json& d) { d["transitions"][0]["rewards"][1] = 2; },
       "/transitions/0/rewards/1", "reward 2 is outside reward_range [0, 1]"},
      {"rewards lie in a given reward_range",
       [](json& d) {
         d["reward_range"] = {"1/2", 1};
         d["transitions"][0]["rewards"] = {"1/2", 0.25};
       },
       "/transitions/0/rewards/1", "reward 1/4 is outside reward_range [1/2, 1]"},
      {"next probabilities are >= 0", [](json& d) { d["transitions"][0]["next"] = {{"s0", 1.5}, {"s1", -0.5}}; },
       "/transitions/0/next/s1", "a probability must be >= 0"},
      {"next sums to 1 within 1e-9", [](json& d) { d["transitions"][0]["next"] = {{"s0", 0.5}, {"s1", 0.4999}}; },
       "/transitions/0/next", "probabilities must sum to 1"},
      {"exact next sums to exactly 1", [](json& d) { d["transitions"][1]["next"] = {{"s0", "1/3"}, {"s1", "1/3"}}; },
       "/transitions/1/next", "they sum to 2/3"},
      {"next is an object", [](json& d) { d["transitions"][0]["next"] = {1}; }, "/transitions/0/next",
       "expected an object {state: probability}"},
      {"step is within 1..H", [](json& d) { d["transitions"][0]["step"] = 3; }, "/transitions/0/step",
       "expected a step 1..2 (an integer), got 3"},
      {"step is >= 1", [](json& d) { d["transitions"][0]["step"] = 0; }, "/transitions/0/step", "expected a step 1..2"},
      {"step is an integer", [](json& d) { d["transitions"][0]["step"] = "1"; }, "/transitions/0/step",
       "expected a step 1..2"},
      {"every cell is matched", [](json& d) { d["transitions"].erase(1); }, "/transitions",
       "no entry matches step 1, state \"s1\", actions [\"x\", \"l\"]"},
      {"every step is matched", [](json& d) { d["transitions"][1]["step"] = 1; }, "/transitions",
       "no entry matches step 2, state \"s1\", actions [\"x\", \"l\"]"},
      {"every joint action is matched", [](json& d) { d["transitions"][0]["actions"][0] = "x"; }, "/transitions",
       "no entry matches step 1, state \"s0\", actions [\"y\", \"l\"]"},
  };
}

}  // namespace

TEST_CASE("markov format: the hand-written file reads back cell by cell") {
  const MarkovGame g = load_markov_game_file(kHandFile);
  CHECK(g.name() == "markov-hand");
  CHECK(g.num_players() == 2);
  CHECK(g.horizon() == 2);
  CHECK(g.states() == std::vector<std::string>{"s0", "s1"});
  CHECK(g.actions()[1] == std::vector<std::string>{"l", "r"});
  CHECK(g.initial()[0] == 0.25);
  CHECK(g.initial()[1] == 0.75);
  CHECK(g.reward_lo() == -2.0);
  CHECK(g.reward_hi() == 4.0);
  // Each entry is stored once, even the one that never wins a cell.
  CHECK(g.num_outcomes() == 8);
  const int X = 0, Y = 1, L = 0, R = 1;

  // Step 1, s0: entry 0 is step 2 only, so (x, l) and (x, r) come from entry 1.
  CHECK(g.reward(0, 0, joint(g, X, L), 0) == 1.0);
  CHECK(g.reward(0, 0, joint(g, X, L), 1) == 2.0);
  CHECK(g.reward(0, 0, joint(g, X, R), 0) == 1.0);
  auto n = g.next(0, 0, joint(g, X, R));
  REQUIRE(n.size() == 2);
  CHECK(n[0].state == 0);
  CHECK(n[0].prob == 0.5);
  CHECK(n[1].state == 1);
  CHECK(n[1].prob == 0.5);
  // (y, r): entry 2; (y, l): entry 3 with exact and decimal numbers.
  CHECK(g.reward(0, 0, joint(g, Y, R), 0) == 0.0);
  CHECK(g.reward(0, 0, joint(g, Y, R), 1) == 3.0);
  REQUIRE(g.next(0, 0, joint(g, Y, R)).size() == 1);
  CHECK(g.next(0, 0, joint(g, Y, R))[0].state == 1);
  CHECK(g.reward(0, 0, joint(g, Y, L), 0) == -0.5);
  CHECK(g.reward(0, 0, joint(g, Y, L), 1) == 0.5);
  CHECK(g.next(0, 0, joint(g, Y, L))[1].prob == 0.75);

  // Step 2, s0: entry 0 wins (x, l) because it comes first; transitions end.
  CHECK(g.reward(1, 0, joint(g, X, L), 0) == 4.0);
  CHECK(g.reward(1, 0, joint(g, X, L), 1) == -2.0);
  CHECK(g.reward(1, 0, joint(g, X, R), 1) == 2.0);
  CHECK(g.reward(1, 0, joint(g, Y, R), 1) == 3.0);
  CHECK(g.next(1, 0, joint(g, X, L)).empty());

  // s1: step 1 is all entry 4 (its zero-probability next state is dropped); at step 2
  // entry 5 takes y, entry 6 the rest, and entry 7 is shadowed.
  for (int a = 0; a < 4; ++a) {
    CHECK(g.reward(0, 1, a, 0) == 2.0);
    REQUIRE(g.next(0, 1, a).size() == 1);
    CHECK(g.next(0, 1, a)[0].state == 0);
  }
  CHECK(g.reward(1, 1, joint(g, Y, L), 0) == -2.0);
  CHECK(g.reward(1, 1, joint(g, Y, R), 1) == -2.0);
  CHECK(g.reward(1, 1, joint(g, X, L), 0) == 3.0);
  CHECK(g.reward(1, 1, joint(g, X, L), 1) == 1.0);
  CHECK(g.reward(1, 1, joint(g, X, R), 0) == 3.0);

  // reward_range [-2, 4] maps r to (r + 2) / 6.
  CHECK(g.normalised_reward(1, 0, joint(g, X, L), 0) == doctest::Approx(1.0));
  CHECK(g.normalised_reward(1, 0, joint(g, X, L), 1) == doctest::Approx(0.0));
  CHECK(g.normalised_reward(0, 0, joint(g, X, L), 0) == doctest::Approx(0.5));
  CHECK(g.normalised_reward(0, 0, joint(g, Y, L), 0) == doctest::Approx(0.25));
}

TEST_CASE("markov format: defaults, a missing name and sums within 1e-9") {
  json d = valid_doc();
  d["transitions"][0]["next"] = {{"s0", 0.5}, {"s1", 0.5000000001}};
  const MarkovGame g = parse_markov_game(d, "dir/small.json");
  CHECK(g.name() == "small.json");  // the file name stands in for a missing name
  CHECK(g.reward_lo() == 0.0);      // reward_range defaults to [0, 1]
  CHECK(g.reward_hi() == 1.0);
  CHECK(g.initial()[0] == 1.0);
  CHECK(g.initial()[1] == 0.0);
  // s1, (y, l): entry 1, {"s1": 1/3, "s0": 2/3}.
  double to_s0 = 0, to_s1 = 0;
  for (const StateProb& e : g.next(0, 1, 1)) (e.state == 0 ? to_s0 : to_s1) += e.prob;
  CHECK(to_s0 == doctest::Approx(2.0 / 3));
  CHECK(to_s1 == doctest::Approx(1.0 / 3));
  CHECK(g.reward(0, 1, 1, 0) == 1.0);
}

TEST_CASE("markov format: every broken rule names the file, the pointer and the rule") {
  for (const BadInput& bad : bad_inputs()) {
    CAPTURE(bad.rule);
    json d = valid_doc();
    bad.edit(d);
    bool thrown = false;
    try {
      parse_markov_game(d, "g.json");
    } catch (const InputError& e) {
      thrown = true;
      CHECK(e.file() == "g.json");
      CHECK(e.pointer() == bad.pointer);
      CHECK_MESSAGE(e.detail().find(bad.message) != std::string::npos, e.what());
      CHECK(std::string(e.what()).rfind(std::string("g.json: ") + bad.pointer + ": ", 0) == 0);
    }
    CHECK(thrown);
  }
}

TEST_CASE("markov format: text and file errors name the file") {
  try {
    read_markov_game("{\"format\": ", "broken.json");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.file() == "broken.json");
    CHECK(e.detail().find("invalid JSON") != std::string::npos);
  }
  LoadLimits shallow;
  shallow.max_nesting = 3;
  CHECK_THROWS_AS(read_markov_game(valid_doc().dump(), "deep.json", shallow), InputError);
  try {
    load_markov_game_file(std::string(EQLAB_TEST_DATA) + "/markov-absent.json");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.detail() == "no such file");
  }
  // The text reader agrees with the document reader.
  const MarkovGame g = read_markov_game(valid_doc().dump(), "small.json");
  CHECK(g.reward(1, 0, 0, 1) == 1.0);
  CHECK(g.num_joint_actions() == 2);
}

namespace {

// Every reward and next-state probability of two models, equal to the last bits a
// normalisation can change (a table stores rewards rescaled to [0, 1] and probabilities
// as read; a generator computes its own).
void check_same_model(const MarkovModel& a, const MarkovModel& b) {
  REQUIRE(a.shape().states == b.shape().states);
  REQUIRE(a.shape().actions == b.shape().actions);
  REQUIRE(a.initial() == b.initial());
  const int m = a.num_players(), S = a.num_states();
  std::vector<double> ra(m), rb(m), na(S), nb(S);
  for (int h = 0; h < a.horizon(); ++h)
    for (int s = 0; s < S; ++s)
      for (int x = 0; x < a.num_actions(0); ++x)
        for (int y = 0; y < a.num_actions(1); ++y) {
          std::vector<int> joint(static_cast<std::size_t>(m), 0);
          joint[0] = x;
          joint[1] = y;
          a.rewards(h, s, joint, ra);
          b.rewards(h, s, joint, rb);
          CAPTURE(h);
          CAPTURE(s);
          CAPTURE(x);
          CAPTURE(y);
          for (int i = 0; i < m; ++i) CHECK(ra[i] == doctest::Approx(rb[i]).epsilon(1e-14));
          if (h + 1 < a.horizon()) {
            a.next_distribution(h, s, joint, na);
            b.next_distribution(h, s, joint, nb);
            for (int t = 0; t < S; ++t) CHECK(na[t] == doctest::Approx(nb[t]).epsilon(1e-14));
          }
        }
}

}  // namespace

TEST_CASE("markov format: a game written as JSON reads back to the same game") {
  // A table from a file, with a reward range and wildcards.
  const MarkovGame hand = load_markov_game_file(kHandFile);
  const TableMarkovModel hand_model{MarkovGame(hand)};
  const nlohmann::ordered_json written = markov_game_to_json(hand_model);
  CHECK(written["transitions"].size() == static_cast<std::size_t>(hand_model.horizon() * hand_model.num_states() *
                                                                   hand_model.joint_actions()));
  const TableMarkovModel again(parse_markov_game(json::parse(written.dump()), "again.json"));
  check_same_model(hand_model, again);
  CHECK(markov_game_to_json(again) == written);
  // A generator: its table has the same numbers.
  const std::unique_ptr<MarkovModel> random =
      make_markov_builtin("markov-random(players=2,states=3,actions=2,horizon=3,seed=5)");
  const TableMarkovModel table(parse_markov_game(json::parse(markov_game_to_json(*random).dump()), "random.json"));
  check_same_model(*random, table);
  // Too large to write as a table.
  const std::unique_ptr<MarkovModel> wide =
      make_markov_builtin("markov-congestion(players=20)");
  CHECK_THROWS_AS(markov_game_to_json(*wide), UsageError);
}

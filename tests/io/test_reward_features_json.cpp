// Reward feature maps in Markov game files (games/markov/reward_features_json.hpp): the
// first matching entry gives φ, wildcards and steps as in transitions, and every mistake
// refused with its JSON pointer.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <eqlab/games/markov/markov_source.hpp>
#include <eqlab/games/markov/reward_features_json.hpp>
#include <eqlab/lib/error.hpp>

using namespace eqlab;
using json = nlohmann::json;

namespace {

const std::string kTrap = std::string(EQLAB_SOURCE_DIR) + "/examples/marlhf/coverage-trap.json";

std::string error_of(const json& features, const MarkovModel& model) {
  try {
    parse_reward_features({{"reward_features", features}}, "g.json", model);
  } catch (const InputError& e) {
    return e.pointer() + ": " + e.detail();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("reward features: the coverage trap's map") {
  const auto model = load_markov_model(kTrap);
  const RewardFeatureMap map = load_reward_features(kTrap, *model);
  CHECK(map.dimension == 3);
  REQUIRE(map.rows.size() == 2u * 3 * 4);
  // Row (h·S + s)·J + joint, joint = entrant·2 + incumbent.
  const auto row = [&](int h, int s, int entrant, int incumbent) { return map.rows[(h * 3 + s) * 4 + entrant * 2 + incumbent]; };
  CHECK(row(0, 0, 1, 1).empty());
  CHECK(row(1, 1, 0, 1) == std::vector<std::pair<int, double>>{{0, 1.0}});
  CHECK(row(1, 2, 1, 0) == std::vector<std::pair<int, double>>{{1, 1.0}});
  CHECK(row(0, 2, 0, 1) == std::vector<std::pair<int, double>>{{2, 1.0}});
}

TEST_CASE("reward features: first match wins, steps and wildcards") {
  const auto model = load_markov_model(kTrap);
  const json features = {{"dimension", 2},
                         {"entries",
                          {{{"state", "*"}, {"actions", {"leave", "*"}}, {"step", 1}, {"phi", {"1/2", 0}}},
                           {{"state", "*"}, {"actions", {"*", "*"}}, {"phi", {0, 2}}}}}};
  const RewardFeatureMap map = parse_reward_features({{"reward_features", features}}, "g.json", *model);
  CHECK(map.rows[(0 * 3 + 0) * 4 + 2] == std::vector<std::pair<int, double>>{{0, 0.5}});
  CHECK(map.rows[(1 * 3 + 0) * 4 + 2] == std::vector<std::pair<int, double>>{{1, 2.0}});
}

TEST_CASE("reward features: refusals with their pointers") {
  const auto model = load_markov_model(kTrap);
  const json all = {{"state", "*"}, {"actions", {"*", "*"}}, {"phi", {1}}};
  CHECK(error_of({{"dimension", 1}, {"entries", {all}}}, *model) == "accepted");
  CHECK(error_of({{"dimension", 0}, {"entries", {all}}}, *model).find("/reward_features/dimension") == 0);
  CHECK(error_of({{"dimension", 2}, {"entries", {all}}}, *model) ==
        "/reward_features/entries/0/phi: expected 2 values (the dimension), got 1");
  json bad = all;
  bad["state"] = "nowhere";
  CHECK(error_of({{"dimension", 1}, {"entries", {bad}}}, *model) ==
        "/reward_features/entries/0/state: unknown state \"nowhere\"");
  bad = all;
  bad["actions"] = {"*", "bribe"};
  CHECK(error_of({{"dimension", 1}, {"entries", {bad}}}, *model) ==
        "/reward_features/entries/0/actions/1: unknown action \"bribe\"");
  bad = all;
  bad["state"] = "inside";
  CHECK(error_of({{"dimension", 1}, {"entries", {bad}}}, *model).find(
            "/reward_features/entries: no entry matches step 1, state start, actions [stay, accommodate]") == 0);
  bad = all;
  bad["weight"] = 1;
  CHECK(error_of({{"dimension", 1}, {"entries", {bad}}}, *model).find("/reward_features/entries/0/weight") == 0);
  CHECK_THROWS_AS(load_reward_features(std::string(EQLAB_SOURCE_DIR) + "/tests/data/markov-hand.json",
                                       *load_markov_model(std::string(EQLAB_SOURCE_DIR) + "/tests/data/markov-hand.json")),
                  InputError);
}

// Preference datasets (eqlab-preferences/1): written and read back, by index and by
// label, and every malformed line refused with its line number and JSON pointer.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <eqlab/games/io/preference_data.hpp>
#include <eqlab/games/markov/markov_builtin.hpp>
#include <eqlab/lib/error.hpp>

using namespace eqlab;

namespace {

struct TempFile {
  std::filesystem::path path;
  explicit TempFile(const std::string& text) {
    path = std::filesystem::temp_directory_path() /
           ("eqlab-preferences-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".jsonl");
    std::ofstream(path) << text;
  }
  ~TempFile() { std::filesystem::remove(path); }
};

std::string error_of(const std::string& text, const MarkovModel& model) {
  const TempFile file(text);
  try {
    read_preference_data(file.path.string(), model);
  } catch (const InputError& e) {
    return e.pointer() + ": " + e.detail();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("preference data: written and read back") {
  const auto model = make_markov_builtin("markov-cycle(players=2,states=2,horizon=2)");
  std::ostringstream out;
  write_preference_header(out, *model, 0.5, "uniform");
  PreferencePairRecord pair;
  pair.first = {{0, 1}, {0, 1, 1, 0}};
  pair.second = {{1, 1}, {1, 1, 0, 0}};
  pair.labels = {1, 0};
  write_preference_pair(out, *model, pair);
  const TempFile file(out.str());
  const PreferenceDataset data = read_preference_data(file.path.string(), *model);
  CHECK(data.temperature == 0.5);
  CHECK(data.behaviour == "uniform");
  CHECK(data.game == model->name());
  REQUIRE(data.pairs.size() == 1);
  CHECK(data.pairs[0].first.states == pair.first.states);
  CHECK(data.pairs[0].first.actions == pair.first.actions);
  CHECK(data.pairs[0].second.actions == pair.second.actions);
  CHECK(data.pairs[0].labels == pair.labels);
}

TEST_CASE("preference data: bad lines are refused with the line and the pointer") {
  const auto model = make_markov_builtin("markov-cycle(players=2,states=2,horizon=2)");
  const std::string players = model->shape().players[0], other = model->shape().players[1];
  std::ostringstream header_out;
  write_preference_header(header_out, *model, 1.0, "");
  const std::string header = header_out.str();
  const std::string good_first = R"({"states": [0, 1], "actions": [[0, 1], [1, 0]]})";
  const auto line = [&](const std::string& first, const std::string& labels) {
    return R"({"first": )" + first + R"(, "second": )" + good_first + R"(, "labels": )" + labels + "}\n";
  };
  const std::string good_labels = R"({")" + players + R"(": 1, ")" + other + R"(": 0})";
  CHECK(error_of(header + line(good_first, good_labels), *model) == "accepted");

  // A label for a player the game does not have.
  const std::string extra = R"({")" + players + R"(": 1, ")" + other + R"(": 0, "ghost": 1})";
  CHECK(error_of(header + line(good_first, extra), *model) == "line 2: /labels/ghost: no player \"ghost\" in the game");
  // An action outside the game.
  CHECK(error_of(header + line(R"({"states": [0, 1], "actions": [[0, 1], [7, 0]]})", good_labels), *model)
            .find("line 2: /first/actions/1/0: action of player") == 0);
  // A state by a label the game does not have.
  CHECK(error_of(header + line(R"({"states": [0, "nowhere"], "actions": [[0, 1], [1, 0]]})", good_labels), *model)
            .find("line 2: /first/states/1: no state \"nowhere\"") == 0);
  // A truncated line.
  const std::string truncated = line(good_first, good_labels).substr(0, 40) + "\n";
  CHECK(error_of(header + truncated, *model).find("line 2: invalid JSON") == 0);
  // Too few steps, a missing label, a label that is not 0 or 1.
  CHECK(error_of(header + line(R"({"states": [0], "actions": [[0, 1], [1, 0]]})", good_labels), *model) ==
        "line 2: /first/states: 1 states for a horizon of 2");
  CHECK(error_of(header + line(good_first, R"({")" + players + R"(": 1})"), *model) ==
        "line 2: /labels/" + other + ": missing: every player labels every pair");
  CHECK(error_of(header + line(good_first, R"({")" + players + R"(": 0.5, ")" + other + R"(": 0})"), *model)
            .find("line 2: /labels/" + players + ": expected 1") == 0);
  // The header: missing, another horizon, no pair after it.
  CHECK(error_of(line(good_first, good_labels), *model).find("line 1: /format") == 0);
  std::string wrong_horizon = header;
  wrong_horizon.replace(wrong_horizon.find("\"horizon\":2"), 11, "\"horizon\":3");
  CHECK(error_of(wrong_horizon + line(good_first, good_labels), *model).find("line 1: /horizon") == 0);
  CHECK(error_of(header, *model).find("no pair after the header") != std::string::npos);
}

// V-learning and EXP3-IX options: presets, ι, and refusals that name the key.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include <eqlab/algorithms/markov/independent/exp3ix_options.hpp>
#include <eqlab/algorithms/markov/vlearning/vlearning_options.hpp>
#include <eqlab/lib/error.hpp>

#include "test_vlearning_games.hpp"

using namespace eqlab;
using nlohmann::json;

namespace {

// The message of the UsageError `parse` throws, or "" when it throws none.
template <typename F>
std::string refusal(F parse) {
  try {
    parse();
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("markov vlearning options: practical preset by default, ι from the model and K") {
  const TableMarkovModel model(vlearning_test::random_table(3, 2, 4, 2, 1));
  const VLearningOptions o = parse_vlearning_options(json::object(), model, 1000);
  CHECK(o.preset == "practical");
  CHECK(o.bonus_scale == 0.01);
  CHECK(o.lr_scale == 1.0);
  CHECK(o.ix_scale == 1.0);
  CHECK(o.alpha_horizon == 2);
  CHECK(o.log);
  // ι = ln(m·maxA·H·S·K/(p·ε)) = ln(3·2·2·4·1000/(0.1·0.1)).
  CHECK(o.iota == doctest::Approx(std::log(3.0 * 2 * 2 * 4 * 1000 / 0.01)).epsilon(1e-14));

  const VLearningOptions t = parse_vlearning_options(json{{"preset", "theory"}, {"epsilon", 0.5}}, model, 10);
  CHECK(t.bonus_scale == 1.0);
  CHECK(t.alpha_horizon == 2);
  CHECK(t.iota == doctest::Approx(std::log(3.0 * 2 * 2 * 4 * 10 / 0.05)).epsilon(1e-14));

  // Text values, as --param KEY=VALUE gives them, read like numbers.
  const VLearningOptions x = parse_vlearning_options(
      json{{"bonus_scale", "0"}, {"lr_scale", "2.5"}, {"ix_scale", 0.5}, {"alpha_horizon", "7"}, {"log", "false"}},
      model, 10);
  CHECK(x.bonus_scale == 0.0);
  CHECK(x.lr_scale == 2.5);
  CHECK(x.ix_scale == 0.5);
  CHECK(x.alpha_horizon == 7);
  CHECK_FALSE(x.log);
}

TEST_CASE("markov vlearning options: to_json records every knob and ι") {
  const TableMarkovModel model(vlearning_test::random_table(2, 3, 2, 3, 1));
  const VLearningOptions o = parse_vlearning_options(json{{"lr_scale", 3}}, model, 500);
  const json j = to_json(o);
  for (const char* key : {"preset", "bonus_scale", "lr_scale", "ix_scale", "alpha_horizon", "epsilon",
                          "failure_probability", "planned_episodes", "iota", "log"})
    CHECK_MESSAGE(j.contains(key), key);
  CHECK(j["lr_scale"] == 3.0);
  CHECK(j["alpha_horizon"] == 3);
  CHECK(j["planned_episodes"] == 500);
  CHECK(j["iota"].get<double>() == o.iota);
}

TEST_CASE("markov vlearning options: bad keys and values are refused by name") {
  const TableMarkovModel model(vlearning_test::random_table(2, 2, 2, 2, 1));
  const auto refused = [&](const json& params) {
    return refusal([&] { parse_vlearning_options(params, model, 100, "cce-v"); });
  };
  CHECK(refused(json{{"bonus", 1}}).find("unknown parameter bonus") != std::string::npos);
  CHECK(refused(json{{"bonus_scale", -1}}).find("bonus_scale") != std::string::npos);
  CHECK(refused(json{{"bonus_scale", "lots"}}).find("bonus_scale") != std::string::npos);
  CHECK(refused(json{{"lr_scale", 0}}).find("lr_scale") != std::string::npos);
  CHECK(refused(json{{"ix_scale", "nan"}}).find("ix_scale") != std::string::npos);
  CHECK(refused(json{{"alpha_horizon", 0}}).find("alpha_horizon") != std::string::npos);
  CHECK(refused(json{{"alpha_horizon", 1.5}}).find("alpha_horizon") != std::string::npos);
  CHECK(refused(json{{"epsilon", 0}}).find("epsilon") != std::string::npos);
  CHECK(refused(json{{"failure_probability", 1}}).find("failure_probability") != std::string::npos);
  CHECK(refused(json{{"log", "maybe"}}).find("log") != std::string::npos);
  CHECK(refused(json{{"preset", "fast"}}).find("preset") != std::string::npos);
  CHECK(refused(json{{"preset", "theory"}, {"bonus_scale", 0.1}}).find("bonus_scale") != std::string::npos);
  CHECK(refused(json{{"preset", "theory"}, {"alpha_horizon", 1}}).find("alpha_horizon") != std::string::npos);
  CHECK(refused(json::array()).find("JSON object") != std::string::npos);
  CHECK(refused(json{{"bonus", 1}}).find("cce-v") != std::string::npos);
  CHECK(refusal([&] { parse_vlearning_options(json::object(), model, 0); }).find("episodes") != std::string::npos);
  CHECK(refused(json{{"bonus_scale", 0.2}, {"epsilon", 0.3}}).empty());
}

TEST_CASE("markov exp3-ix options: scales and log, refusals by name") {
  const Exp3IxOptions o = parse_exp3ix_options(json{{"lr_scale", "2"}, {"ix_scale", 0.25}, {"log", false}});
  CHECK(o.lr_scale == 2.0);
  CHECK(o.ix_scale == 0.25);
  CHECK_FALSE(o.log);
  CHECK(to_json(o)["ix_scale"] == 0.25);
  CHECK(parse_exp3ix_options(json(nullptr)).lr_scale == 1.0);
  CHECK(refusal([] { parse_exp3ix_options(json{{"eta", 1}}); }).find("unknown parameter eta") != std::string::npos);
  CHECK(refusal([] { parse_exp3ix_options(json{{"lr_scale", -2}}); }).find("lr_scale") != std::string::npos);
  CHECK(refusal([] { parse_exp3ix_options(json{{"log", 3}}); }).find("log") != std::string::npos);
}

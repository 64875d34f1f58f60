// Markov policy files: every kind written and read back exactly (floats of the visit log
// included), and bad files refused with the pointer of what is wrong.
#include <doctest/doctest.h>

#include <string>

#include <eqlab/algorithms/markov/policy_file.hpp>
#include <eqlab/games/markov/markov_builtin.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/rng.hpp>

using namespace eqlab;

namespace {

std::unique_ptr<MarkovModel> small_game() {
  return make_markov_builtin("markov-random(players=2,states=2,actions=3,horizon=2,seed=4)");
}

void check_refused(const nlohmann::json& doc, const MarkovModel& model, const std::string& pointer,
                   const std::string& words) {
  try {
    parse_markov_policy(doc, "p.json", model);
    FAIL("accepted a bad policy file (" << words << ")");
  } catch (const InputError& e) {
    CHECK(e.file() == "p.json");
    CHECK(e.pointer() == pointer);
    CHECK(std::string(e.what()).find(words) != std::string::npos);
  }
}

}  // namespace

TEST_CASE("markov policy file: product, correlated and certified round trips") {
  const auto model = small_game();
  RngStream rng(11);
  ProductPolicy product(*model);
  product.set_pure(1, 0, 1, 2);
  product.at(0, 1, 0)[0] = 0.5;
  product.at(0, 1, 0)[1] = 0.25;
  product.at(0, 1, 0)[2] = 0.25;
  const MarkovPolicyFile p = parse_markov_policy(nlohmann::json::parse(product_policy_json(*model, product).dump()),
                                                 "p.json", *model);
  REQUIRE(p.product);
  CHECK(p.kind() == "product");
  for (std::size_t k = 0; k < product.data().size(); ++k) CHECK(p.product->data()[k] == product.data()[k]);

  CorrelatedPolicy correlated(*model);
  correlated.at(1, 1)[0] = 0.0;
  correlated.at(1, 1)[4] = 2.0 / 9.0;
  const MarkovPolicyFile c = parse_markov_policy(
      nlohmann::json::parse(correlated_policy_json(*model, correlated).dump()), "p.json", *model);
  REQUIRE(c.correlated);
  for (int h = 0; h < 2; ++h)
    for (int s = 0; s < 2; ++s)
      for (std::size_t j = 0; j < 9; ++j) CHECK(c.correlated->at(h, s)[j] == correlated.at(h, s)[j]);

  VisitLog log(*model, 2);
  for (std::uint32_t k = 0; k < 20; ++k) {
    const int s = static_cast<int>(rng.below(2));
    std::span<float> row = log.add_visit(0, s, k);
    const float a = static_cast<float>(rng.uniform());
    row[0] = a, row[1] = 1 - a, row[2] = 0;        // player 0
    row[3] = 0.5f, row[4] = 0.25f, row[5] = 0.25f;  // player 1
  }
  log.set_episodes(20);
  const MarkovPolicyFile v =
      parse_markov_policy(nlohmann::json::parse(certified_policy_json(*model, log).dump()), "p.json", *model);
  REQUIRE(v.certified);
  CHECK(v.certified->episodes() == 20);
  CHECK(v.certified->alpha_horizon() == 2);
  for (int s = 0; s < 2; ++s) {
    REQUIRE(v.certified->visits(0, s) == log.visits(0, s));
    for (std::int64_t j = 0; j < log.visits(0, s); ++j) {
      CHECK(v.certified->visit_episodes(0, s)[static_cast<std::size_t>(j)] ==
            log.visit_episodes(0, s)[static_cast<std::size_t>(j)]);
      for (int i = 0; i < 2; ++i)
        for (int a = 0; a < 3; ++a) CHECK(v.certified->distribution(0, s, j, i)[a] == log.distribution(0, s, j, i)[a]);
    }
  }
}

TEST_CASE("markov policy file: bad files name what is wrong") {
  const auto model = small_game();
  const nlohmann::json good = nlohmann::json::parse(product_policy_json(*model, ProductPolicy(*model)).dump());
  nlohmann::json doc = good;
  doc["format"] = "eqlab-result/1";
  check_refused(doc, *model, "/format", "eqlab-markov-policy/1");
  doc = good;
  doc["horizon"] = 3;
  check_refused(doc, *model, "/horizon", "horizon 2");
  doc = good;
  doc["states"] = {"s0", "t"};
  check_refused(doc, *model, "/states", "not the game's");
  doc = good;
  doc["product"][1][0][1] = {0.5, 0.6, 0.0};
  check_refused(doc, *model, "/product/1/0/1", "sum to");
  doc = good;
  doc["product"][0][1][0] = {1.5, -0.5, 0.0};
  check_refused(doc, *model, "/product/0/1/0/1", ">= 0");
  doc = good;
  doc["product"][0].erase(1);
  check_refused(doc, *model, "/product/0", "array of 2 steps");
  doc = good;
  doc["kind"] = "mixed";
  check_refused(doc, *model, "/kind", "expected \"product\"");
  doc = good;
  doc["surprise"] = 1;
  check_refused(doc, *model, "/surprise", "surprise");

  VisitLog log(*model, 2);
  std::span<float> row = log.add_visit(0, 0, 3);
  for (int k = 0; k < 6; ++k) row[k] = k % 3 == 0 ? 1.0f : 0.0f;
  log.set_episodes(5);
  const nlohmann::json certified = nlohmann::json::parse(certified_policy_json(*model, log).dump());
  doc = certified;
  doc["certified"]["episodes"] = 3;
  check_refused(doc, *model, "/certified/visits/0/0/episodes/0", "below 3");
  doc = certified;
  doc["certified"]["visits"][0][0]["distributions"][0] = {1, 0, 0, 1, 0};
  check_refused(doc, *model, "/certified/visits/0/0/distributions/0", "6 numbers");
}

// Preference datasets sampled from Markov games (sim/marlhf/preference_sampler.hpp): the
// same pairs for any thread count and as prefixes of larger datasets, labels at the
// Bradley-Terry rates, and each behaviour's coverage.
#include <doctest/doctest.h>

#include <cmath>

#include <tbb/global_control.h>

#include <eqlab/games/markov/markov_builtin.hpp>
#include <eqlab/games/markov/markov_source.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/sim/marlhf/preference_sampler.hpp>

using namespace eqlab;

namespace {

std::unique_ptr<MarkovModel> trap_game() {
  return load_markov_model(std::string(EQLAB_SOURCE_DIR) + "/examples/marlhf/coverage-trap.json");
}

bool same_pairs(const PreferenceDataset& a, const PreferenceDataset& b, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) {
    const PreferencePairRecord &x = a.pairs[k], &y = b.pairs[k];
    if (x.first.states != y.first.states || x.first.actions != y.first.actions ||
        x.second.states != y.second.states || x.second.actions != y.second.actions || x.labels != y.labels)
      return false;
  }
  return true;
}

}  // namespace

TEST_CASE("preference sampler: prefixes and thread counts give the same pairs") {
  const auto model = make_markov_builtin("markov-cycle(players=2,states=2,horizon=2,perturb=0.3,seed=1)");
  const PreferenceBehaviour behaviour(*model, "unilateral");
  PreferenceSampleOptions options;
  options.pairs = 3000;
  options.seed = 11;
  const PreferenceDataset all = sample_preference_data(*model, behaviour, options);
  options.pairs = 700;
  const PreferenceDataset prefix = sample_preference_data(*model, behaviour, options);
  CHECK(same_pairs(all, prefix, 700));
  {
    const tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
    options.pairs = 3000;
    CHECK(same_pairs(all, sample_preference_data(*model, behaviour, options), 3000));
  }
  options.seed = 12;
  CHECK_FALSE(same_pairs(all, sample_preference_data(*model, behaviour, options), 700));
}

TEST_CASE("preference sampler: labels follow Bradley-Terry on the true returns") {
  const auto model = make_markov_builtin("markov-random(players=2,states=2,actions=2,horizon=2,seed=2)");
  const PreferenceBehaviour behaviour(*model, "uniform");
  for (double temperature : {0.25, 2.0}) {
    CAPTURE(temperature);
    PreferenceSampleOptions options;
    options.pairs = 20000;
    options.temperature = temperature;
    const PreferenceDataset data = sample_preference_data(*model, behaviour, options);
    CHECK(data.temperature == temperature);
    for (int i = 0; i < 2; ++i) {
      // Σ labels against Σ p_k: a sum of independent Bernoulli(p_k), within 4 standard deviations.
      double labels = 0.0, expected = 0.0, variance = 0.0;
      for (const PreferencePairRecord& pair : data.pairs) {
        const double d = behaviour.returns(pair.first)[i] - behaviour.returns(pair.second)[i];
        const double p = 1.0 / (1.0 + std::exp(-d / temperature));
        labels += pair.labels[i];
        expected += p;
        variance += p * (1.0 - p);
      }
      CHECK(std::abs(labels - expected) < 4.0 * std::sqrt(variance));
    }
  }
}

TEST_CASE("preference sampler: the coverage of each behaviour on the coverage trap") {
  const auto model = trap_game();
  const int outside = 2, leave = 1, punish = 1;
  PreferenceSampleOptions options;
  options.pairs = 4000;
  const auto count_outside = [&](const PreferenceDataset& data, int* punished) {
    int visits = 0;
    *punished = 0;
    for (const PreferencePairRecord& pair : data.pairs)
      for (const PreferenceTrajectory* t : {&pair.first, &pair.second})
        if (t->states[1] == outside) {
          ++visits;
          *punished += t->actions[2 * 1 + 1] == punish;
          CHECK(t->actions[0] == leave);
        }
    return visits;
  };
  int punished = 0;
  // The equilibrium stays: every trajectory is the same, so no label says anything.
  const PreferenceDataset equilibrium = sample_preference_data(*model, PreferenceBehaviour(*model, "equilibrium"), options);
  CHECK(count_outside(equilibrium, &punished) == 0);
  for (const PreferencePairRecord& pair : equilibrium.pairs) CHECK(pair.first.actions == equilibrium.pairs[0].first.actions);
  // Unilateral: the entrant deviates in 1/3 of the trajectories and leaves in half of those;
  // the incumbent keeps its threat there (a deviation is one player's).
  const PreferenceDataset unilateral = sample_preference_data(*model, PreferenceBehaviour(*model, "unilateral"), options);
  const int visits = count_outside(unilateral, &punished);
  CHECK(std::abs(visits - 8000.0 / 6.0) < 4.0 * std::sqrt(8000.0 * (1.0 / 6) * (5.0 / 6)));
  CHECK(punished == visits);
  // Uniform: the incumbent punishes half the time outside.
  const PreferenceDataset uniform = sample_preference_data(*model, PreferenceBehaviour(*model, "uniform"), options);
  const int uniform_visits = count_outside(uniform, &punished);
  CHECK(std::abs(punished - uniform_visits / 2.0) < 4.0 * std::sqrt(uniform_visits / 4.0));
}

TEST_CASE("preference sampler: refusals") {
  const auto model = trap_game();
  CHECK_THROWS_WITH_AS(PreferenceBehaviour(*model, "unilaterl"), doctest::Contains("(did you mean unilateral?)"),
                       UsageError);
  CHECK_THROWS_AS(PreferenceBehaviour(*model, ","), UsageError);
  const PreferenceBehaviour uniform(*model, "uniform");
  PreferenceSampleOptions options;
  options.pairs = 0;
  CHECK_THROWS_AS(sample_preference_data(*model, uniform, options), UsageError);
  options.pairs = 10;
  options.temperature = 0.0;
  CHECK_THROWS_AS(sample_preference_data(*model, uniform, options), UsageError);
}

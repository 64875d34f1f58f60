// The behaviour policy of a preference dataset by imitation: joint-action frequencies per
// (step, state), smoothed or not, and uniform where no trajectory went.
#include <doctest/doctest.h>

#include <vector>

#include <eqlab/algorithms/markov/marlhf/behaviour_estimate.hpp>
#include <eqlab/games/markov/markov_builtin.hpp>
#include <eqlab/lib/error.hpp>

using namespace eqlab;

TEST_CASE("behaviour estimate: joint-action frequencies per step and state") {
  // Two players, 2 states, 3 actions each (9 joint actions), horizon 2.
  const auto model = make_markov_builtin("markov-cycle(players=2,states=2,horizon=2)");
  PreferenceDataset data;
  // Three pairs, six trajectories: all start in state 0; at step 0 the joint action (0, 1)
  // four times and (2, 2) twice; at step 1 they are in state 1 and play (1, 0).
  for (int k = 0; k < 3; ++k) {
    PreferencePairRecord pair;
    pair.first = {{0, 1}, {0, 1, 1, 0}};
    pair.second = {{0, 1}, k == 0 ? std::vector<int>{0, 1, 1, 0} : std::vector<int>{2, 2, 1, 0}};
    pair.labels = {1, 0};
    data.pairs.push_back(pair);
  }
  const BehaviourEstimate plain(*model, data);
  CHECK(plain.num_joint_actions() == 9);
  CHECK(plain.visits(0, 0) == 6);
  CHECK(plain.visits(1, 1) == 6);
  CHECK(plain.visits(1, 0) == 0);
  CHECK(plain.probability(0, 0, std::vector<int>{0, 1}) == doctest::Approx(4.0 / 6));
  CHECK(plain.probability(0, 0, std::vector<int>{2, 2}) == doctest::Approx(2.0 / 6));
  CHECK(plain.probability(0, 0, std::vector<int>{1, 1}) == 0.0);
  CHECK(plain.probability(1, 1, std::vector<int>{1, 0}) == 1.0);
  CHECK(plain.probability(1, 0, std::vector<int>{0, 0}) == doctest::Approx(1.0 / 9));  // never visited

  // Laplace smoothing: (count + 1) / (visits + 9).
  const BehaviourEstimate smoothed(*model, data, 1.0);
  CHECK(smoothed.probability(0, 0, std::vector<int>{0, 1}) == doctest::Approx(5.0 / 15));
  CHECK(smoothed.probability(0, 0, std::vector<int>{1, 1}) == doctest::Approx(1.0 / 15));
  CHECK_THROWS_AS(BehaviourEstimate(*model, data, -1.0), UsageError);
}

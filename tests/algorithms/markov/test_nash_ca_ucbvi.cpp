#include <doctest/doctest.h>

#include <vector>

#include <eqlab/algorithms/markov/eval/product_eval.hpp>
#include <eqlab/algorithms/markov/potential/ucbvi.hpp>
#include <eqlab/games/markov/generators/dense_random.hpp>

using namespace eqlab;
using namespace eqlab::markov_gen;

namespace {

// The exact value of a deterministic one-player policy and the optimal value (value
// iteration = the best response of the only player).
ProductEvaluation exact(const MarkovModel& model, std::span<const int> policy) {
  ProductPolicy p(model);
  for (int h = 0; h < model.horizon(); ++h)
    for (int s = 0; s < model.num_states(); ++s) p.set_pure(h, s, 0, policy[h * model.num_states() + s]);
  return evaluate_product(model, p);
}

}  // namespace

TEST_CASE("markov nash-ca ucbvi: finds an epsilon-optimal policy of a small MDP") {
  const DenseRandomMarkov model(DenseRandomParams{{1, 3, 3, 3, 41}});
  const std::vector<int> none(static_cast<std::size_t>(model.horizon()) * model.num_states(), 0);
  for (const double bonus : {0.05, 0.2}) {
    Ucbvi learner(model, 0);
    learner.start(none, {bonus, 5.0, 20000, 0.0});
    MarkovSimulator sim(model, 3);
    while (learner.run_episode(sim)) {
    }
    const ProductEvaluation v = exact(model, learner.best_policy());
    MESSAGE("bonus " << bonus << ": optimal " << v.best_response[0] << ", learned " << v.value[0]
                     << ", certificate " << learner.best_gap() << ", episodes " << learner.episodes());
    CHECK(v.best_response[0] - v.value[0] <= 0.05);
    CHECK(learner.episodes() == 20000);
  }
}

TEST_CASE("markov nash-ca ucbvi: the certificate bounds the true suboptimality and stops at the target") {
  const DenseRandomMarkov model(DenseRandomParams{{1, 2, 2, 2, 42}});
  const std::vector<int> none(static_cast<std::size_t>(model.horizon()) * model.num_states(), 0);
  Ucbvi learner(model, 0);
  learner.start(none, {1.0, 3.0, 200000, 0.3});
  MarkovSimulator sim(model, 8);
  while (learner.run_episode(sim)) {
  }
  const ProductEvaluation v = exact(model, learner.best_policy());
  MESSAGE("certificate " << learner.best_gap() << " after " << learner.episodes() << " episodes, true gap "
                         << v.best_response[0] - v.value[0]);
  CHECK(learner.best_gap() <= 0.3);
  CHECK(learner.episodes() < 200000);
  CHECK(v.best_response[0] - v.value[0] <= learner.best_gap());
  CHECK(learner.finished());
  CHECK_FALSE(learner.run_episode(sim));
}

TEST_CASE("markov nash-ca ucbvi: learns against the others' fixed policy") {
  // Player 1 fixed on action 1 everywhere; player 0's learned policy must be a best
  // response to exactly that profile.
  const DenseRandomMarkov model(DenseRandomParams{{2, 2, 3, 2, 43}});
  const int m = 2, H = 2, S = 2;
  std::vector<int> profile(H * S * m, 0);
  for (int k = 0; k < H * S; ++k) profile[k * m + 1] = 1;
  Ucbvi learner(model, 0);
  learner.start(profile, {0.05, 5.0, 20000, 0.0});
  MarkovSimulator sim(model, 5);
  while (learner.run_episode(sim)) {
  }
  ProductPolicy p(model);
  for (int h = 0; h < H; ++h)
    for (int s = 0; s < S; ++s) {
      p.set_pure(h, s, 0, learner.best_policy()[h * S + s]);
      p.set_pure(h, s, 1, 1);
    }
  const ProductEvaluation v = evaluate_product(model, p);
  CHECK(v.best_response[0] - v.value[0] <= 0.05);
}

// The independent EXP3-IX baseline (docs/algorithms/markov-learning.md): it learns on the
// return-to-go, is deterministic per seed and logs what it played.
#include <doctest/doctest.h>

#include <vector>

#include <eqlab/algorithms/markov/independent/independent_exp3ix.hpp>

#include "test_vlearning_games.hpp"

using namespace eqlab;

namespace {

// One player, H = 2. At step 1 in s0, action "grab" pays 0.3 now and leads to s0 where
// nothing more is paid; action "wait" pays 0 now and leads to s1 where step 2 pays 1.
// A myopic learner grabs; the return-to-go loss makes it wait.
MarkovGame delayed_reward() {
  MarkovGame g("delayed", {"p0"}, 2, {"s0", "s1"}, {{"grab", "wait"}}, {1.0, 0.0});
  const double grab[1] = {0.3}, nothing[1] = {0.0}, prize[1] = {1.0};
  const StateProb to_s0[1] = {{0, 1.0}}, to_s1[1] = {{1, 1.0}};
  g.set_cell(0, 0, 0, g.add_outcome(grab, to_s0));
  g.set_cell(0, 0, 1, g.add_outcome(nothing, to_s1));
  g.set_cell(0, 1, 0, g.add_outcome(nothing, to_s0));
  g.set_cell(0, 1, 1, g.add_outcome(nothing, to_s0));
  for (std::size_t a = 0; a < 2; ++a) {
    g.set_cell(1, 0, a, g.add_outcome(nothing, to_s0));
    g.set_cell(1, 1, a, g.add_outcome(prize, to_s0));
  }
  return g;
}

}  // namespace

TEST_CASE("markov exp3-ix: learns the best arm of a bandit") {
  const TableMarkovModel model(vlearning_test::bandit_table({0.2, 0.9, 0.5}));
  IndependentExp3Ix learner(model, {}, 4);
  for (int k = 0; k < 3000; ++k) learner.run_episode();
  CHECK(learner.product()->at(0, 0, 0)[1] > 0.8);
  CHECK(learner.name() == "exp3-ix");
  CHECK(learner.solution_concept() == Concept::cce);
  CHECK(learner.params()["solver"] == "exp3-ix");
}

TEST_CASE("markov exp3-ix: the loss is the return-to-go, not the immediate reward") {
  const TableMarkovModel model(delayed_reward());
  IndependentExp3Ix learner(model, {}, 8);
  for (int k = 0; k < 3000; ++k) learner.run_episode();
  CHECK(learner.product()->at(0, 0, 0)[1] > 0.8);
}

TEST_CASE("markov exp3-ix: deterministic per seed, and the play log holds the pre-update distributions") {
  const TableMarkovModel model(vlearning_test::random_table(3, 2, 2, 2, 40));
  IndependentExp3Ix a(model, {}, 5), b(model, {}, 5), c(model, {}, 6);
  for (int k = 0; k < 500; ++k) {
    a.run_episode();
    b.run_episode();
    c.run_episode();
  }
  const auto data = [](const IndependentExp3Ix& x) {
    const std::span<const double> d = x.product()->data();
    return std::vector<double>(d.begin(), d.end());
  };
  CHECK(data(a) == data(b));
  CHECK(data(a) != data(c));
  CHECK(a.certified() == nullptr);
  CHECK(a.played_log() == &a.play_log());
  const VisitLog& log = a.play_log();
  CHECK(log.episodes() == 500);
  CHECK(log.visits(0, 0) + log.visits(0, 1) == 500);
  CHECK(log.visits(1, 0) + log.visits(1, 1) == 500);
  // The first visit of a state plays uniform; later ones have moved.
  const std::span<const float> first = log.distribution(1, 0, 0, 2);
  CHECK(first[0] == 0.5f);
  const std::span<const float> late = log.distribution(1, 0, log.visits(1, 0) - 1, 2);
  CHECK(late[0] != 0.5f);

  Exp3IxOptions quiet;
  quiet.log = false;
  IndependentExp3Ix d(model, quiet, 5);
  const std::size_t start = d.memory_bytes();
  for (int k = 0; k < 500; ++k) d.run_episode();
  CHECK(d.memory_bytes() == start);
  CHECK(d.played_log() == nullptr);
  CHECK(data(d) == data(a));  // logging does not touch the learning
}

// The episode simulator samples terminals with exactly the reach probabilities of chance
// and the learners' strategies, hands out rewards in [0, 1], and is reproducible.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include <eqlab/algorithms/bandit/bandit_learner.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/lib/rng.hpp>
#include <eqlab/algorithms/bandit/episode.hpp>

using namespace eqlab;

namespace {

// A learner that plays a fixed behavioural strategy and records what it is told.
class FixedLearner final : public BanditLearner {
 public:
  FixedLearner(const Treeplex& tp, std::vector<double> behavioural) : tp_(tp), behavioural_(std::move(behavioural)) {
    plan_.assign(tp.num_sequences(), 0.0);
    tp.to_sequence_form(behavioural_, plan_);
  }
  void begin_episode() override {
    ++begins;
    in_episode = true;
  }
  int act(int infoset, RngStream& rng) override {
    CHECK(in_episode);
    const int first = tp_.first_seq[infoset], count = tp_.num_actions[infoset];
    double u = rng.uniform();
    for (int k = 0; k < count - 1; ++k) {
      if (u < behavioural_[first + k]) return k;
      u -= behavioural_[first + k];
    }
    return count - 1;
  }
  void end_episode(double reward) override {
    ++ends;
    in_episode = false;
    last_reward = reward;
    min_reward = std::min(min_reward, reward);
    max_reward = std::max(max_reward, reward);
  }
  std::span<const double> expected_strategy() override { return plan_; }

  int begins = 0, ends = 0;
  bool in_episode = false;
  double last_reward = -1.0, min_reward = 2.0, max_reward = -1.0;

 private:
  const Treeplex& tp_;
  std::vector<double> behavioural_;
  std::vector<double> plan_;
};

// A random behavioural strategy with every probability in [0.05, 1).
std::vector<double> random_behavioural(const Treeplex& tp, RngStream& rng) {
  std::vector<double> b(tp.num_sequences(), 0.0);
  for (int x = 0; x < tp.num_infosets(); ++x) {
    double total = 0.0;
    for (int k = 0; k < tp.num_actions[x]; ++k) total += (b[tp.first_seq[x] + k] = 0.05 + rng.uniform());
    for (int k = 0; k < tp.num_actions[x]; ++k) b[tp.first_seq[x] + k] /= total;
  }
  return b;
}

struct Setup {
  CompiledGame game;
  std::vector<FixedLearner> learners;
  std::vector<BanditLearner*> view;
  explicit Setup(const std::string& name) : game(compile(make_builtin(name))) {
    RngStream strategies(11);
    for (int p = 0; p < game.num_players(); ++p)
      learners.emplace_back(game.treeplex[p], random_behavioural(game.treeplex[p], strategies));
    for (auto& l : learners) view.push_back(&l);
  }
  std::vector<RngStream> player_streams(std::uint64_t seed) const {
    std::vector<RngStream> streams;
    for (int p = 0; p < game.num_players(); ++p) streams.emplace_back(seed, 2, p);
    return streams;
  }
};

}  // namespace

TEST_CASE("episodes reach each terminal of 3-player Kuhn with its exact probability") {
  Setup s("kuhn(players=3)");
  const int n = s.game.num_players();
  REQUIRE(n == 3);
  EpisodeSimulator sim(s.game);
  RngStream chance(5, 1);
  auto streams = s.player_streams(5);
  const int episodes = 200000;
  std::vector<int> count(s.game.terminals.size(), 0);
  for (int e = 0; e < episodes; ++e) {
    const int t = sim.play(s.view, chance, streams);
    ++count[t];
    for (int p = 0; p < n; ++p) CHECK(s.learners[p].last_reward == doctest::Approx(sim.reward(t, p)));
  }
  double worst_z = 0.0, total = 0.0;
  for (int t = 0; t < s.game.terminals.size(); ++t) {
    double reach = s.game.terminals.chance[t];
    for (int p = 0; p < n; ++p) reach *= s.learners[p].expected_strategy()[s.game.terminals.seq[t * n + p]];
    total += reach;
    const double frequency = static_cast<double>(count[t]) / episodes;
    const double se = std::sqrt(reach * (1.0 - reach) / episodes);
    if (se == 0.0) {
      CHECK(count[t] == 0);
      continue;
    }
    worst_z = std::max(worst_z, std::abs(frequency - reach) / se);
  }
  MESSAGE("terminals ", s.game.terminals.size(), ", largest deviation ", worst_z, " standard errors");
  CHECK(total == doctest::Approx(1.0).epsilon(1e-12));
  CHECK(worst_z < 4.0);
  for (const FixedLearner& l : s.learners) {
    CHECK(l.begins == episodes);
    CHECK(l.ends == episodes);
    CHECK(l.min_reward >= 0.0);
    CHECK(l.max_reward <= 1.0);
    CHECK(l.max_reward > l.min_reward);
  }
}

TEST_CASE("rewards are the payoffs rescaled by the game's global bounds") {
  const CompiledGame g = compile(make_builtin("kuhn"));
  EpisodeSimulator sim(g);
  // Kuhn payoffs range over [-2, 2].
  double lo = 1.0, hi = 0.0;
  for (int t = 0; t < g.terminals.size(); ++t)
    for (int p = 0; p < 2; ++p) {
      const double u = g.terminals.payoff[t * 2 + p];
      CHECK(sim.reward(t, p) == doctest::Approx((u + 2.0) / 4.0));
      lo = std::min(lo, sim.reward(t, p));
      hi = std::max(hi, sim.reward(t, p));
    }
  CHECK(lo == 0.0);
  CHECK(hi == 1.0);
}

TEST_CASE("the same seeds give the same episodes") {
  Setup s("kuhn(players=3)");
  EpisodeSimulator sim(s.game);
  auto run = [&](std::uint64_t chance_seed, std::uint64_t player_seed) {
    RngStream chance(chance_seed, 1);
    auto streams = s.player_streams(player_seed);
    std::vector<int> terminals;
    for (int e = 0; e < 2000; ++e) terminals.push_back(sim.play(s.view, chance, streams));
    return terminals;
  };
  const auto a = run(3, 4), b = run(3, 4), c = run(3, 5);
  CHECK(a == b);
  CHECK(a != c);
}

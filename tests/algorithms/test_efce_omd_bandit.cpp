// EFCE-OMD with bandit feedback, plain (Theorem 6) and balanced (Theorem 7): the strategy
// solved lazily along the path equals the full fixed point, the path-only refresh equals
// a full recomputation, the estimator is unbiased without implicit exploration, and
// self-play on 3-player Kuhn poker drives the EFCE gap down.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <eqlab/algorithms/bandit/efce_omd_bandit.hpp>
#include <eqlab/algorithms/eval/efce_gap.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/rng.hpp>

using namespace eqlab;

namespace {

double lowest_payoff(const CompiledGame& g) {
  return *std::min_element(g.terminals.payoff.begin(), g.terminals.payoff.end());
}

// Samples an action from a behavioural strategy at infoset x.
int sample_fixed(const Treeplex& tp, const std::vector<double>& behavioural, int x, RngStream& rng) {
  const double u = rng.uniform();
  double cumulative = 0.0;
  for (int a = 0; a < tp.num_actions[x]; ++a) {
    cumulative += behavioural[tp.first_seq[x] + a];
    if (u < cumulative) return a;
  }
  return tp.num_actions[x] - 1;
}

// One episode from the root: player p is played by learners[p] when it is not null,
// otherwise by the fixed behavioural strategy fixed[p]. Every learner gets its reward,
// normalised by the game's payoff bounds. Returns the terminal reached.
int play_episode(const CompiledGame& g, const std::vector<BanditLearner*>& learners,
                 const std::vector<std::vector<double>>& fixed, std::vector<RngStream>& player_rng, RngStream& chance_rng) {
  const NodeArrays& na = g.nodes;
  const int n = g.num_players();
  for (BanditLearner* learner : learners)
    if (learner) learner->begin_episode();
  int v = 0;
  while (na.kind[v] != NodeKind::terminal) {
    int edge = 0;
    if (na.kind[v] == NodeKind::chance) {
      const double u = chance_rng.uniform();
      double cumulative = 0.0;
      edge = na.num_children[v] - 1;
      for (int c = 0; c < na.num_children[v]; ++c) {
        cumulative += na.child_prob[na.first_child[v] + c];
        if (u < cumulative) {
          edge = c;
          break;
        }
      }
    } else {
      const int p = na.player[v];
      const int x = na.infoset[v];
      edge = learners[p] ? learners[p]->act(x, player_rng[p]) : sample_fixed(g.treeplex[p], fixed[p], x, player_rng[p]);
    }
    v = na.children[na.first_child[v] + edge];
  }
  const int t = na.terminal[v];
  const double low = lowest_payoff(g);
  const double span = g.payoff_span();
  for (int p = 0; p < n; ++p)
    if (learners[p]) learners[p]->end_episode((g.terminals.payoff[static_cast<std::size_t>(t) * n + p] - low) / span);
  return t;
}

struct Players {
  std::vector<EfceOmdBandit> learners;
  std::vector<BanditLearner*> pointers;
  std::vector<RngStream> rng;
};

Players self_play(const CompiledGame& g, EfceOmdBanditOptions options, std::uint64_t seed) {
  Players players;
  for (int p = 0; p < g.num_players(); ++p) {
    players.learners.emplace_back(g.treeplex[p], options);
    players.rng.emplace_back(seed, 1, p);
  }
  for (auto& learner : players.learners) players.pointers.push_back(&learner);
  return players;
}

// Largest |lazy μ(·|x) − full μ(·|x)| over the infosets visited in `episodes` self-play
// episodes, the full one computed by expected_strategy() before each episode.
double lazy_versus_full(const CompiledGame& g, EfceOmdBanditOptions options, int episodes) {
  Players players = self_play(g, options, 7);
  RngStream chance(7, 2);
  const std::vector<std::vector<double>> none(g.num_players());
  double worst = 0.0;
  double moved = 0.0;  // how far the strategies got from their start, to show the test bites
  std::vector<std::vector<double>> start(g.num_players());
  for (int p = 0; p < g.num_players(); ++p) {
    players.learners[p].expected_strategy();
    const auto b = players.learners[p].expected_behavioural();
    start[p].assign(b.begin(), b.end());
  }
  for (int e = 0; e < episodes; ++e) {
    std::vector<std::vector<double>> full(g.num_players());
    for (int p = 0; p < g.num_players(); ++p) {
      players.learners[p].expected_strategy();
      const auto b = players.learners[p].expected_behavioural();
      full[p].assign(b.begin(), b.end());
    }
    play_episode(g, players.pointers, none, players.rng, chance);
    for (int p = 0; p < g.num_players(); ++p) {
      const EfceOmdBandit& learner = players.learners[p];
      const Treeplex& tp = g.treeplex[p];
      for (int k = 0; k < learner.path_length(); ++k) {
        const int x = learner.path_infoset(k);
        const auto lazy = learner.path_strategy(k);
        for (int a = 0; a < tp.num_actions[x]; ++a) {
          worst = std::max(worst, std::abs(lazy[a] - full[p][tp.first_seq[x] + a]));
          moved = std::max(moved, std::abs(lazy[a] - start[p][tp.first_seq[x] + a]));
        }
      }
    }
  }
  MESSAGE(g.name << std::string(options.balanced ? " balanced" : " plain") << ": max |lazy - full| = " << worst
                 << " over " << episodes << " episodes; strategies moved by up to " << moved);
  CHECK(moved > 1e-3);
  return worst;
}

}  // namespace

TEST_CASE("EFCE-OMD bandit: the lazy path fixed point equals the full fixed point (Kuhn 3p, Leduc)") {
  const CompiledGame kuhn = compile(make_builtin("kuhn(players=3)"));
  const CompiledGame leduc = compile(make_builtin("leduc"));
  for (const bool balanced : {false, true}) {
    EfceOmdBanditOptions options;
    options.balanced = balanced;
    options.horizon = 1000;
    options.eta_scale = balanced ? 50.0 : 5.0;  // large steps so that the strategies move far in few episodes
    CHECK(lazy_versus_full(kuhn, options, 2000) < 1e-12);
    options.gamma_scale = 0.0;
    CHECK(lazy_versus_full(kuhn, options, 1000) < 1e-12);
    options.gamma_scale = 1.0;
    CHECK(lazy_versus_full(leduc, options, 150) < 1e-12);
  }
}

TEST_CASE("EFCE-OMD bandit: the expected strategy from the rows an episode changed equals a full recomputation") {
  // Learner `often` asks for its expected strategy after every episode, and recomputes only
  // the trigger rows on the episode's path; `seldom` asks every 25 episodes, past the
  // capacity of its list of changed rows, and recomputes every row of the changed
  // infosets. Both see the same episodes, so their strategies must agree to the bit.
  const CompiledGame g = compile(make_builtin("leduc"));
  for (const bool balanced : {false, true}) {
    EfceOmdBanditOptions options;
    options.balanced = balanced;
    options.horizon = 500;
    options.eta_scale = 20.0;
    Players often = self_play(g, options, 5), seldom = self_play(g, options, 5);
    RngStream chance_often(5, 2), chance_seldom(5, 2);
    const std::vector<std::vector<double>> none(g.num_players());
    int compared = 0;
    for (int e = 1; e <= 300; ++e) {
      play_episode(g, often.pointers, none, often.rng, chance_often);
      play_episode(g, seldom.pointers, none, seldom.rng, chance_seldom);
      for (EfceOmdBandit& learner : often.learners) learner.expected_strategy();
      if (e % 25 != 0) continue;
      for (int p = 0; p < g.num_players(); ++p) {
        const auto a = often.learners[p].expected_strategy();
        const auto b = seldom.learners[p].expected_strategy();
        CHECK(std::equal(a.begin(), a.end(), b.begin()));
        ++compared;
      }
    }
    CHECK(compared == 24);
  }
}

TEST_CASE("EFCE-OMD bandit: the path-only refresh of F, childsum and log λ equals a full recomputation") {
  for (const char* spec : {"kuhn(players=3)", "leduc"}) {
    const CompiledGame g = compile(make_builtin(spec));
    for (const bool balanced : {false, true}) {
      EfceOmdBanditOptions options;
      options.balanced = balanced;
      options.horizon = 2000;
      options.eta_scale = 20.0;
      Players players = self_play(g, options, 11);
      RngStream chance(11, 2);
      const std::vector<std::vector<double>> none(g.num_players());
      for (int e = 0; e < 2000; ++e) play_episode(g, players.pointers, none, players.rng, chance);
      double drift = 0.0, largest_S = 0.0;
      for (const EfceOmdBandit& learner : players.learners) {
        drift = std::max(drift, learner.refresh_drift());
        for (double s : learner.deviation_loss()) largest_S = std::max(largest_S, s);
      }
      MESSAGE(std::string(spec) << std::string(balanced ? " balanced" : " plain") << ": refresh drift " << drift << ", largest S "
                   << largest_S);
      CHECK(largest_S > 1.0);  // the estimates did accumulate
      CHECK(drift < 1e-9);
    }
  }
}

TEST_CASE("EFCE-OMD bandit: without implicit exploration the S and K increments are unbiased") {
  const CompiledGame g = compile(make_builtin("kuhn(players=3)"));
  const int n = g.num_players();
  const int me = 1;
  const Treeplex& tp = g.treeplex[me];

  // Fixed opponents: random behavioural strategies, the same in every episode.
  RngStream pick(5, 9);
  std::vector<std::vector<double>> fixed(n);
  Profile profile(n);
  for (int p = 0; p < n; ++p) {
    const Treeplex& other = g.treeplex[p];
    fixed[p].assign(other.num_sequences(), 0.0);
    for (int x = 0; x < other.num_infosets(); ++x) {
      double total = 0.0;
      for (int a = 0; a < other.num_actions[x]; ++a) total += (fixed[p][other.first_seq[x] + a] = 0.2 + pick.uniform());
      for (int a = 0; a < other.num_actions[x]; ++a) fixed[p][other.first_seq[x] + a] /= total;
    }
    profile[p].assign(other.num_sequences(), 0.0);
    other.to_sequence_form(fixed[p], profile[p]);
  }

  // A learner moved away from its start by a few episodes, then frozen: every sample
  // below plays one episode with a copy of it.
  EfceOmdBanditOptions options;
  options.horizon = 1000;
  options.eta_scale = 5.0;
  options.gamma_scale = 0.0;
  EfceOmdBandit base(tp, options);
  std::vector<RngStream> rng;
  for (int p = 0; p < n; ++p) rng.emplace_back(21, 1, p);
  RngStream chance(21, 2);
  std::vector<BanditLearner*> learners(n, nullptr);
  learners[me] = &base;
  for (int e = 0; e < 300; ++e) play_episode(g, learners, fixed, rng, chance);
  const auto plan_span = base.expected_strategy();
  const std::vector<double> plan(plan_span.begin(), plan_span.end());
  profile[me] = plan;

  // The exact full-feedback increments: ℓ(s) = Σ_{z: last(z) = s} π_{-i}(z) (1 − r(z)),
  // S_τ(x, a) += μ(τ) ℓ(x, a), K_τ += Σ_{(x,a) ⪰ τ} μ(x, a) ℓ(x, a).
  const double low = lowest_payoff(g), span = g.payoff_span();
  std::vector<double> loss(tp.num_sequences(), 0.0);
  for (int t = 0; t < g.terminals.size(); ++t) {
    const std::size_t row = static_cast<std::size_t>(t) * n;
    double reach = g.terminals.chance[t];
    for (int p = 0; p < n; ++p)
      if (p != me) reach *= profile[p][g.terminals.seq[row + p]];
    loss[g.terminals.seq[row + me]] += reach * (1.0 - (g.terminals.payoff[row + me] - low) / span);
  }
  const TreeplexSubtrees& subtrees = base.subtrees();
  std::vector<double> exact_S(subtrees.trigger_storage(), 0.0);
  for (int t = 1; t < tp.num_sequences(); ++t)
    for (const SubtreeMember& member : subtrees.members(tp.seq_infoset[t]))
      for (int a = 0; a < tp.num_actions[member.infoset]; ++a)
        exact_S[subtrees.trigger_offset(t) + member.local_first + a] =
            plan[t] * loss[tp.first_seq[member.infoset] + a];
  std::vector<double> exact_K(tp.num_sequences(), 0.0);
  for (int s = 1; s < tp.num_sequences(); ++s) exact_K[s] = plan[s] * loss[s];
  for (int x = tp.num_infosets() - 1; x >= 0; --x) {
    double sum = 0.0;
    for (int a = 0; a < tp.num_actions[x]; ++a) sum += exact_K[tp.first_seq[x] + a];
    if (tp.parent_seq[x] != 0) exact_K[tp.parent_seq[x]] += sum;
  }

  const int samples = 100000;
  std::vector<double> sum_S(exact_S.size(), 0.0), square_S(exact_S.size(), 0.0);
  std::vector<double> sum_K(exact_K.size(), 0.0), square_K(exact_K.size(), 0.0);
  for (int e = 0; e < samples; ++e) {
    EfceOmdBandit copy = base;
    learners[me] = &copy;
    play_episode(g, learners, fixed, rng, chance);
    for (std::size_t k = 0; k < sum_S.size(); ++k) {
      const double d = copy.deviation_loss()[k] - base.deviation_loss()[k];
      sum_S[k] += d;
      square_S[k] += d * d;
    }
    for (std::size_t k = 0; k < sum_K.size(); ++k) {
      const double d = copy.kept_loss()[k] - base.kept_loss()[k];
      sum_K[k] += d;
      square_K[k] += d * d;
    }
  }
  // Largest deviation of the sample mean from the exact increment, in standard errors.
  const auto worst_z = [&](const std::vector<double>& sum, const std::vector<double>& square,
                           const std::vector<double>& exact, double& largest_exact) {
    double worst = 0.0;
    for (std::size_t k = 0; k < sum.size(); ++k) {
      const double mean = sum[k] / samples;
      const double variance = std::max(0.0, square[k] / samples - mean * mean);
      const double error = std::sqrt(variance / samples) + 1e-12;
      worst = std::max(worst, std::abs(mean - exact[k]) / error);
      largest_exact = std::max(largest_exact, exact[k]);
    }
    return worst;
  };
  double largest_S = 0.0, largest_K = 0.0;
  const double z_S = worst_z(sum_S, square_S, exact_S, largest_S);
  const double z_K = worst_z(sum_K, square_K, exact_K, largest_K);
  MESSAGE("unbiasedness over " << samples << " episodes: worst |mean - exact| / std.error is " << z_S << " for S ("
                               << sum_S.size() << " entries, largest exact " << largest_S << ") and " << z_K
                               << " for K (largest exact " << largest_K << ")");
  CHECK(largest_S > 0.01);
  CHECK(z_S < 5.0);
  CHECK(z_K < 5.0);
}

TEST_CASE("EFCE-OMD bandit: self-play on 3-player Kuhn poker lowers the EFCE gap") {
  const CompiledGame g = compile(make_builtin("kuhn(players=3)"));
  const int episodes = 40000;
  for (const bool balanced : {false, true}) {
    EfceOmdBanditOptions options;
    options.balanced = balanced;
    options.horizon = episodes;
    Players players = self_play(g, options, 3);
    RngStream chance(3, 2);
    const std::vector<std::vector<double>> none(g.num_players());
    EfceGap gap(g);
    Profile profile(g.num_players());
    double early = 0.0;
    for (int e = 1; e <= episodes; ++e) {
      for (int p = 0; p < g.num_players(); ++p) {
        const auto plan = players.learners[p].expected_strategy();
        profile[p].assign(plan.begin(), plan.end());
      }
      gap.add(profile);
      play_episode(g, players.pointers, none, players.rng, chance);
      if (e == 1000) early = gap.gap();
      if (e == 1000 || e == 5000 || e == 20000 || e == episodes)
        MESSAGE(std::string(balanced ? "balanced" : "plain") << " EFCE-OMD bandit, Kuhn 3p, after " << e
                                                  << " episodes: EFCE gap " << gap.gap());
    }
    CHECK(gap.gap() < 0.5 * early);
  }
}

TEST_CASE("EFCE-OMD bandit: theorem constants, and misuse is refused") {
  const CompiledGame g = compile(make_builtin("kuhn(players=3)"));
  const Treeplex& tp = g.treeplex[0];
  const TreeplexSubtrees subtrees(tp);
  const double N = tp.num_sequences() - 1, H = subtrees.max_depth(), T = 5000;
  EfceOmdBanditOptions options;
  options.horizon = 5000;
  options.balanced = true;
  options.eta_scale = 3.0;
  const EfceOmdBandit balanced(tp, options);
  const double iota = std::log(10.0 * N / 0.01);
  CHECK(balanced.eta() == doctest::Approx(3.0 * std::sqrt(N * iota / (H * H * H * H * T))).epsilon(1e-14));
  CHECK(balanced.gamma() == doctest::Approx(2.0 * std::sqrt(N * iota / (H * H * T))).epsilon(1e-14));
  options.balanced = false;
  const EfceOmdBanditConstants plain = efce_omd_bandit_constants(tp, options);
  CHECK(plain.temperature == 1.0);
  // ‖Π‖₁ = 16: per private card (four), the opening move and, after a check, the three
  // infosets facing a bet (player 1 bet and player 2 called or folded, or player 2 bet).
  CHECK(plain.gamma == doctest::Approx(std::sqrt(16.0 * std::log(3.0 * N / 0.01) / (N * T))).epsilon(1e-14));

  EfceOmdBandit learner(tp, options);
  RngStream rng(1);
  learner.begin_episode();
  int deep = -1;  // an infoset below a root
  for (int x = 0; x < tp.num_infosets(); ++x)
    if (tp.parent_seq[x] != 0) deep = x;
  REQUIRE(deep >= 0);
  CHECK_THROWS_AS(learner.act(deep, rng), UsageError);
  learner.act(0, rng);
  CHECK_THROWS_AS(learner.end_episode(1.5), UsageError);
  options.horizon = 0;
  CHECK_THROWS_AS(EfceOmdBandit(tp, options), UsageError);
}

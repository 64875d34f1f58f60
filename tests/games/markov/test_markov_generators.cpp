// The Markov game generators (G1-G5): every structured oracle against brute-force
// enumeration of rewards() and next_distribution(), transition rows, sampling, seeds,
// the congestion potential, the team property and the large polymatrix case.
#include <doctest/doctest.h>

#include <cmath>
#include <memory>
#include <span>
#include <vector>

#include <eqlab/games/markov/generators/congestion.hpp>
#include <eqlab/games/markov/generators/cycle.hpp>
#include <eqlab/games/markov/generators/dense_random.hpp>
#include <eqlab/games/markov/generators/polymatrix.hpp>
#include <eqlab/games/markov/generators/team.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/rng.hpp>

using namespace eqlab;
using namespace eqlab::markov_gen;

namespace {

GenSizes sizes(int players, int states, int actions, int horizon, std::uint64_t seed) {
  GenSizes g;
  g.players = players;
  g.states = states;
  g.actions = actions;
  g.horizon = horizon;
  g.seed = seed;
  return g;
}

// One random distribution per player; some entries are exactly zero so that skipped
// zero-weight actions are exercised too.
std::vector<std::vector<double>> random_product(const MarkovModel& model, RngStream& rng) {
  std::vector<std::vector<double>> p(model.num_players());
  for (int j = 0; j < model.num_players(); ++j) {
    double sum = 0.0;
    for (int b = 0; b < model.num_actions(j); ++b) {
      const double w = rng.uniform() < 0.15 ? 0.0 : rng.uniform();
      p[j].push_back(w);
      sum += w;
    }
    if (sum == 0.0) {
      p[j][0] = 1.0;
      sum = 1.0;
    }
    for (double& w : p[j]) w /= sum;
  }
  return p;
}

std::vector<std::span<const double>> view(const std::vector<std::vector<double>>& p) {
  return {p.begin(), p.end()};
}

// Calls visit(a) for every joint action, last player fastest.
template <class Visit>
void for_each_joint(const MarkovModel& model, Visit&& visit) {
  const int m = model.num_players();
  std::vector<int> a(m, 0);
  while (true) {
    visit(std::span<const int>(a));
    int j = m - 1;
    for (; j >= 0; --j) {
      if (++a[j] < model.num_actions(j)) break;
      a[j] = 0;
    }
    if (j < 0) return;
  }
}

double weight_of(const std::vector<std::vector<double>>& p, std::span<const int> a, int skip) {
  double w = 1.0;
  for (std::size_t j = 0; j < a.size(); ++j)
    if (static_cast<int>(j) != skip) w *= p[j][a[j]];
  return w;
}

// Both oracles of the model against enumeration, at every (h, s) and for every player,
// under several random product distributions.
void check_oracles(const MarkovModel& model, std::uint64_t seed, int draws = 3) {
  const int m = model.num_players(), S = model.num_states(), H = model.horizon();
  RngStream rng(seed, 77);
  std::vector<double> r(m), t(S);
  for (int trial = 0; trial < draws; ++trial) {
    const auto p = random_product(model, rng);
    const auto pv = view(p);
    for (int h = 0; h < H; ++h) {
      const bool last = h == H - 1;
      for (int s = 0; s < S; ++s) {
        // The joint version.
        std::vector<double> want_r(m, 0.0), want_t(S, 0.0);
        for_each_joint(model, [&](std::span<const int> a) {
          const double w = weight_of(p, a, -1);
          model.rewards(h, s, a, r);
          for (int j = 0; j < m; ++j) want_r[j] += w * r[j];
          if (last) return;
          model.next_distribution(h, s, a, t);
          for (int k = 0; k < S; ++k) want_t[k] += w * t[k];
        });
        std::vector<double> got_r(m, -1.0), got_t(S, -1.0);
        model.joint_expectation(h, s, pv, got_r, got_t);
        for (int j = 0; j < m; ++j) CHECK(std::fabs(got_r[j] - want_r[j]) <= 1e-12);
        if (!last)
          for (int k = 0; k < S; ++k) CHECK(std::fabs(got_t[k] - want_t[k]) <= 1e-12);
        // The per-player version.
        for (int i = 0; i < m; ++i) {
          const int A = model.num_actions(i);
          std::vector<double> pr(A, 0.0), pt(static_cast<std::size_t>(A) * S, 0.0);
          for_each_joint(model, [&](std::span<const int> a) {
            const double w = weight_of(p, a, i);
            model.rewards(h, s, a, r);
            pr[a[i]] += w * r[i];
            if (last) return;
            model.next_distribution(h, s, a, t);
            for (int k = 0; k < S; ++k) pt[static_cast<std::size_t>(a[i]) * S + k] += w * t[k];
          });
          std::vector<double> gr(A, -1.0), gt(static_cast<std::size_t>(A) * S, -1.0);
          model.player_expectation(h, s, i, pv, gr, gt);
          for (int b = 0; b < A; ++b) CHECK(std::fabs(gr[b] - pr[b]) <= 1e-12);
          if (!last)
            for (std::size_t k = 0; k < pt.size(); ++k) CHECK(std::fabs(gt[k] - pt[k]) <= 1e-12);
        }
      }
    }
  }
}

// Rewards in [0, 1] and transition rows that are distributions, for every joint action.
void check_rows(const MarkovModel& model) {
  const int m = model.num_players(), S = model.num_states();
  std::vector<double> r(m), t(S);
  int bad_rewards = 0, bad_rows = 0;
  for (int h = 0; h < model.horizon(); ++h)
    for (int s = 0; s < S; ++s)
      for_each_joint(model, [&](std::span<const int> a) {
        model.rewards(h, s, a, r);
        for (double x : r) bad_rewards += !(x >= 0.0 && x <= 1.0);
        if (h == model.horizon() - 1) return;
        model.next_distribution(h, s, a, t);
        double sum = 0.0;
        for (double q : t) {
          bad_rows += q < 0.0;
          sum += q;
        }
        bad_rows += std::fabs(sum - 1.0) > 1e-12;
      });
  CHECK(bad_rewards == 0);
  CHECK(bad_rows == 0);
}

// sample_next at uniform u reproduces next_distribution: every state's frequency within
// five standard deviations (plus a hair) of its probability, over 10^5 draws.
void check_sampling(const MarkovModel& model, int h, int s, std::span<const int> a) {
  const int S = model.num_states();
  std::vector<double> t(S);
  model.next_distribution(h, s, a, t);
  constexpr int n = 100'000;
  std::vector<int> count(S, 0);
  RngStream rng(99, 3);
  for (int k = 0; k < n; ++k) ++count[model.sample_next(h, s, a, rng.uniform())];
  for (int k = 0; k < S; ++k) {
    const double sd = std::sqrt(t[k] * (1.0 - t[k]) / n);
    CHECK(std::fabs(count[k] / static_cast<double>(n) - t[k]) <= 5.0 * sd + 1e-9);
    if (t[k] == 0.0) CHECK(count[k] == 0);
  }
}

// A fingerprint of a model's rewards and transitions over every entry.
std::vector<double> entries(const MarkovModel& model) {
  std::vector<double> all, r(model.num_players()), t(model.num_states());
  for (int h = 0; h < model.horizon(); ++h)
    for (int s = 0; s < model.num_states(); ++s)
      for_each_joint(model, [&](std::span<const int> a) {
        model.rewards(h, s, a, r);
        all.insert(all.end(), r.begin(), r.end());
        if (h + 1 == model.horizon()) return;
        model.next_distribution(h, s, a, t);
        all.insert(all.end(), t.begin(), t.end());
      });
  return all;
}

}  // namespace

TEST_CASE("markov generators: dense random (G1) oracle, rows, sampling, seeds") {
  DenseRandomParams p;
  p.sizes = sizes(3, 3, 2, 3, 5);
  p.kappa = 0.5;
  const DenseRandomMarkov g(p);
  CHECK(g.name() == "markov-random(players=3,states=3,actions=2,horizon=3,kappa=0.5,constant_sum=false,seed=5)");
  CHECK(g.shape().players == std::vector<std::string>{"p0", "p1", "p2"});
  CHECK(g.shape().states[2] == "s2");
  CHECK(g.shape().actions[1][1] == "a1");
  CHECK(g.initial() == std::vector<double>{1.0, 0.0, 0.0});
  check_oracles(g, 1);
  check_rows(g);
  const int a[3] = {1, 0, 1};
  check_sampling(g, 1, 2, a);

  const DenseRandomMarkov same(p);
  CHECK(entries(same) == entries(g));
  p.sizes.seed = 6;
  const DenseRandomMarkov other(p);
  const auto e5 = entries(g), e6 = entries(other);
  REQUIRE(e5.size() == e6.size());
  int equal = 0;
  for (std::size_t k = 0; k < e5.size(); ++k) equal += e5[k] == e6[k];
  CHECK(equal == 0);

  // Entries do not depend on the order they are asked for in: asking twice, and after
  // other entries, gives the same numbers.
  std::vector<double> r1(3), r2(3);
  g.rewards(2, 1, a, r1);
  const int b[3] = {0, 0, 0};
  g.rewards(0, 0, b, r2);
  g.rewards(2, 1, a, r2);
  CHECK(r1 == r2);
}

TEST_CASE("markov generators: dense random constant-sum and the joint-action cap") {
  DenseRandomParams p;
  p.sizes = sizes(2, 2, 3, 2, 11);
  p.constant_sum = true;
  const DenseRandomMarkov g(p);
  std::vector<double> r(2);
  for_each_joint(g, [&](std::span<const int> a) {
    g.rewards(0, 1, a, r);
    CHECK(r[0] + r[1] == doctest::Approx(1.0).epsilon(1e-15));
  });
  check_oracles(g, 2);

  DenseRandomParams bad;
  bad.sizes = sizes(3, 2, 2, 2, 0);
  bad.constant_sum = true;
  CHECK_THROWS_AS(DenseRandomMarkov{bad}, UsageError);
  bad.constant_sum = false;
  bad.sizes = sizes(25, 2, 2, 2, 0);  // 2^25 joint actions
  CHECK_THROWS_WITH_AS(DenseRandomMarkov{bad}, doctest::Contains("over 2^24"), UsageError);
  bad.sizes = sizes(24, 2, 2, 2, 0);  // exactly 2^24: allowed
  CHECK_NOTHROW(DenseRandomMarkov{bad});
}

TEST_CASE("markov generators: polymatrix (G2) closed-form oracle equals enumeration") {
  PolymatrixParams p;
  p.sizes = sizes(4, 3, 3, 3, 8);
  const PolymatrixMarkov complete(p);
  CHECK(complete.name() == "markov-polymatrix(players=4,states=3,actions=3,horizon=3,degree=0,kappa=1,seed=8)");
  CHECK(complete.neighbours(2) == std::vector<int>{0, 1, 3});
  check_oracles(complete, 3);
  check_rows(complete);
  const int a[4] = {2, 0, 1, 2};
  check_sampling(complete, 0, 1, a);

  // Reward = average of the pair matrices over the neighbours, by the stored entries.
  std::vector<double> r(4);
  complete.rewards(1, 2, a, r);
  const double want = (complete.pair_entry(1, 2, 3, 0, 2, 2) + complete.pair_entry(1, 2, 3, 1, 2, 0) +
                       complete.pair_entry(1, 2, 3, 2, 2, 1)) /
                      3.0;
  CHECK(r[3] == doctest::Approx(want).epsilon(1e-15));

  p.sizes = sizes(5, 2, 2, 2, 9);
  p.degree = 2;
  p.kappa = 0.3;
  const PolymatrixMarkov sparse(p);
  for (int i = 0; i < 5; ++i) {
    const std::vector<int>& nb = sparse.neighbours(i);
    REQUIRE(nb.size() == 2);
    CHECK(nb[0] != i);
    CHECK(nb[1] != i);
    CHECK(nb[0] != nb[1]);
  }
  check_oracles(sparse, 4);
  check_rows(sparse);
  const PolymatrixMarkov sparse_again(p);
  for (int i = 0; i < 5; ++i) CHECK(sparse_again.neighbours(i) == sparse.neighbours(i));
  CHECK(entries(sparse_again) == entries(sparse));

  p.degree = 5;  // more than players - 1
  CHECK_THROWS_WITH_AS(PolymatrixMarkov{p}, doctest::Contains("degree"), UsageError);
}

TEST_CASE("markov generators: polymatrix with one player uses its own reward vector") {
  PolymatrixParams p;
  p.sizes = sizes(1, 2, 4, 2, 12);
  const PolymatrixMarkov g(p);
  CHECK(g.neighbours(0).empty());
  std::vector<double> r(1);
  const int a[1] = {3};
  g.rewards(0, 1, a, r);
  CHECK(r[0] == g.pair_entry(0, 1, 0, 0, 3, 0));
  check_oracles(g, 5);
  check_rows(g);
  check_sampling(g, 0, 0, a);
}

TEST_CASE("markov generators: polymatrix at 32 players is cheap and matches Monte Carlo") {
  PolymatrixParams p;
  p.sizes = sizes(32, 4, 3, 3, 21);
  const PolymatrixMarkov g(p);
  const int m = 32, S = 4, A = 3;
  RngStream rng(5, 1);
  const auto dist = random_product(g, rng);
  const auto pv = view(dist);
  std::vector<double> joint_r(m), joint_t(S), own_r(A), own_t(A * S);
  g.joint_expectation(0, 1, pv, joint_r, joint_t);
  g.player_expectation(0, 1, 7, pv, own_r, own_t);
  // Consistency of the two oracles: player 7's expected reward from its action values.
  double via_player = 0.0;
  for (int b = 0; b < A; ++b) via_player += dist[7][b] * own_r[b];
  CHECK(via_player == doctest::Approx(joint_r[7]).epsilon(1e-12));

  // Monte Carlo over joint actions drawn from the product.
  constexpr int n = 40'000;
  std::vector<double> mean_r(m, 0.0), mean_t(S, 0.0), r(m), t(S);
  std::vector<int> a(m);
  for (int k = 0; k < n; ++k) {
    for (int j = 0; j < m; ++j) {
      const double u = rng.uniform();
      double c = 0.0;
      a[j] = A - 1;
      for (int b = 0; b < A; ++b)
        if (u < (c += dist[j][b])) {
          a[j] = b;
          break;
        }
    }
    g.rewards(0, 1, a, r);
    g.next_distribution(0, 1, a, t);
    for (int j = 0; j < m; ++j) mean_r[j] += r[j] / n;
    for (int s = 0; s < S; ++s) mean_t[s] += t[s] / n;
  }
  // Each reward is an average of 31 bounded terms: its spread is well under 0.5, so 0.01
  // is over five standard deviations of the mean of 40,000 draws.
  for (int j = 0; j < m; ++j) CHECK(std::fabs(mean_r[j] - joint_r[j]) < 0.01);
  for (int s = 0; s < S; ++s) CHECK(std::fabs(mean_t[s] - joint_t[s]) < 0.01);
}

TEST_CASE("markov generators: congestion (G3) oracle, decreasing costs, exact potential") {
  CongestionParams p;
  p.sizes = sizes(4, 3, 3, 3, 13);
  const CongestionMarkov g(p);
  CHECK(g.name() == "markov-congestion(players=4,states=3,actions=3,horizon=3,kappa=1,seed=13)");
  check_oracles(g, 6, 4);
  check_rows(g);
  const int a[4] = {0, 0, 2, 1};
  check_sampling(g, 1, 0, a);
  for (int h = 0; h < 3; ++h)
    for (int s = 0; s < 3; ++s)
      for (int f = 0; f < 3; ++f)
        for (int k = 1; k < 4; ++k) CHECK(g.cost(h, s, f, k) >= g.cost(h, s, f, k + 1));

  // r_i(a) - r_i(b, a_-i) = φ(a) - φ(b, a_-i) for random profiles and deviations.
  RngStream rng(4, 4);
  std::vector<double> r(4), r2(4);
  for (int trial = 0; trial < 200; ++trial) {
    const int h = static_cast<int>(rng.below(3)), s = static_cast<int>(rng.below(3));
    std::vector<int> x(4);
    for (int& v : x) v = static_cast<int>(rng.below(3));
    const int i = static_cast<int>(rng.below(4));
    std::vector<int> y = x;
    y[i] = static_cast<int>(rng.below(3));
    g.rewards(h, s, x, r);
    g.rewards(h, s, y, r2);
    CHECK(std::fabs((r[i] - r2[i]) - (g.potential(h, s, x) - g.potential(h, s, y))) <= 1e-12);
  }
  // Transitions ignore the actions.
  std::vector<double> t1(3), t2(3);
  const int b[4] = {1, 2, 2, 0};
  g.next_distribution(0, 2, a, t1);
  g.next_distribution(0, 2, b, t2);
  CHECK(t1 == t2);

  // Larger: the leave-one-out laws still match the per-player DP at 12 players.
  p.sizes = sizes(12, 2, 4, 2, 14);
  const CongestionMarkov big(p);
  RngStream rng2(8, 8);
  const auto dist = random_product(big, rng2);
  const auto pv = view(dist);
  std::vector<double> jr(12), jt(2), pr(4), pt(8);
  big.joint_expectation(0, 0, pv, jr, jt);
  for (int i = 0; i < 12; ++i) {
    big.player_expectation(0, 0, i, pv, pr, pt);
    double want = 0.0;
    for (int f = 0; f < 4; ++f) want += dist[i][f] * pr[f];
    CHECK(std::fabs(jr[i] - want) <= 1e-12);
  }
}

TEST_CASE("markov generators: team (G4) shares its reward at delta 0 and perturbs it otherwise") {
  TeamParams p;
  p.sizes = sizes(3, 2, 3, 2, 15);
  const TeamMarkov team(p);
  CHECK(team.name() == "markov-team(players=3,states=2,actions=3,horizon=2,delta=0,kappa=1,seed=15)");
  std::vector<double> r(3);
  int differ = 0;
  for (int h = 0; h < 2; ++h)
    for (int s = 0; s < 2; ++s)
      for_each_joint(team, [&](std::span<const int> a) {
        team.rewards(h, s, a, r);
        differ += r[0] != r[1] || r[1] != r[2];
      });
  CHECK(differ == 0);
  check_oracles(team, 7);
  check_rows(team);

  p.delta = 0.2;
  const TeamMarkov noisy(p);
  std::vector<double> rn(3);
  const int a[3] = {1, 2, 0};
  team.rewards(1, 0, a, r);
  noisy.rewards(1, 0, a, rn);
  CHECK(rn[0] != rn[1]);
  for (int i = 0; i < 3; ++i) CHECK(std::fabs(rn[i] - r[i]) <= 0.2 + 1e-15);
  check_oracles(noisy, 8);
  check_rows(noisy);
  check_sampling(noisy, 0, 1, a);
}

TEST_CASE("markov generators: cycle (G5) payoffs, transitions and oracles") {
  CycleParams p;
  p.sizes = sizes(2, 3, 3, 3, 0);
  const CycleMarkov shapley(p);
  CHECK(shapley.name() == "markov-cycle(players=2,states=3,actions=3,horizon=3,perturb=0,seed=0)");
  std::vector<double> r(2), t(3);
  const int a[2] = {0, 1};  // a_1 = a_0 + 1: player 0 is paid
  shapley.rewards(0, 0, a, r);
  CHECK(r == std::vector<double>{1.0, 0.0});
  const int b[2] = {2, 1};  // a_0 = a_1 + 1: player 1 is paid
  shapley.rewards(0, 0, b, r);
  CHECK(r == std::vector<double>{0.0, 1.0});
  const int tie[2] = {1, 1};
  shapley.rewards(0, 0, tie, r);
  CHECK(r == std::vector<double>{0.0, 0.0});
  shapley.next_distribution(0, 2, tie, t);
  CHECK(t == std::vector<double>{0.0, 0.0, 1.0});
  shapley.next_distribution(0, 2, a, t);
  CHECK(t == std::vector<double>{1.0, 0.0, 0.0});
  CHECK(shapley.sample_next(1, 1, a, 0.3) == 2);
  check_oracles(shapley, 9);

  // No pure equilibrium: from every profile some player gains by deviating.
  for_each_joint(shapley, [&](std::span<const int> x) {
    shapley.rewards(0, 0, x, r);
    bool improvable = false;
    for (int i = 0; i < 2; ++i)
      for (int d = 0; d < 3; ++d) {
        std::vector<int> y(x.begin(), x.end());
        y[i] = d;
        std::vector<double> ry(2);
        shapley.rewards(0, 0, y, ry);
        improvable = improvable || ry[i] > r[i];
      }
    CHECK(improvable);
  });

  p.sizes = sizes(2, 2, 5, 2, 0);
  check_oracles(CycleMarkov(p), 10);

  for (int m : {3, 4, 5}) {
    p.sizes = sizes(m, 3, 2, 3, 0);
    const CycleMarkov pennies(p);
    check_oracles(pennies, 11 + m);
    check_rows(pennies);
    std::vector<double> rm(m);
    for_each_joint(pennies, [&](std::span<const int> x) {
      pennies.rewards(0, 0, x, rm);
      bool improvable = false;
      for (int i = 0; i < m; ++i) {
        std::vector<int> y(x.begin(), x.end());
        y[i] = 1 - y[i];
        std::vector<double> ry(m);
        pennies.rewards(0, 0, y, ry);
        improvable = improvable || ry[i] > rm[i];
      }
      CHECK(improvable);
    });
  }

  p.sizes = sizes(3, 2, 2, 2, 4);
  p.perturb = 0.1;
  const CycleMarkov perturbed(p);
  check_oracles(perturbed, 20);
  check_rows(perturbed);
  p.sizes.seed = 5;
  CHECK(entries(CycleMarkov(p)) != entries(perturbed));

  p.perturb = 0.0;
  p.sizes = sizes(2, 2, 2, 2, 0);
  CHECK_THROWS_WITH_AS(CycleMarkov{p}, doctest::Contains("actions"), UsageError);
  p.sizes = sizes(3, 2, 3, 2, 0);
  CHECK_THROWS_WITH_AS(CycleMarkov{p}, doctest::Contains("actions"), UsageError);
}

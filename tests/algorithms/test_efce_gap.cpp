// The EFCE gap of a mixture of product profiles: against a brute force over every trigger
// deviation (τ → v), against the CE gap on normal-form games, next to the NFCCE gap, and
// on mixtures that are exact equilibria.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include <tbb/global_control.h>
#include <tbb/info.h>

#include <eqlab/algorithms/eval/efce_gap.hpp>
#include <eqlab/algorithms/eval/nfcce_gap.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/normal/normal_game.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/parallel.hpp>
#include <eqlab/lib/rng.hpp>
#include <eqlab/lib/treeplex_subtrees.hpp>

#include "support/normal_games.hpp"
#include "support/pure_plans.hpp"
#include "support/random_plans.hpp"
#include "support/trigger_deviations.hpp"

using namespace eqlab;
using eqlab::test::chicken;
using eqlab::test::random_plan;
using eqlab::test::shapley;
using eqlab::test::two_player_game;

namespace {

std::vector<Profile> random_rounds(const CompiledGame& g, int rounds, std::uint64_t seed) {
  RngStream rng(seed);
  std::vector<Profile> out;
  for (int t = 0; t < rounds; ++t) {
    Profile x;
    for (const Treeplex& tp : g.treeplex) x.push_back(random_plan(tp, rng));
    out.push_back(x);
  }
  return out;
}

struct BruteForce {
  std::vector<double> gaps;     // per player: max over (τ, v) of the mean gain
  double worst_violation = 0.0;  // largest plan_violation of a deviated strategy
  std::size_t deviations = 0;
};

// Applies every trigger deviation of every player to every round's strategy and
// evaluates it with the game's own expected values.
BruteForce brute_force_efce(const CompiledGame& g, const std::vector<Profile>& rounds) {
  BruteForce out;
  const double T = static_cast<double>(rounds.size());
  for (int p = 0; p < g.num_players(); ++p) {
    const Treeplex& tp = g.treeplex[p];
    double played = 0.0;
    for (const Profile& x : rounds) played += g.expected_values(x)[p];
    double best = tp.num_infosets() == 0 ? 0.0 : -1e300;
    for (const test::TriggerDeviation& d : test::trigger_deviations(tp)) {
      ++out.deviations;
      double total = 0.0;
      for (Profile x : rounds) {
        x[p] = test::apply_trigger_deviation(tp, x[p], d.trigger, d.plan);
        out.worst_violation = std::max(out.worst_violation, tp.plan_violation(x[p]));
        total += g.expected_values(x)[p];
      }
      best = std::max(best, (total - played) / T);
    }
    out.gaps.push_back(best);
  }
  return out;
}

// Rounds as a bandit learner plays them: after the first, each round redraws every
// player's plan on one top-level subtree only (a top-level infoset and all below it, whose
// sequence form does not depend on the rest), and every third round repeats the last
// round whole. The EFCE gap defers its trigger sums over such stretches.
std::vector<Profile> rounds_changing_one_subtree(const CompiledGame& g, int rounds, std::uint64_t seed) {
  RngStream rng(seed);
  std::vector<Profile> out = random_rounds(g, 1, seed + 1000);
  while (static_cast<int>(out.size()) < rounds) {
    Profile x = out.back();
    if (out.size() % 3 != 0)
      for (std::size_t p = 0; p < x.size(); ++p) {
        const Treeplex& tp = g.treeplex[p];
        std::vector<int> tops;
        for (int r = 0; r < tp.num_infosets(); ++r)
          if (tp.parent_seq[r] == 0) tops.push_back(r);
        if (tops.empty()) continue;
        const TreeplexSubtrees subtrees(tp);
        const std::vector<double> fresh = random_plan(tp, rng);
        for (const SubtreeMember& member : subtrees.members(tops[rng.below(tops.size())]))
          for (int s = tp.first_seq[member.infoset]; s < tp.first_seq[member.infoset] + tp.num_actions[member.infoset]; ++s)
            x[p][s] = fresh[s];
      }
    out.push_back(x);
  }
  return out;
}

EfceGap gap_of(const CompiledGame& g, const std::vector<Profile>& rounds) {
  EfceGap gap(g);
  for (const Profile& x : rounds) gap.add(x);
  return gap;
}


// Chicken: action 0 dares, action 1 swerves.

// Shapley's 3x3 game: no pure equilibrium, fictitious play cycles.

// The CE gap of the mixture straight from the payoff table: per player, the largest
// Σ_t P^t(a) [u(b, x_{-i}^t) − u(a, x_{-i}^t)] over pairs of actions, divided by T.
// Strategies are the one-infoset plans (action a is sequence a + 1).
std::vector<double> ce_gaps(const NormalGame& game, const std::vector<Profile>& rounds) {
  const int n = game.num_players();
  std::vector<double> gaps(n, 0.0);
  for (int i = 0; i < n; ++i) {
    const int actions = static_cast<int>(game.actions[i].size());
    // gain[a][b] = Σ_t P^t(a) [u_i(b, ·) − u_i(a, ·)]
    std::vector<std::vector<double>> gain(actions, std::vector<double>(actions, 0.0));
    for (const Profile& x : rounds) {
      std::vector<double> against(actions, 0.0);  // u_i(b, x_{-i})
      std::vector<int> profile(n, 0);
      for (std::size_t k = 0; k < game.num_profiles(); ++k) {
        // Decode k with player 0 most significant.
        std::size_t rest = k;
        for (int q = n - 1; q >= 0; --q) {
          profile[q] = static_cast<int>(rest % game.actions[q].size());
          rest /= game.actions[q].size();
        }
        double w = 1.0;
        for (int q = 0; q < n; ++q)
          if (q != i) w *= x[q][profile[q] + 1];
        against[profile[i]] += w * game.payoffs[game.profile_index(profile) * n + i].value;
      }
      for (int a = 0; a < actions; ++a)
        for (int b = 0; b < actions; ++b) gain[a][b] += x[i][a + 1] * (against[b] - against[a]);
    }
    for (int a = 0; a < actions; ++a)
      for (int b = 0; b < actions; ++b) gaps[i] = std::max(gaps[i], gain[a][b] / static_cast<double>(rounds.size()));
  }
  return gaps;
}

// A pure plan profile as one round.
Profile pure_profile(const std::vector<std::vector<std::vector<double>>>& plans, const std::vector<int>& pick) {
  Profile x;
  for (std::size_t p = 0; p < plans.size(); ++p) x.push_back(plans[p][pick[p]]);
  return x;
}

}  // namespace

TEST_CASE("EFCE gap equals the brute force over every trigger deviation") {
  const char* specs[] = {"kuhn", "kuhn(players=3)",
                         "random(players=3,depth=5,branching=2,chance=0.3,zero_sum=false,seed=4)",
                         "random(players=2,depth=4,branching=3,chance=0.2,zero_sum=false,seed=9)"};
  std::uint64_t seed = 21;
  for (const std::string spec : specs) {
    CAPTURE(spec);
    const CompiledGame g = compile(make_builtin(spec));
    const std::vector<Profile> rounds = random_rounds(g, 4, seed++);
    const EfceGap gap = gap_of(g, rounds);
    const BruteForce expected = brute_force_efce(g, rounds);
    const std::vector<double> gaps = gap.player_gaps();
    MESSAGE(spec << ": " << expected.deviations << " trigger deviations; player gaps " << gaps[0] << ", " << gaps[1]);
    CHECK(expected.worst_violation < 1e-15);
    double worst = 0.0;
    for (int p = 0; p < g.num_players(); ++p) {
      CAPTURE(p);
      CHECK(std::abs(gaps[p] - expected.gaps[p]) < 1e-12);
      CHECK(gaps[p] > 1e-3);  // random mixed play leaves a real gain to every player
      worst = std::max(worst, expected.gaps[p]);
    }
    CHECK(std::abs(gap.gap() - worst) < 1e-12);
    CHECK(gap.rounds() == 4);
  }
}

TEST_CASE("EFCE gap of plans that change on one subtree a round (deferred sums) equals the brute force") {
  // Kuhn's first player has 3 top-level infosets and its second 6; the random game's
  // players have several each. Between changes the trigger sums are kept as μ(τ) Σ g.
  const char* specs[] = {"kuhn", "random(players=3,depth=5,branching=2,chance=0.3,zero_sum=false,seed=4)"};
  std::uint64_t seed = 51;
  for (const std::string spec : specs) {
    CAPTURE(spec);
    const CompiledGame g = compile(make_builtin(spec));
    const std::vector<Profile> rounds = rounds_changing_one_subtree(g, 12, seed++);
    CHECK(rounds[3] == rounds[2]);
    CHECK(rounds[4] != rounds[3]);
    const EfceGap gap = gap_of(g, rounds);
    const BruteForce expected = brute_force_efce(g, rounds);
    const std::vector<double> gaps = gap.player_gaps();
    for (int p = 0; p < g.num_players(); ++p) {
      CAPTURE(p);
      CHECK(std::abs(gaps[p] - expected.gaps[p]) < 1e-12);
      CHECK(gaps[p] > 1e-3);
    }
    // Read halfway, the pending stretches are counted, and reading changes nothing.
    EfceGap half(g);
    for (int t = 0; t < 6; ++t) half.add(rounds[t]);
    const std::vector<Profile> first_half(rounds.begin(), rounds.begin() + 6);
    const BruteForce expected_half = brute_force_efce(g, first_half);
    for (int p = 0; p < g.num_players(); ++p) CHECK(std::abs(half.player_gaps()[p] - expected_half.gaps[p]) < 1e-12);
    for (int t = 6; t < 12; ++t) half.add(rounds[t]);
    CHECK(half.player_gaps() == gaps);
  }
}

TEST_CASE("EFCE gap before any round, and of a player with one action") {
  const CompiledGame kuhn = compile(make_builtin("kuhn"));
  const EfceGap empty(kuhn);
  CHECK(empty.rounds() == 0);
  CHECK(empty.gap() == 0.0);
  CHECK(empty.player_gaps() == std::vector<double>{0.0, 0.0});
  EfceGap misused(kuhn);
  CHECK_THROWS_AS(misused.add(Profile{}), UsageError);
  CHECK_THROWS_AS(misused.add(Profile{{1.0}, {1.0}}), UsageError);
  CHECK(misused.rounds() == 0);

  // Player "column" has one action: one trigger, whose only deviation is itself.
  NormalGame g = two_player_game("lonely", 3, 1, {0, 0, 1}, {5, 6, 7});
  const CompiledGame c = compile(g.to_tree());
  const EfceGap gap = gap_of(c, random_rounds(c, 3, 5));
  CHECK(gap.player_gaps()[1] == 0.0);
  CHECK(gap.player_gaps()[0] > 0.0);
}

TEST_CASE("on normal-form games the EFCE gap is the CE gap") {
  // A 3-player game with payoffs drawn from a seeded stream.
  NormalGame random3;
  random3.players = {"a", "b", "c"};
  random3.actions = {{"0", "1"}, {"0", "1", "2"}, {"0", "1"}};
  RngStream rng(77);
  for (int k = 0; k < 2 * 3 * 2 * 3; ++k) random3.payoffs.push_back(Number::integer(static_cast<std::int64_t>(rng.below(11)) - 5));
  for (const NormalGame& game : {chicken(), shapley(), random3}) {
    CAPTURE(game.name);
    const CompiledGame g = compile(game.to_tree());
    const std::vector<Profile> rounds = random_rounds(g, 6, 3);
    const EfceGap gap = gap_of(g, rounds);
    const std::vector<double> expected = ce_gaps(game, rounds);
    const std::vector<double> gaps = gap.player_gaps();
    for (int p = 0; p < game.num_players(); ++p) {
      CAPTURE(p);
      CHECK(std::abs(gaps[p] - expected[p]) < 1e-12);
      CHECK(expected[p] > 1e-3);
    }
  }
}

TEST_CASE("EFCE gap against the NFCCE gap") {
  // An external deviation to v is the sum of the trigger deviations (τ → v restricted to
  // the subtree of τ's infoset) over the root triggers τ: its gain is the sum of theirs.
  // So NFCCE gap_i <= (number of root triggers of i) * EFCE gap_i, and a zero EFCE gap
  // implies a zero NFCCE gap. With the additive convention the EFCE gap may still be the
  // smaller one: below, swerving from both a and b to c gains 1/2 each way, but going to
  // c from everything gains 1.
  {
    NormalGame g = two_player_game("sum of swaps", 3, 1, {0, 0, 1}, {0, 0, 0});
    const CompiledGame c = compile(g.to_tree());
    const Profile x{{1.0, 0.5, 0.5, 0.0}, {1.0, 1.0}};
    EfceGap efce(c);
    NfcceGap nfcce(c);
    efce.add(x);
    nfcce.add(x);
    CHECK(efce.gap() == doctest::Approx(0.5).epsilon(1e-15));
    CHECK(nfcce.gap() == doctest::Approx(1.0).epsilon(1e-15));
  }

  // The decomposition itself, by brute force: every pure plan's external gain is the sum
  // of the gains of the root triggers deviating to it.
  for (const std::string spec : {"kuhn", "random(players=3,depth=5,branching=2,chance=0.3,zero_sum=false,seed=4)"}) {
    CAPTURE(spec);
    const CompiledGame g = compile(make_builtin(spec));
    const std::vector<Profile> rounds = random_rounds(g, 3, 31);
    for (int p = 0; p < g.num_players(); ++p) {
      const Treeplex& tp = g.treeplex[p];
      const auto gain_of = [&](auto&& deviate) {
        double total = 0.0;
        for (Profile x : rounds) {
          total -= g.expected_values(x)[p];
          x[p] = deviate(x[p]);
          total += g.expected_values(x)[p];
        }
        return total;
      };
      double worst = 0.0;
      for (const std::vector<double>& v : test::pure_plans(tp)) {
        const double external = gain_of([&](const std::vector<double>&) { return v; });
        double through_triggers = 0.0;
        for (int r = 0; r < tp.num_infosets(); ++r) {
          if (tp.parent_seq[r] != 0) continue;
          std::vector<double> restricted(tp.num_sequences(), 0.0);
          for (int s = 1; s < tp.num_sequences(); ++s)
            if (test::in_subtree(tp, tp.seq_infoset[s], r)) restricted[s] = v[s];
          for (int t = tp.first_seq[r]; t < tp.first_seq[r] + tp.num_actions[r]; ++t)
            through_triggers += gain_of([&](const std::vector<double>& mu) {
              return test::apply_trigger_deviation(tp, mu, t, restricted);
            });
        }
        worst = std::max(worst, std::abs(external - through_triggers));
      }
      CHECK(worst < 1e-12);
    }
  }

  int larger = 0, cases = 0;
  std::uint64_t seed = 40;
  for (const char* spec : {"kuhn", "kuhn(players=3)", "random(players=3,depth=5,branching=2,chance=0.3,zero_sum=false,seed=4)",
                           "random(players=2,depth=4,branching=3,chance=0.2,zero_sum=false,seed=9)"}) {
    CAPTURE(std::string(spec));
    const CompiledGame g = compile(make_builtin(spec));
    for (int trial = 0; trial < 3; ++trial) {
      const std::vector<Profile> rounds = random_rounds(g, 5, seed++);
      EfceGap efce(g);
      NfcceGap nfcce(g);
      for (const Profile& x : rounds) {
        efce.add(x);
        nfcce.add(x);
      }
      const std::vector<double> e = efce.player_gaps(), f = nfcce.player_gaps();
      for (int p = 0; p < g.num_players(); ++p) {
        const Treeplex& tp = g.treeplex[p];
        int root_triggers = 0;
        for (int j = 0; j < tp.num_infosets(); ++j)
          if (tp.parent_seq[j] == 0) root_triggers += tp.num_actions[j];
        CHECK(f[p] <= root_triggers * e[p] + 1e-12);
        ++cases;
        if (e[p] >= f[p]) ++larger;
      }
    }
  }
  MESSAGE("EFCE gap >= NFCCE gap for " << larger << " of " << cases << " random players");
}

TEST_CASE("mixtures that are exact EFCE have gap zero") {
  // Chicken's correlated equilibrium: (dare, swerve), (swerve, dare), (swerve, swerve),
  // one round each. Told to swerve, a player faces dare and swerve equally often:
  // swerving earns (2 + 6)/2 = 4 against 3.5 for daring. Told to dare, it faces swerve.
  const CompiledGame c = compile(chicken().to_tree());
  const std::vector<double> dare{1.0, 1.0, 0.0}, swerve{1.0, 0.0, 1.0};
  EfceGap ce(c);
  for (const Profile& x : {Profile{dare, swerve}, Profile{swerve, dare}, Profile{swerve, swerve}}) ce.add(x);
  CHECK(ce.gap() <= 1e-12);
  // One more (swerve, swerve): told to swerve, a player now meets dare once and swerve
  // twice, and daring instead gains (0 − 2) + 2 (7 − 6) = 0: still an equilibrium, on
  // the edge.
  ce.add(Profile{swerve, swerve});
  CHECK(ce.gap() <= 1e-12);
  // A third: (0 − 2) + 3 (7 − 6) = 1 over 5 rounds.
  ce.add(Profile{swerve, swerve});
  CHECK(ce.gap() == doctest::Approx(0.2).epsilon(1e-14));
  CHECK(ce.player_gaps()[0] == doctest::Approx(0.2).epsilon(1e-14));
  CHECK(ce.player_gaps()[1] == doctest::Approx(0.2).epsilon(1e-14));

  // For one pure profile, the EFCE gap is zero exactly at the Nash equilibria: every
  // trigger deviation from a pure plan is a pure plan, and external deviations are sums
  // of root trigger deviations.
  for (const char* spec : {"random(players=3,depth=4,branching=2,chance=0.2,zero_sum=false,seed=2)",
                           "random(players=2,depth=4,branching=2,chance=0.0,zero_sum=false,seed=5)"}) {
    CAPTURE(std::string(spec));
    const CompiledGame g = compile(make_builtin(spec));
    std::vector<std::vector<std::vector<double>>> plans;
    for (const Treeplex& tp : g.treeplex) plans.push_back(test::pure_plans(tp));
    std::vector<int> pick(g.num_players(), 0);
    int equilibria = 0, profiles = 0;
    while (true) {
      const Profile x = pure_profile(plans, pick);
      bool nash = true;
      for (int p = 0; p < g.num_players(); ++p) {
        const Treeplex& tp = g.treeplex[p];
        std::vector<double> grad(tp.num_sequences()), scratch(tp.num_sequences());
        g.utility_gradient(p, x, grad);
        double value = 0.0;
        for (int s = 0; s < tp.num_sequences(); ++s) value += grad[s] * x[p][s];
        if (tp.best_response(grad, scratch) > value + 1e-9) nash = false;
      }
      EfceGap gap(g);
      gap.add(x);
      CHECK((gap.gap() <= 1e-12) == nash);
      if (!nash) CHECK(gap.gap() > 1e-6);
      equilibria += nash;
      ++profiles;
      int p = 0;
      while (p < g.num_players() && ++pick[p] == static_cast<int>(plans[p].size())) pick[p++] = 0;
      if (p == g.num_players()) break;
    }
    MESSAGE(std::string(spec) << ": " << equilibria << " pure Nash equilibria among " << profiles << " pure profiles");
    CHECK(equilibria > 0);
    CHECK(equilibria < profiles);
  }
}

TEST_CASE("EFCE gap does not depend on the number of threads") {
  if (tbb::info::default_concurrency() < 2)
    MESSAGE("only " << tbb::info::default_concurrency() << " core: 1 and 2 threads are not really compared");
  const CompiledGame g = compile(make_builtin("sheriff"));
  const TreeplexSubtrees sub(g.treeplex[0]);
  // Large enough for the parallel paths.
  CHECK(sub.trigger_storage() >= kParallelThreshold);
  const std::vector<Profile> rounds = random_rounds(g, 3, 8);
  auto run = [&](int threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    return gap_of(g, rounds).player_gaps();
  };
  const std::vector<double> one = run(1), two = run(2);
  CHECK(one == two);  // bit-identical
  CHECK(one[0] > 0.0);
}

TEST_CASE("a weighted round counts as that many equal rounds") {
  const CompiledGame g = compile(make_builtin("kuhn(players=3)"));
  const std::vector<Profile> rounds = random_rounds(g, 2, 5);
  EfceGap weighted(g), repeated(g);
  weighted.add(rounds[0], 3.0);
  weighted.add(rounds[1], 1.0);
  for (int k = 0; k < 3; ++k) repeated.add(rounds[0]);
  repeated.add(rounds[1]);
  CHECK(weighted.total_weight() == 4.0);
  const auto a = weighted.player_gaps(), b = repeated.player_gaps();
  for (std::size_t p = 0; p < a.size(); ++p) CHECK(a[p] == doctest::Approx(b[p]).epsilon(1e-12));
  CHECK(a[0] != doctest::Approx(gap_of(g, rounds).player_gaps()[0]).epsilon(1e-6));
  CHECK_THROWS_AS(weighted.add(rounds[0], 0.0), UsageError);
}

TEST_CASE("efce and nfcce gaps: a round given its gradients sums exactly what a round that computes them does") {
  // The mixture meter takes each player's gradient once and hands it to both gaps; the
  // sums must be those of each gap computing its own, to the bit, for any weights.
  const CompiledGame game = compile(make_builtin("leduc"));
  EfceGap efce_own(game), efce_given(game);
  NfcceGap nfcce_own(game), nfcce_given(game);
  std::mt19937_64 rng(9);
  std::uniform_real_distribution<double> u(0.05, 1.0);
  for (int round = 0; round < 20; ++round) {
    Profile x(2), gradients(2);
    for (int p = 0; p < 2; ++p) {
      const Treeplex& tp = game.treeplex[p];
      std::vector<double> b(tp.num_sequences());
      for (double& v : b) v = u(rng);
      for (int j = 0; j < tp.num_infosets(); ++j) {
        double sum = 0.0;
        for (int s = tp.first_seq[j]; s < tp.first_seq[j] + tp.num_actions[j]; ++s) sum += b[s];
        for (int s = tp.first_seq[j]; s < tp.first_seq[j] + tp.num_actions[j]; ++s) b[s] /= sum;
      }
      x[p].resize(tp.num_sequences());
      tp.to_sequence_form(b, x[p]);
    }
    for (int p = 0; p < 2; ++p) {
      gradients[p].resize(x[p].size());
      game.utility_gradient(p, x, gradients[p]);
    }
    const double weight = round % 3 == 0 ? 1.0 : u(rng);
    efce_own.add(x, weight);
    efce_given.add(x, gradients, weight);
    nfcce_own.add(x, weight);
    nfcce_given.add(x, gradients, weight);
  }
  CHECK(efce_given.player_gaps() == efce_own.player_gaps());
  CHECK(nfcce_given.player_gaps() == nfcce_own.player_gaps());
  CHECK(nfcce_given.values() == nfcce_own.values());
  CHECK(efce_own.gap() > 0.0);
}

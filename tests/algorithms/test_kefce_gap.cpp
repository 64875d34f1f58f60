// The exact K-EFCE gap (docs/algorithms/evaluation.md): against a brute force over every
// modification φ ∈ Φ^K executed on every recommended plan, the worked example kefce-peek
// of docs/algorithms/kefce.md, monotonicity in K, K = 0 against the NFCCE gap, K = 1
// against the EFCE gap, and the swap-CE gap of normal-form games.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <eqlab/algorithms/eval/efce_gap.hpp>
#include <eqlab/algorithms/eval/kefce_gap.hpp>
#include <eqlab/algorithms/eval/nfcce_gap.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/normal/normal_game.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/rng.hpp>

#include "support/normal_games.hpp"

using namespace eqlab;
using eqlab::test::two_player_game;

namespace {

CompiledGame load_test_game(const std::string& name) {
  return compile(load_game_file(std::string(EQLAB_SOURCE_DIR) + "/tests/data/" + name).tree);
}

// One component of a mixture: its weight and every player's behavioural strategy,
// defined at every infoset (entry s: probability of sequence s's action).
struct Component {
  double weight;
  Profile behavioural;
};

Profile sequence_form(const CompiledGame& g, const Profile& b) {
  Profile x(b.size());
  for (std::size_t p = 0; p < b.size(); ++p) {
    x[p].resize(b[p].size());
    g.treeplex[p].to_sequence_form(b[p], x[p]);
  }
  return x;
}

// Random behavioural strategies; a share `pure` of the infosets gets a pure strategy, so
// that zero probabilities and unreached infosets occur, and so that recommendations say
// something about the component drawn (and hence about the others' strategies).
std::vector<Component> random_mixture(const CompiledGame& g, int components, std::uint64_t seed, double pure = 0.2) {
  RngStream rng(seed);
  std::vector<Component> out;
  for (int t = 0; t < components; ++t) {
    Component c{0.2 + rng.uniform(), {}};
    for (const Treeplex& tp : g.treeplex) {
      std::vector<double> b(tp.num_sequences(), 0.0);
      for (int j = 0; j < tp.num_infosets(); ++j) {
        const int s0 = tp.first_seq[j], n = tp.num_actions[j];
        if (rng.uniform() < pure) {
          b[s0 + static_cast<int>(rng.below(n))] = 1.0;
          continue;
        }
        double sum = 0.0;
        for (int s = s0; s < s0 + n; ++s) sum += (b[s] = rng.uniform() + 0.05);
        for (int s = s0; s < s0 + n; ++s) b[s] /= sum;
      }
      c.behavioural.push_back(b);
    }
    out.push_back(c);
  }
  return out;
}

KefceGap kefce_of(const CompiledGame& g, int k, const std::vector<Component>& mixture) {
  KefceGap gap(g, k);
  for (const Component& c : mixture) gap.add_behavioural(c.behavioural, c.weight);
  return gap;
}

// Brute force over Φ^K for one player. The reachable states (x, σ) are found by a search
// of their own, every φ is enumerated as one digit per state, and each φ is executed as
// its definition (docs/algorithms/kefce.md) prescribes on every pure recommended plan ρ
// (one action at every own infoset), weighted by the mixture's probability of ρ.
class BruteForce {
 public:
  BruteForce(const CompiledGame& g, int player, int k, const std::vector<Component>& mixture)
      : tp_(g.treeplex[player]), k_(k) {
    const int n_inf = tp_.num_infosets();
    depth_.assign(n_inf, 1);
    for (int x = 0; x < n_inf; ++x)
      if (tp_.parent_seq[x] != 0) depth_[x] = depth_[tp_.seq_infoset[tp_.parent_seq[x]]] + 1;
    find_states();

    // The recommended plans, and Σ_t λ_t P^t(ρ) g^t for each.
    std::vector<int> rho(n_inf, 0);
    total_weight_ = 0.0;
    for (const Component& c : mixture) total_weight_ += c.weight;
    std::vector<std::vector<double>> gradients;
    for (const Component& c : mixture) {
      const Profile x = sequence_form(g, c.behavioural);
      std::vector<double> gr(tp_.num_sequences());
      g.utility_gradient(player, x, gr);
      for (int s = 0; s < tp_.num_sequences(); ++s) follow_ += c.weight * x[player][s] * gr[s];
      gradients.push_back(gr);
    }
    while (true) {
      std::vector<double> sum(tp_.num_sequences(), 0.0);
      for (std::size_t t = 0; t < mixture.size(); ++t) {
        double p = mixture[t].weight;
        for (int x = 0; x < n_inf; ++x) p *= mixture[t].behavioural[player][tp_.first_seq[x] + rho[x]];
        for (int s = 0; s < tp_.num_sequences(); ++s) sum[s] += p * gradients[t][s];
      }
      plans_.push_back(rho);
      plan_gradient_.push_back(sum);
      int x = 0;
      while (x < n_inf && ++rho[x] == tp_.num_actions[x]) rho[x++] = 0;
      if (x == n_inf) break;
    }
  }

  std::size_t num_states() const { return states_.size(); }
  double combinations() const {
    double c = 1.0;
    for (int o : options_) c *= o;
    return c;
  }

  // max over φ of the deviator's value, minus following, per unit weight.
  double gap() const {
    std::vector<int> digit(states_.size(), 0);
    double best = -1e300;
    while (true) {
      best = std::max(best, value(digit));
      std::size_t j = 0;
      while (j < digit.size() && ++digit[j] == options_[j]) digit[j++] = 0;
      if (j == digit.size()) break;
    }
    return (best - follow_) / total_weight_;
  }

  // The gain of one modification given as KefceGap reports it, translated state by
  // state through the histories.
  double gain_of(const AugmentedStates& s, const KefceModification& m) const {
    std::vector<int> digit(states_.size(), 0);
    for (int st = 0; st < s.num_states(); ++st) {
      const int j = id_.at({s.infoset(st), s.history(st)});
      const int actions = tp_.num_actions[s.infoset(st)];
      int d = 0;
      if (s.observing(st)) {
        for (int r = actions - 1; r >= 0; --r) d = d * actions + m.choice[m.offset[st] + r];
      } else {
        d = m.choice[m.offset[st]];
      }
      digit[j] = d;
    }
    return (value(digit) - follow_) / total_weight_;
  }

  // The normal-form deviator: sees the whole recommended plan and picks any plan.
  double nfce_gap() const {
    double best = 0.0;
    std::vector<double> scratch(tp_.num_sequences());
    for (const std::vector<double>& gr : plan_gradient_) best += tp_.best_response(gr, scratch);
    return (best - follow_) / total_weight_;
  }

 private:
  using History = std::vector<std::pair<int, int>>;

  void find_states() {
    std::vector<std::pair<int, History>> stack;
    for (int x = 0; x < tp_.num_infosets(); ++x)
      if (tp_.parent_seq[x] == 0) stack.push_back({x, {}});
    std::vector<std::pair<int, History>> found;
    while (!stack.empty()) {
      auto [x, sigma] = stack.back();
      stack.pop_back();
      if (id_.count({x, sigma})) continue;
      id_[{x, sigma}] = static_cast<int>(states_.size());
      states_.push_back({x, sigma});
      const int actions = tp_.num_actions[x];
      const bool observing = static_cast<int>(sigma.size()) < k_;
      int opts = 1;
      for (int i = 0; i < (observing ? actions : 1); ++i) opts *= actions;
      options_.push_back(opts);
      for (int r = 0; r < actions; ++r)
        for (int a = 0; a < actions; ++a) {
          History next = sigma;
          if (observing && r != a) next.emplace_back(depth_[x], r);
          for (int c = 0; c < tp_.num_infosets(); ++c)
            if (tp_.parent_seq[c] == tp_.first_seq[x] + a) stack.push_back({c, next});
        }
    }
    // Transitions by lookup, once: next_[j][(r * A + a) * X + x'] is the state at x'.
    const int n_inf = tp_.num_infosets();
    for (const auto& [x, sigma] : states_) {
      const int actions = tp_.num_actions[x];
      const bool observing = static_cast<int>(sigma.size()) < k_;
      std::vector<int> next(static_cast<std::size_t>(actions * actions * n_inf), -1);
      for (int r = 0; r < actions; ++r)
        for (int a = 0; a < actions; ++a) {
          History h = sigma;
          if (observing && r != a) h.emplace_back(depth_[x], r);
          for (int c = 0; c < n_inf; ++c)
            if (tp_.parent_seq[c] == tp_.first_seq[x] + a) next[(r * actions + a) * n_inf + c] = id_.at({c, h});
        }
      next_.push_back(next);
    }
  }

  // EXECUTE(φ, ρ) for every ρ, as the deviator's pure plan dotted with ρ's gradient.
  double value(const std::vector<int>& digit) const {
    const int n_inf = tp_.num_infosets();
    std::vector<int> state_at(n_inf, -1);
    double total = 0.0;
    for (std::size_t q = 0; q < plans_.size(); ++q) {
      const std::vector<int>& rho = plans_[q];
      const std::vector<double>& gr = plan_gradient_[q];
      std::fill(state_at.begin(), state_at.end(), -1);
      for (int x = 0; x < n_inf; ++x)
        if (tp_.parent_seq[x] == 0) state_at[x] = id_.at({x, {}});
      total += gr[0];
      for (int x = 0; x < n_inf; ++x) {
        const int j = state_at[x];
        if (j < 0) continue;  // the deviator does not reach x
        const int actions = tp_.num_actions[x];
        const bool observing = static_cast<int>(states_[j].second.size()) < k_;
        const int r = observing ? rho[x] : 0;
        int a;
        if (observing) {
          int d = digit[j];
          for (int i = 0; i < r; ++i) d /= actions;
          a = d % actions;
        } else {
          a = digit[j];
        }
        total += gr[tp_.first_seq[x] + a];
        for (int c = 0; c < n_inf; ++c)
          if (tp_.parent_seq[c] == tp_.first_seq[x] + a) state_at[c] = next_[j][(r * actions + a) * n_inf + c];
      }
    }
    return total;
  }

  const Treeplex& tp_;
  int k_;
  std::vector<int> depth_;
  std::map<std::pair<int, History>, int> id_;
  std::vector<std::pair<int, History>> states_;
  std::vector<int> options_;
  std::vector<std::vector<int>> next_;
  std::vector<std::vector<int>> plans_;
  std::vector<std::vector<double>> plan_gradient_;
  double follow_ = 0.0;
  double total_weight_ = 0.0;
};


}  // namespace

TEST_CASE("kefce gap: equals the brute force over every modification for K = 1, 2, 3") {
  struct Case {
    const char* game;
    int components;
    std::uint64_t seed;
    double pure;
  };
  int compared = 0;
  for (const Case c : {Case{"kefce-peek.json", 3, 1, 0.2}, Case{"kefce-peek.json", 6, 5, 0.6},
                       Case{"kefce-chain.json", 3, 2, 0.2}, Case{"kefce-chain.json", 6, 3, 0.6},
                       Case{"kefce-wide.json", 2, 4, 0.2}, Case{"kefce-wide.json", 6, 6, 0.6}}) {
    const CompiledGame g = load_test_game(c.game);
    const std::vector<Component> mixture = random_mixture(g, c.components, c.seed, c.pure);
    for (int k = 1; k <= 3; ++k) {
      const KefceGap gap = kefce_of(g, k, mixture);
      const std::vector<double> gaps = gap.player_gaps();
      for (int p = 0; p < g.num_players(); ++p) {
        CAPTURE(c.game);
        CAPTURE(k);
        CAPTURE(p);
        const BruteForce brute(g, p, k, mixture);
        REQUIRE(brute.combinations() <= 2.5e5);
        CHECK(brute.num_states() == static_cast<std::size_t>(gap.states(p).num_states()));
        const double expected = brute.gap();
        CHECK(std::fabs(gaps[p] - expected) <= 1e-12);
        // The DP's argmax, executed, earns the gap.
        CHECK(std::fabs(brute.gain_of(gap.states(p), gap.best_modification(p)) - gaps[p]) <= 1e-12);
        // A K-deviator sees less than the normal-form deviator.
        CHECK(gaps[p] <= brute.nfce_gap() + 1e-12);
        ++compared;
      }
    }
  }
  CHECK(compared == 36);
}

TEST_CASE("kefce gap: the worked example kefce-peek (§2.6)") {
  const CompiledGame g = load_test_game("kefce-peek.json");
  const Treeplex& p1 = g.treeplex[0];
  // P1's behaviour: S at x1, then guesses at x2S and x2D; P2 plays y0 or y1.
  auto infoset = [&](const std::string& label) {
    for (int x = 0; x < p1.num_infosets(); ++x)
      if (p1.infoset_labels[x] == label) return x;
    FAIL("no infoset " << label);
    return -1;
  };
  const int x1 = infoset("x1"), x2s = infoset("x2S"), x2d = infoset("x2D");
  REQUIRE(p1.action_labels[p1.first_seq[x1]] == "S");
  auto p1_strategy = [&](double guess_s_g1, double guess_d_g1) {
    std::vector<double> b(p1.num_sequences(), 0.0);
    b[p1.first_seq[x1]] = 1.0;  // S
    b[p1.first_seq[x2s]] = 1.0 - guess_s_g1;
    b[p1.first_seq[x2s] + 1] = guess_s_g1;
    b[p1.first_seq[x2d]] = 1.0 - guess_d_g1;
    b[p1.first_seq[x2d] + 1] = guess_d_g1;
    return b;
  };
  auto p2_strategy = [&](int y) {
    std::vector<double> b(g.treeplex[1].num_sequences(), 0.0);
    b[1 + y] = 1.0;
    return b;
  };
  // μ: y uniform, both guesses recommend y. μ': the x2D recommendation is a fair coin.
  const std::vector<Component> mu = {{0.5, {p1_strategy(0, 0), p2_strategy(0)}},
                                     {0.5, {p1_strategy(1, 1), p2_strategy(1)}}};
  const std::vector<Component> mu_prime = {{0.5, {p1_strategy(0, 0.5), p2_strategy(0)}},
                                           {0.5, {p1_strategy(1, 0.5), p2_strategy(1)}}};
  struct Row {
    const std::vector<Component>* mixture;
    double raw_k0, k1, k2, k3, nfce;
  };
  for (const Row row : {Row{&mu, -0.25, 0.0, 0.5, 0.5, 0.5}, Row{&mu_prime, -0.25, 0.0, 0.0, 0.0, 0.5}}) {
    CAPTURE(row.raw_k0);
    const std::vector<double> expected = {row.raw_k0, row.k1, row.k2, row.k3, row.k3};
    for (int k = 0; k <= 4; ++k) {
      const KefceGap gap = kefce_of(g, k, *row.mixture);
      CAPTURE(k);
      CHECK(std::fabs(gap.player_gaps()[0] - expected[k]) <= 1e-12);
      CHECK(std::fabs(gap.gap() - std::max(0.0, expected[k])) <= 1e-12);  // P2's payoff is 0 everywhere
      CHECK(std::fabs(gap.values()[0] - 1.0) <= 1e-12);
    }
    CHECK(std::fabs(BruteForce(g, 0, 3, *row.mixture).nfce_gap() - row.nfce) <= 1e-12);
  }
  // In sequence form μ never reaches x2D, so its recommendation there is lost: add() reads
  // the uniform strategy and μ looks like μ' to a 2-deviator.
  KefceGap from_plans(g, 2);
  for (const Component& c : mu) from_plans.add(sequence_form(g, c.behavioural), c.weight);
  CHECK(std::fabs(from_plans.player_gaps()[0] - 0.0) <= 1e-12);
  // The optimal 2-modification of μ: at x1 map S to D; after that deviation, at x2D,
  // follow the recommendation (g0 → g0, g1 → g1).
  const KefceGap gap2 = kefce_of(g, 2, mu);
  const KefceModification phi = gap2.best_modification(0);
  const AugmentedStates& s = gap2.states(0);
  CHECK(phi.choice[phi.offset[s.first_state(x1)]] == 1);
  bool checked = false;
  for (int st = s.first_state(x2d); st < s.first_state(x2d + 1); ++st) {
    if (s.history(st) != std::vector<std::pair<int, int>>{{1, 0}}) continue;
    CHECK(phi.choice[phi.offset[st]] == 0);
    CHECK(phi.choice[phi.offset[st] + 1] == 1);
    checked = true;
  }
  CHECK(checked);
}

TEST_CASE("kefce gap: monotone in K and saturated from the largest own depth on") {
  for (const char* spec : {"kuhn(players=3)", "random(players=2,depth=5,branching=2,chance=0.3,zero_sum=false,seed=6)"}) {
    const CompiledGame g = compile(make_builtin(spec));
    const std::vector<Component> mixture = random_mixture(g, 4, 17);
    std::vector<std::vector<double>> by_k;
    for (int k = 0; k <= 5; ++k) by_k.push_back(kefce_of(g, k, mixture).player_gaps());
    for (int p = 0; p < g.num_players(); ++p) {
      CAPTURE(spec);
      CAPTURE(p);
      for (int k = 1; k <= 5; ++k) CHECK(by_k[k][p] >= by_k[k - 1][p] - 1e-12);
      const int h = AugmentedStates(g.treeplex[p], 1).max_depth();
      for (int k = h; k <= 5; ++k) CHECK(std::fabs(by_k[k][p] - by_k[h][p]) <= 1e-12);
      CHECK(by_k[1][p] > 0.0);
    }
  }
}

TEST_CASE("kefce gap: K = 0 is the NFCCE gap, player by player, with the same values") {
  for (const char* spec : {"kuhn", "kuhn(players=3)", "leduc",
                           "random(players=3,depth=5,branching=2,chance=0.3,zero_sum=false,seed=4)"}) {
    const CompiledGame g = compile(make_builtin(spec));
    RngStream rng(5);
    KefceGap k0(g, 0);
    NfcceGap nfcce(g);
    const std::vector<Component> mixture = random_mixture(g, 5, 23);
    for (const Component& c : mixture) {
      const Profile x = sequence_form(g, c.behavioural);
      k0.add(x, c.weight);
      nfcce.add(x, c.weight);
    }
    const std::vector<double> a = k0.player_gaps(), b = nfcce.player_gaps();
    const std::vector<double> va = k0.values(), vb = nfcce.values();
    for (int p = 0; p < g.num_players(); ++p) {
      CAPTURE(spec);
      CAPTURE(p);
      CHECK(std::fabs(a[p] - b[p]) <= 1e-12);
      CHECK(std::fabs(va[p] - vb[p]) <= 1e-12);
    }
    CHECK(std::fabs(k0.gap() - nfcce.gap()) <= 1e-12);
  }
}

TEST_CASE("kefce gap: K = 1 lies between the EFCE gap and the number of triggers times it") {
  for (const char* spec : {"kuhn", "kuhn(players=3)", "sheriff",
                           "random(players=2,depth=4,branching=3,chance=0.2,zero_sum=false,seed=9)"}) {
    const CompiledGame g = compile(make_builtin(spec));
    const std::vector<Component> mixture = random_mixture(g, 4, 31);
    KefceGap k1(g, 1);
    EfceGap efce(g);
    for (const Component& c : mixture) {
      const Profile x = sequence_form(g, c.behavioural);
      k1.add(x, c.weight);
      efce.add(x, c.weight);
    }
    const std::vector<double> a = k1.player_gaps(), e = efce.player_gaps();
    for (int p = 0; p < g.num_players(); ++p) {
      CAPTURE(spec);
      CAPTURE(p);
      const int triggers = g.treeplex[p].num_sequences() - 1;
      CHECK(e[p] > 0.0);
      CHECK(a[p] >= e[p] - 1e-12);
      CHECK(a[p] <= triggers * e[p] + 1e-12);
    }
  }
}

TEST_CASE("kefce gap: on normal-form games every K >= 1 gives the swap-CE gap") {
  const NormalGame chicken = two_player_game("chicken", 2, 2, {0, 7, 2, 6}, {0, 2, 7, 6});
  const NormalGame shapley = two_player_game("shapley", 3, 3, {0, 1, 0, 0, 0, 1, 1, 0, 0}, {0, 0, 1, 1, 0, 0, 0, 1, 0});
  for (const NormalGame& game : {chicken, shapley}) {
    const CompiledGame g = compile(game.to_tree());
    const std::vector<Component> mixture = random_mixture(g, 5, 41);
    const int rows = static_cast<int>(game.actions[0].size()), cols = static_cast<int>(game.actions[1].size());
    double total = 0.0;
    for (const Component& c : mixture) total += c.weight;
    // Swap form: Σ_a max_b Σ_t λ_t P^t(a) [u(b, x_{-i}^t) − u(a, x_{-i}^t)], from the table.
    std::vector<double> swap(2, 0.0), single(2, 0.0);
    for (int i = 0; i < 2; ++i) {
      const int mine = i == 0 ? rows : cols, theirs = i == 0 ? cols : rows;
      std::vector<std::vector<double>> gain(mine, std::vector<double>(mine, 0.0));
      for (const Component& c : mixture) {
        std::vector<double> u(mine, 0.0);
        for (int a = 0; a < mine; ++a)
          for (int o = 0; o < theirs; ++o) {
            const std::vector<int> prof = i == 0 ? std::vector<int>{a, o} : std::vector<int>{o, a};
            u[a] += c.behavioural[1 - i][1 + o] * game.payoffs[game.profile_index(prof) * 2 + i].value;
          }
        for (int a = 0; a < mine; ++a)
          for (int b = 0; b < mine; ++b) gain[a][b] += c.weight * c.behavioural[i][1 + a] * (u[b] - u[a]);
      }
      for (int a = 0; a < mine; ++a) {
        const double best = *std::max_element(gain[a].begin(), gain[a].end());
        swap[i] += best / total;
        single[i] = std::max(single[i], best / total);
      }
    }
    for (int k = 1; k <= 3; ++k) {
      const std::vector<double> gaps = kefce_of(g, k, mixture).player_gaps();
      for (int i = 0; i < 2; ++i) {
        CAPTURE(game.name);
        CAPTURE(k);
        CAPTURE(i);
        CHECK(std::fabs(gaps[i] - swap[i]) <= 1e-12);
        CHECK(gaps[i] >= single[i] - 1e-12);
      }
    }
  }
}

TEST_CASE("kefce gap: the state budget, shapes, weights and the empty mixture") {
  const CompiledGame g = compile(make_builtin("leduc"));
  std::uint64_t needed = 0;
  for (const Treeplex& tp : g.treeplex) needed += AugmentedStates::count(tp, 2).total;
  try {
    KefceGap(g, 2, needed - 1);
    FAIL("the budget was not enforced");
  } catch (const UsageError& e) {
    const std::string what = e.what();
    CHECK(what.find(std::to_string(needed)) != std::string::npos);
    CHECK(what.find(std::to_string(needed - 1)) != std::string::npos);
    CHECK(what.find("--max-states") != std::string::npos);
  }
  KefceGap gap(g, 2, needed);
  CHECK(gap.gap() == 0.0);
  CHECK(gap.player_gaps() == std::vector<double>{0.0, 0.0});
  Profile x = g.uniform_profile();
  CHECK_THROWS_AS(gap.add(x, 0.0), UsageError);
  CHECK_THROWS_AS(gap.add(x, std::nan("")), UsageError);
  x[1].pop_back();
  CHECK_THROWS_AS(gap.add(x, 1.0), UsageError);
  CHECK_THROWS_AS(KefceGap(g, -1), UsageError);
  // Weights are relative: one profile twice with weight 1 or once with weight 3.
  const std::vector<Component> mixture = random_mixture(g, 1, 3);
  const Profile y = sequence_form(g, mixture[0].behavioural);
  KefceGap twice(g, 2), once(g, 2);
  twice.add(y);
  twice.add(y);
  once.add(y, 3.0);
  CHECK(twice.rounds() == 2);
  for (int p = 0; p < 2; ++p) CHECK(std::fabs(twice.player_gaps()[p] - once.player_gaps()[p]) <= 1e-12);
}

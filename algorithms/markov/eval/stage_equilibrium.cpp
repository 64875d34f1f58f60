#include <eqlab/algorithms/markov/eval/stage_equilibrium.hpp>

#include <algorithm>

#include <eqlab/lib/error.hpp>
#include <eqlab/lib/stationary_distribution.hpp>

namespace eqlab {

namespace {

// Play proportional to the positive part of the regrets, uniform when none is positive.
void regret_matching(const double* regret, int n, double* out) {
  double total = 0.0;
  for (int a = 0; a < n; ++a) total += std::max(0.0, regret[a]);
  for (int a = 0; a < n; ++a) out[a] = total > 0.0 ? std::max(0.0, regret[a]) / total : 1.0 / n;
}

// The self-play loop shared by both learners: `strategies` fills every player's mixed
// strategy, `learn` receives each player's expected payoff per own action.
template <class Strategies, class Learn>
std::vector<double> self_play(const StageGame& game, int rounds, Strategies&& strategies, Learn&& learn) {
  if (rounds < 1) throw UsageError("a stage equilibrium needs at least one round");
  const int m = static_cast<int>(game.actions.size());
  const std::size_t J = game.joint();
  std::vector<std::size_t> offset(m + 1, 0), stride(m, 1);
  for (int i = 0; i < m; ++i) offset[i + 1] = offset[i] + static_cast<std::size_t>(game.actions[i]);
  for (int i = m - 2; i >= 0; --i) stride[i] = stride[i + 1] * static_cast<std::size_t>(game.actions[i + 1]);
  std::vector<double> x(offset[m]), utility(offset[m]), average(J, 0.0), others(m);
  for (int round = 0; round < rounds; ++round) {
    strategies(x.data(), offset);
    std::fill(utility.begin(), utility.end(), 0.0);
    for (std::size_t a = 0; a < J; ++a) {
      // Prefix and suffix products give Π_{j≠i} x_j(a_j) for every i in O(m).
      double product = 1.0;
      for (int i = 0; i < m; ++i) {
        others[i] = product;
        product *= x[offset[i] + (a / stride[i]) % game.actions[i]];
      }
      average[a] += product;
      double suffix = 1.0;
      for (int i = m - 1; i >= 0; --i) {
        const std::size_t own = (a / stride[i]) % game.actions[i];
        utility[offset[i] + own] += others[i] * suffix * game.payoff[a * m + i];
        suffix *= x[offset[i] + own];
      }
    }
    learn(x.data(), utility.data(), offset);
  }
  for (double& p : average) p /= rounds;
  return average;
}

}  // namespace

std::vector<double> stage_cce(const StageGame& game, int rounds) {
  const int m = static_cast<int>(game.actions.size());
  std::vector<std::vector<double>> regret(m);
  for (int i = 0; i < m; ++i) regret[i].assign(game.actions[i], 0.0);
  return self_play(
      game, rounds,
      [&](double* x, const std::vector<std::size_t>& offset) {
        for (int i = 0; i < m; ++i) regret_matching(regret[i].data(), game.actions[i], x + offset[i]);
      },
      [&](const double* x, const double* utility, const std::vector<std::size_t>& offset) {
        for (int i = 0; i < m; ++i) {
          const double* u = utility + offset[i];
          double expected = 0.0;
          for (int a = 0; a < game.actions[i]; ++a) expected += x[offset[i] + a] * u[a];
          for (int a = 0; a < game.actions[i]; ++a) regret[i][a] += u[a] - expected;
        }
      });
}

std::vector<double> stage_ce(const StageGame& game, int rounds) {
  const int m = static_cast<int>(game.actions.size());
  // Per player: regret[b][a] of sub-learner b (the one consulted when b is recommended),
  // and its current proposal q^b.
  std::vector<std::vector<double>> regret(m), proposal(m);
  std::vector<double> chain;
  for (int i = 0; i < m; ++i) {
    const auto n = static_cast<std::size_t>(game.actions[i]);
    regret[i].assign(n * n, 0.0);
    proposal[i].assign(n * n, 0.0);
  }
  return self_play(
      game, rounds,
      [&](double* x, const std::vector<std::size_t>& offset) {
        for (int i = 0; i < m; ++i) {
          const int n = game.actions[i];
          for (int b = 0; b < n; ++b) regret_matching(&regret[i][b * n], n, &proposal[i][b * n]);
          // Playing the stationary distribution x = xQ makes each sub-learner's external
          // regret, scaled by x(b), add up to the swap regret.
          chain = proposal[i];
          stationary_distribution(chain, n, {x + offset[i], static_cast<std::size_t>(n)});
        }
      },
      [&](const double* x, const double* utility, const std::vector<std::size_t>& offset) {
        for (int i = 0; i < m; ++i) {
          const int n = game.actions[i];
          const double* u = utility + offset[i];
          for (int b = 0; b < n; ++b) {
            const double* q = &proposal[i][b * n];
            double expected = 0.0;
            for (int a = 0; a < n; ++a) expected += q[a] * u[a];
            const double weight = x[offset[i] + b];
            for (int a = 0; a < n; ++a) regret[i][b * n + a] += weight * (u[a] - expected);
          }
        }
      });
}

}  // namespace eqlab

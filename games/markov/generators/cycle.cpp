#include <eqlab/games/markov/generators/cycle.hpp>

#include <algorithm>
#include <cmath>

#include <eqlab/lib/error.hpp>

namespace eqlab::markov_gen {

namespace {

const CycleParams& checked(const CycleParams& p) {
  const int m = p.sizes.players, A = p.sizes.actions;
  if (m < 2) throw UsageError("markov-cycle: parameter players must be at least 2, not " + std::to_string(m));
  if (m == 2 && A < 3)
    throw UsageError("markov-cycle: parameter actions must be at least 3 with two players (a Shapley-type "
                     "cycle), not " + std::to_string(A));
  if (m >= 3 && A != 2)
    throw UsageError("markov-cycle: parameter actions must be 2 with three or more players (cyclic matching "
                     "pennies), not " + std::to_string(A));
  if (!(p.perturb >= 0.0) || !std::isfinite(p.perturb))
    throw UsageError("markov-cycle: parameter perturb must be >= 0");
  if (p.perturb > 0.0 && std::pow(static_cast<double>(A), m) > kMaxEnumeratedJointActions)
    throw UsageError("markov-cycle: with perturb > 0 the rewards are a dense table whose exact evaluation "
                     "enumerates actions^players joint actions, over 2^24 here; use fewer players or perturb=0");
  return p;
}

}  // namespace

std::string CycleMarkov::canonical_name(const CycleParams& p) {
  return "markov-cycle(players=" + std::to_string(p.sizes.players) + ",states=" + std::to_string(p.sizes.states) +
         ",actions=" + std::to_string(p.sizes.actions) + ",horizon=" + std::to_string(p.sizes.horizon) +
         ",perturb=" + real_text(p.perturb) + ",seed=" + std::to_string(p.sizes.seed) + ")";
}

CycleMarkov::CycleMarkov(const CycleParams& params)
    : MarkovModel(generated_shape(canonical_name(checked(params)), params.sizes)), params_(params) {}

void CycleMarkov::rewards(int h, int s, std::span<const int> a, std::span<double> out) const {
  const int m = num_players(), A = params_.sizes.actions;
  if (m == 2) {
    out[0] = a[1] == (a[0] + 1) % A ? 1.0 : 0.0;
    out[1] = a[0] == (a[1] + 1) % A ? 1.0 : 0.0;
  } else {
    for (int i = 0; i + 1 < m; ++i) out[i] = a[i] == a[i + 1] ? 1.0 : 0.0;
    out[m - 1] = a[m - 1] != a[0] ? 1.0 : 0.0;
  }
  if (params_.perturb == 0.0) return;
  const std::uint64_t joint = joint_index(a, A);
  for (int i = 0; i < m; ++i) {
    const double u = entry_uniform(params_.sizes.seed, Tensor::perturbation,
                                   {static_cast<std::uint64_t>(h), static_cast<std::uint64_t>(s), joint,
                                    static_cast<std::uint64_t>(i)});
    out[i] = (out[i] + params_.perturb * u) / (1.0 + params_.perturb);
  }
}

int CycleMarkov::successor(int s, std::span<const int> a) const {
  const int S = num_states();
  if (num_players() == 2) return a[0] == a[1] ? s : (s + 1) % S;
  int ones = 0;
  for (int b : a) ones += b;
  return ones % 2 == 1 ? (s + 1) % S : s;
}

void CycleMarkov::next_distribution(int, int s, std::span<const int> a, std::span<double> out) const {
  std::fill(out.begin(), out.begin() + num_states(), 0.0);
  out[successor(s, a)] = 1.0;
}

int CycleMarkov::sample_next(int, int s, std::span<const int> a, double) const { return successor(s, a); }

double CycleMarkov::matching_reward(int player, int b, ProductView p) const {
  const int m = num_players();
  if (player + 1 < m) return p[player + 1][b];
  return 1.0 - p[0][b];
}

void CycleMarkov::player_expectation(int h, int s, int player, ProductView p, std::span<double> rewards,
                                     std::span<double> next) const {
  const int m = num_players(), S = num_states();
  if (m == 2 || params_.perturb > 0.0) {
    enumerate_player_expectation(h, s, player, p, rewards, next, kMaxEnumeratedJointActions);
    return;
  }
  if (static_cast<int>(p.size()) != m)
    throw UsageError("Markov game: expected " + std::to_string(m) + " distributions, got " + std::to_string(p.size()));
  for (int b = 0; b < 2; ++b) rewards[b] = matching_reward(player, b, p);
  if (h == horizon() - 1) return;
  // E[(-1)^(number of ones)] factorises: Π_j (1 - 2 p_j(1)).
  double others = 1.0;
  for (int j = 0; j < m; ++j)
    if (j != player) others *= 1.0 - 2.0 * p[j][1];
  std::fill(next.begin(), next.begin() + 2 * S, 0.0);
  for (int b = 0; b < 2; ++b) {
    const double odd = 0.5 * (1.0 - (b == 0 ? 1.0 : -1.0) * others);
    next[static_cast<std::size_t>(b) * S + (s + 1) % S] += odd;
    next[static_cast<std::size_t>(b) * S + s] += 1.0 - odd;
  }
}

void CycleMarkov::joint_expectation(int h, int s, ProductView p, std::span<double> rewards,
                                    std::span<double> next) const {
  const int m = num_players(), S = num_states();
  if (m == 2 || params_.perturb > 0.0) {
    enumerate_joint_expectation(h, s, p, rewards, next, kMaxEnumeratedJointActions);
    return;
  }
  if (static_cast<int>(p.size()) != m)
    throw UsageError("Markov game: expected " + std::to_string(m) + " distributions, got " + std::to_string(p.size()));
  for (int i = 0; i < m; ++i) rewards[i] = p[i][0] * matching_reward(i, 0, p) + p[i][1] * matching_reward(i, 1, p);
  if (h == horizon() - 1) return;
  double all = 1.0;
  for (int j = 0; j < m; ++j) all *= 1.0 - 2.0 * p[j][1];
  const double odd = 0.5 * (1.0 - all);
  std::fill(next.begin(), next.begin() + S, 0.0);
  next[(s + 1) % S] += odd;
  next[s] += 1.0 - odd;
}

}  // namespace eqlab::markov_gen

#include <eqlab/games/markov/generators/congestion.hpp>

#include <algorithm>
#include <cmath>
#include <functional>

#include <eqlab/lib/error.hpp>

namespace eqlab::markov_gen {

namespace {

const CongestionParams& checked(const CongestionParams& p) {
  if (!(p.kappa > 0.0) || !std::isfinite(p.kappa)) throw UsageError("markov-congestion: kappa must be > 0");
  const double S = p.sizes.states, H = p.sizes.horizon;
  const double entries = H * S * p.sizes.actions * p.sizes.players + (H - 1) * S * S;
  if (entries > kMaxStoredEntries)
    throw UsageError("markov-congestion: the tables would hold " + std::to_string(entries) +
                     " numbers, over the 2^27 allowed; use fewer states, steps, facilities or players");
  return p;
}

// Adds an independent Bernoulli(q) to the law `dist` of a count (dist grows by one entry).
void add_bernoulli(std::vector<double>& dist, double q) {
  dist.push_back(0.0);
  for (std::size_t k = dist.size() - 1; k > 0; --k) dist[k] = dist[k] * (1.0 - q) + dist[k - 1] * q;
  dist[0] *= 1.0 - q;
}

// The law of the count without one Bernoulli(q) that `all` (n+1 entries) includes, into
// out (n entries). Solved from the side whose divisor is >= 1/2, so that rounding errors
// shrink rather than grow along the recursion.
void remove_bernoulli(const std::vector<double>& all, double q, std::vector<double>& out) {
  const std::size_t n = all.size() - 1;
  out.assign(n, 0.0);
  if (n == 0) return;
  if (q <= 0.5) {
    out[0] = all[0] / (1.0 - q);
    for (std::size_t k = 1; k < n; ++k) out[k] = (all[k] - q * out[k - 1]) / (1.0 - q);
  } else {
    out[n - 1] = all[n] / q;
    for (std::size_t k = n - 1; k > 0; --k) out[k - 1] = (all[k] - (1.0 - q) * out[k]) / q;
  }
}

}  // namespace

std::string CongestionMarkov::canonical_name(const CongestionParams& p) {
  return "markov-congestion(players=" + std::to_string(p.sizes.players) +
         ",states=" + std::to_string(p.sizes.states) + ",actions=" + std::to_string(p.sizes.actions) +
         ",horizon=" + std::to_string(p.sizes.horizon) + ",kappa=" + real_text(p.kappa) +
         ",seed=" + std::to_string(p.sizes.seed) + ")";
}

CongestionMarkov::CongestionMarkov(const CongestionParams& params)
    : MarkovModel(generated_shape(canonical_name(checked(params)), params.sizes)), params_(params) {
  const int m = num_players(), S = num_states(), H = horizon(), F = params_.sizes.actions;
  const std::uint64_t seed = params_.sizes.seed;
  costs_.resize(static_cast<std::size_t>(H) * S * F * m);
  for (int h = 0; h < H; ++h)
    for (int s = 0; s < S; ++s)
      for (int f = 0; f < F; ++f) {
        RngStream rng = entry_stream(seed, Tensor::facility_cost,
                                     {static_cast<std::uint64_t>(h), static_cast<std::uint64_t>(s),
                                      static_cast<std::uint64_t>(f)});
        double* c = costs_.data() + cost_offset(h, s, f);
        for (int k = 0; k < m; ++k) c[k] = rng.uniform();
        std::sort(c, c + m, std::greater<>());
      }
  if (H > 1) {
    rows_.resize(static_cast<std::size_t>(H - 1) * S * S);
    for (int h = 0; h + 1 < H; ++h)
      for (int s = 0; s < S; ++s) {
        RngStream rng = entry_stream(seed, Tensor::state_rows,
                                     {static_cast<std::uint64_t>(h), static_cast<std::uint64_t>(s)});
        dirichlet(rng, params_.kappa,
                  std::span<double>(rows_.data() + (static_cast<std::size_t>(h) * S + s) * S, S));
      }
  }
}

double CongestionMarkov::potential(int h, int s, std::span<const int> a) const {
  std::vector<int> load(num_actions(0), 0);
  for (int b : a) ++load[b];
  double phi = 0.0;
  for (int f = 0; f < num_actions(0); ++f)
    for (int k = 1; k <= load[f]; ++k) phi += cost(h, s, f, k);
  return phi;
}

void CongestionMarkov::rewards(int h, int s, std::span<const int> a, std::span<double> out) const {
  // The simulator calls this every step: the loads go to a buffer kept per thread.
  thread_local std::vector<int> load;
  load.assign(static_cast<std::size_t>(num_actions(0)), 0);
  for (int b : a) ++load[b];
  for (int i = 0; i < num_players(); ++i) out[i] = cost(h, s, a[i], load[a[i]]);
}

void CongestionMarkov::next_distribution(int h, int s, std::span<const int>, std::span<double> out) const {
  std::copy(state_row(h, s), state_row(h, s) + num_states(), out.begin());
}

int CongestionMarkov::sample_next(int h, int s, std::span<const int>, double u) const {
  return invert_cdf(std::span<const double>(state_row(h, s), num_states()), u);
}

void CongestionMarkov::player_expectation(int h, int s, int player, ProductView p, std::span<double> rewards,
                                          std::span<double> next) const {
  const int m = num_players(), F = num_actions(0), S = num_states();
  if (static_cast<int>(p.size()) != m)
    throw UsageError("Markov game: expected " + std::to_string(m) + " distributions, got " + std::to_string(p.size()));
  std::vector<double> load;
  for (int f = 0; f < F; ++f) {
    load.assign(1, 1.0);
    for (int j = 0; j < m; ++j)
      if (j != player) add_bernoulli(load, p[j][f]);
    double r = 0.0;
    for (int k = 0; k < m; ++k) r += load[k] * cost(h, s, f, k + 1);
    rewards[f] = r;
  }
  if (h == horizon() - 1) return;
  for (int b = 0; b < F; ++b) std::copy(state_row(h, s), state_row(h, s) + S, next.begin() + static_cast<std::ptrdiff_t>(b) * S);
}

void CongestionMarkov::joint_expectation(int h, int s, ProductView p, std::span<double> rewards,
                                         std::span<double> next) const {
  const int m = num_players(), F = num_actions(0), S = num_states();
  if (static_cast<int>(p.size()) != m)
    throw UsageError("Markov game: expected " + std::to_string(m) + " distributions, got " + std::to_string(p.size()));
  std::fill(rewards.begin(), rewards.begin() + m, 0.0);
  std::vector<double> all, without;
  for (int f = 0; f < F; ++f) {
    all.assign(1, 1.0);
    for (int j = 0; j < m; ++j) add_bernoulli(all, p[j][f]);
    for (int j = 0; j < m; ++j) {
      const double q = p[j][f];
      if (q == 0.0) continue;
      remove_bernoulli(all, q, without);
      double r = 0.0;
      for (int k = 0; k < m; ++k) r += without[k] * cost(h, s, f, k + 1);
      rewards[j] += q * r;
    }
  }
  if (h == horizon() - 1) return;
  std::copy(state_row(h, s), state_row(h, s) + S, next.begin());
}

}  // namespace eqlab::markov_gen

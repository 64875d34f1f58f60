#include <eqlab/games/markov/generators/polymatrix.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

#include <eqlab/lib/error.hpp>

namespace eqlab::markov_gen {

namespace {

const PolymatrixParams& checked(const PolymatrixParams& p) {
  const int m = p.sizes.players;
  if (p.degree < 0 || (p.degree > 0 && p.degree > m - 1))
    throw UsageError("markov-polymatrix: parameter degree must be 0 (complete graph) or from 1 to players-1 = " +
                     std::to_string(m - 1) + ", not " + std::to_string(p.degree));
  if (!(p.kappa > 0.0) || !std::isfinite(p.kappa)) throw UsageError("markov-polymatrix: kappa must be > 0");
  const double A = p.sizes.actions, S = p.sizes.states, H = p.sizes.horizon;
  const double links = m == 1 ? 1.0 : static_cast<double>(m) * (p.degree == 0 ? m - 1 : p.degree);
  const double entries = H * S * links * (m == 1 ? A : A * A) + (H - 1) * S * m * A * S;
  if (entries > kMaxStoredEntries)
    throw UsageError("markov-polymatrix: the tables would hold " + std::to_string(static_cast<long long>(entries)) +
                     " numbers, over the 2^27 allowed; use fewer states, steps, actions or a smaller degree");
  return p;
}

std::vector<std::vector<int>> interaction_graph(int m, int degree, std::uint64_t seed) {
  std::vector<std::vector<int>> graph(m);
  if (m == 1) return graph;
  if (degree == 0) {
    for (int i = 0; i < m; ++i)
      for (int j = 0; j < m; ++j)
        if (j != i) graph[i].push_back(j);
    return graph;
  }
  std::vector<int> circle(m);
  std::iota(circle.begin(), circle.end(), 0);
  RngStream rng = entry_stream(seed, Tensor::graph, {static_cast<std::uint64_t>(m)});
  for (int k = m - 1; k > 0; --k) std::swap(circle[k], circle[rng.below(static_cast<std::uint64_t>(k) + 1)]);
  for (int pos = 0; pos < m; ++pos)
    for (int t = 1; t <= degree; ++t) graph[circle[pos]].push_back(circle[(pos + t) % m]);
  return graph;
}

}  // namespace

std::string PolymatrixMarkov::canonical_name(const PolymatrixParams& p) {
  return "markov-polymatrix(players=" + std::to_string(p.sizes.players) +
         ",states=" + std::to_string(p.sizes.states) + ",actions=" + std::to_string(p.sizes.actions) +
         ",horizon=" + std::to_string(p.sizes.horizon) + ",degree=" + std::to_string(p.degree) +
         ",kappa=" + real_text(p.kappa) + ",seed=" + std::to_string(p.sizes.seed) + ")";
}

PolymatrixMarkov::PolymatrixMarkov(const PolymatrixParams& params)
    : MarkovModel(generated_shape(canonical_name(checked(params)), params.sizes)), params_(params) {
  const int m = num_players(), S = num_states(), H = horizon(), A = params_.sizes.actions;
  const std::uint64_t seed = params_.sizes.seed;
  neighbours_ = interaction_graph(m, params_.degree, seed);
  pair_begin_.resize(m);
  for (int i = 0; i < m; ++i) {
    pair_begin_[i] = block_size_;
    block_size_ += m == 1 ? static_cast<std::size_t>(A) : neighbours_[i].size() * A * A;
  }
  pairs_.resize(static_cast<std::size_t>(H) * S * block_size_);
  for (int h = 0; h < H; ++h)
    for (int s = 0; s < S; ++s)
      for (int i = 0; i < m; ++i) {
        const auto hh = static_cast<std::uint64_t>(h), ss = static_cast<std::uint64_t>(s),
                   ii = static_cast<std::uint64_t>(i);
        double* out = pairs_.data() + (static_cast<std::size_t>(h) * S + s) * block_size_ + pair_begin_[i];
        if (m == 1) {
          RngStream rng = entry_stream(seed, Tensor::own_vector, {hh, ss, ii});
          for (int b = 0; b < A; ++b) out[b] = rng.uniform();
          continue;
        }
        // One stream per matrix M_ij, keyed by the pair rather than by N(i)'s order.
        for (std::size_t k = 0; k < neighbours_[i].size(); ++k) {
          RngStream rng = entry_stream(seed, Tensor::pair_matrix,
                                       {hh, ss, ii, static_cast<std::uint64_t>(neighbours_[i][k])});
          for (int e = 0; e < A * A; ++e) out[k * A * A + e] = rng.uniform();
        }
      }
  if (H > 1) {
    factors_.resize(static_cast<std::size_t>(H - 1) * S * m * A * S);
    for (int h = 0; h + 1 < H; ++h)
      for (int s = 0; s < S; ++s)
        for (int j = 0; j < m; ++j)
          for (int b = 0; b < A; ++b) {
            RngStream rng = entry_stream(seed, Tensor::factor_rows,
                                         {static_cast<std::uint64_t>(h), static_cast<std::uint64_t>(s),
                                          static_cast<std::uint64_t>(j), static_cast<std::uint64_t>(b)});
            dirichlet(rng, params_.kappa, std::span<double>(factors_.data() + factor_offset(h, s, j, b), S));
          }
  }
}

const double* PolymatrixMarkov::block(int h, int s, int i, int k) const {
  const std::size_t A = params_.sizes.actions;
  return pairs_.data() + (static_cast<std::size_t>(h) * num_states() + s) * block_size_ + pair_begin_[i] + k * A * A;
}

std::size_t PolymatrixMarkov::factor_offset(int h, int s, int j, int a_j) const {
  const std::size_t S = num_states(), A = params_.sizes.actions, m = num_players();
  return (((static_cast<std::size_t>(h) * S + s) * m + j) * A + a_j) * S;
}

const double* PolymatrixMarkov::factor_row(int h, int s, int j, int a_j) const {
  return factors_.data() + factor_offset(h, s, j, a_j);
}

double PolymatrixMarkov::pair_entry(int h, int s, int i, int k, int a_i, int a_j) const {
  const int A = params_.sizes.actions;
  if (num_players() == 1) return block(h, s, i, 0)[a_i];
  return block(h, s, i, k)[a_i * A + a_j];
}

void PolymatrixMarkov::rewards(int h, int s, std::span<const int> a, std::span<double> out) const {
  const int m = num_players(), A = params_.sizes.actions;
  if (m == 1) {
    out[0] = block(h, s, 0, 0)[a[0]];
    return;
  }
  for (int i = 0; i < m; ++i) {
    const std::vector<int>& nb = neighbours_[i];
    double sum = 0.0;
    for (std::size_t k = 0; k < nb.size(); ++k) sum += block(h, s, i, static_cast<int>(k))[a[i] * A + a[nb[k]]];
    out[i] = sum / static_cast<double>(nb.size());
  }
}

void PolymatrixMarkov::next_distribution(int h, int s, std::span<const int> a, std::span<double> out) const {
  const int m = num_players(), S = num_states();
  std::fill(out.begin(), out.begin() + S, 0.0);
  for (int j = 0; j < m; ++j) {
    const double* row = factor_row(h, s, j, a[j]);
    for (int k = 0; k < S; ++k) out[k] += row[k];
  }
  for (int k = 0; k < S; ++k) out[k] /= m;
}

int PolymatrixMarkov::sample_next(int h, int s, std::span<const int> a, double u) const {
  const int m = num_players();
  const double scaled = u * m;
  const int j = std::min(static_cast<int>(scaled), m - 1);
  const double rest = std::min(scaled - j, 1.0);
  return invert_cdf(std::span<const double>(factor_row(h, s, j, a[j]), num_states()), rest);
}

// out = Σ_{j≠skip} Σ_c p_j(c) Q_j(·|c), not yet divided by m.
void PolymatrixMarkov::mix_factors(int h, int s, ProductView p, int skip, std::span<double> out) const {
  const int m = num_players(), S = num_states(), A = params_.sizes.actions;
  std::fill(out.begin(), out.begin() + S, 0.0);
  for (int j = 0; j < m; ++j) {
    if (j == skip) continue;
    for (int c = 0; c < A; ++c) {
      const double w = p[j][c];
      if (w == 0.0) continue;
      const double* row = factor_row(h, s, j, c);
      for (int k = 0; k < S; ++k) out[k] += w * row[k];
    }
  }
}

void PolymatrixMarkov::player_expectation(int h, int s, int player, ProductView p, std::span<double> rewards,
                                          std::span<double> next) const {
  const int m = num_players(), S = num_states(), A = params_.sizes.actions;
  if (static_cast<int>(p.size()) != m)
    throw UsageError("Markov game: expected " + std::to_string(m) + " distributions, got " + std::to_string(p.size()));
  const std::vector<int>& nb = neighbours_[player];
  if (m == 1) {
    std::copy(block(h, s, 0, 0), block(h, s, 0, 0) + A, rewards.begin());
  } else {
    std::fill(rewards.begin(), rewards.begin() + A, 0.0);
    for (std::size_t k = 0; k < nb.size(); ++k) {
      const double* M = block(h, s, player, static_cast<int>(k));
      const std::span<const double> q = p[nb[k]];
      for (int b = 0; b < A; ++b) {
        double sum = 0.0;
        for (int c = 0; c < A; ++c) sum += M[b * A + c] * q[c];
        rewards[b] += sum;
      }
    }
    for (int b = 0; b < A; ++b) rewards[b] /= static_cast<double>(nb.size());
  }
  if (h == horizon() - 1) return;
  std::vector<double> others(S);
  mix_factors(h, s, p, player, others);
  for (int b = 0; b < A; ++b) {
    const double* own = factor_row(h, s, player, b);
    double* row = next.data() + static_cast<std::ptrdiff_t>(b) * S;
    for (int k = 0; k < S; ++k) row[k] = (others[k] + own[k]) / m;
  }
}

void PolymatrixMarkov::joint_expectation(int h, int s, ProductView p, std::span<double> rewards,
                                         std::span<double> next) const {
  const int m = num_players(), S = num_states(), A = params_.sizes.actions;
  if (static_cast<int>(p.size()) != m)
    throw UsageError("Markov game: expected " + std::to_string(m) + " distributions, got " + std::to_string(p.size()));
  for (int i = 0; i < m; ++i) {
    const std::span<const double> own = p[i];
    if (m == 1) {
      const double* v = block(h, s, 0, 0);
      double sum = 0.0;
      for (int b = 0; b < A; ++b) sum += own[b] * v[b];
      rewards[0] = sum;
      continue;
    }
    const std::vector<int>& nb = neighbours_[i];
    double total = 0.0;
    for (std::size_t k = 0; k < nb.size(); ++k) {
      const double* M = block(h, s, i, static_cast<int>(k));
      const std::span<const double> q = p[nb[k]];
      for (int b = 0; b < A; ++b) {
        if (own[b] == 0.0) continue;
        double sum = 0.0;
        for (int c = 0; c < A; ++c) sum += M[b * A + c] * q[c];
        total += own[b] * sum;
      }
    }
    rewards[i] = total / static_cast<double>(nb.size());
  }
  if (h == horizon() - 1) return;
  mix_factors(h, s, p, -1, next);
  for (int k = 0; k < S; ++k) next[k] /= m;
}

}  // namespace eqlab::markov_gen

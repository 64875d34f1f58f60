#include <eqlab/lib/stationary_distribution.hpp>

#include <algorithm>

namespace eqlab {

void stationary_distribution(std::span<double> P, int n, std::span<double> pi) {
  const auto at = [&](int i, int j) -> double& { return P[static_cast<std::size_t>(i) * n + j]; };
  // Censor the chain on states 0..k-1, for k from the last state down. A state that
  // cannot leave towards the lower ones is closed in the censored chain on 0..k: the
  // distribution concentrated on it is stationary there, and the back-substitution
  // below extends it to the whole chain.
  int first = 0;  // the lowest state with positive probability
  for (int k = n - 1; k >= 1; --k) {
    double out = 0.0;
    for (int j = 0; j < k; ++j) out += at(k, j);
    if (!(out > 0.0)) {
      first = k;
      break;
    }
    for (int i = 0; i < k; ++i) at(i, k) /= out;
    for (int i = 0; i < k; ++i) {
      const double via_k = at(i, k);
      if (via_k == 0.0) continue;
      for (int j = 0; j < k; ++j) at(i, j) += via_k * at(k, j);
    }
  }
  // Back-substitution: pi[k] = Σ_{i<k} pi[i] P[i][k] (with the censored P).
  std::fill(pi.begin(), pi.begin() + first, 0.0);
  double total = pi[first] = 1.0;
  for (int k = first + 1; k < n; ++k) {
    double v = 0.0;
    for (int i = first; i < k; ++i) v += pi[i] * at(i, k);
    pi[k] = v;
    total += v;
  }
  for (int k = 0; k < n; ++k) pi[k] /= total;
}

}  // namespace eqlab

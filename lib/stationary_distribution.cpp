#include <eqlab/lib/stationary_distribution.hpp>

#include <algorithm>

namespace eqlab {

namespace {

// GTH on n states; Size > 0 fixes n at compile time so that the loops unroll. Every size
// runs the same operations in the same order, so the bits do not depend on Size.
template <int Size>
void eliminate(double* P, int runtime_n, double* pi) {
  const int n = Size > 0 ? Size : runtime_n;
  const auto at = [&](int i, int j) -> double& { return P[static_cast<std::size_t>(i) * n + j]; };
  // Censor the chain on states 0..k-1, for k from the last state down. A state that
  // cannot leave towards the lower ones is closed in the censored chain on 0..k: the
  // distribution concentrated on it is stationary there, and the back-substitution
  // below extends it to the whole chain.
  //
  // The textbook form divides column k by k's exit rate `out`, which overflows when `out`
  // is subnormal (a state all but absorbing). Here column k keeps its raw entries and the
  // elimination uses k's exit distribution at(k, j) / out, which is at most 1; the
  // division by `out` waits for the back-substitution, which rescales instead of
  // overflowing. Each exit rate is kept on the diagonal, which the caller's chain leaves
  // unread, so that the elimination needs no memory of its own.
  int first = 0;  // the lowest state with positive probability
  for (int k = n - 1; k >= 1; --k) {
    double out = 0.0;
    for (int j = 0; j < k; ++j) out += at(k, j);
    if (!(out > 0.0)) {
      first = k;
      break;
    }
    at(k, k) = out;
    for (int j = 0; j < k; ++j) at(k, j) /= out;
    for (int i = 0; i < k; ++i) {
      const double to_k = at(i, k);
      if (to_k == 0.0) continue;
      for (int j = 0; j < k; ++j) at(i, j) += to_k * at(k, j);
    }
  }
  // Back-substitution: pi[k] = Σ_{i<k} pi[i] P[i][k] / out_k (with the censored P). When
  // that ratio would dwarf everything so far, the earlier entries are scaled down first,
  // which keeps every number finite; they are negligible next to pi[k] anyway.
  constexpr double kLargestRatio = 1e280;
  std::fill(pi, pi + first, 0.0);
  double total = pi[first] = 1.0;
  for (int k = first + 1; k < n; ++k) {
    double inflow = 0.0;
    for (int i = first; i < k; ++i) inflow += pi[i] * at(i, k);
    const double exit_rate = at(k, k);
    if (inflow >= exit_rate * kLargestRatio) {
      const double scale = exit_rate / inflow;
      for (int i = first; i < k; ++i) pi[i] *= scale;
      total *= scale;
      pi[k] = 1.0;
    } else {
      pi[k] = inflow / exit_rate;
    }
    total += pi[k];
  }
  for (int k = 0; k < n; ++k) pi[k] /= total;
}

}  // namespace

void stationary_distribution(std::span<double> P, int n, std::span<double> pi) {
  // Four states is the commonest size that the closed form below does not take: the
  // fixed point at an infoset with three actions below a trigger.
  if (n == 4) eliminate<4>(P.data(), n, pi.data());
  else eliminate<0>(P.data(), n, pi.data());
}

bool small_stationary_distribution(std::span<const double> transition, int n, std::span<double> pi) {
  const auto P = [&](int i, int j) { return transition[static_cast<std::size_t>(i) * n + j]; };
  double tree[3];
  if (n == 2) {
    tree[0] = P(1, 0);
    tree[1] = P(0, 1);
  } else if (n == 3) {
    tree[0] = P(1, 0) * P(2, 0) + P(1, 0) * P(2, 1) + P(1, 2) * P(2, 0);
    tree[1] = P(0, 1) * P(2, 1) + P(0, 1) * P(2, 0) + P(0, 2) * P(2, 1);
    tree[2] = P(0, 2) * P(1, 2) + P(0, 2) * P(1, 0) + P(0, 1) * P(1, 2);
  } else {
    return false;
  }
  double total = 0.0;
  for (int i = 0; i < n; ++i) total += tree[i];
  // Below 1e-280 the products may have lost digits to underflow; GTH rescales instead.
  if (!(total >= 1e-280) || !(total <= 1e300)) return false;
  for (int i = 0; i < n; ++i) pi[i] = tree[i] / total;
  return true;
}

void stationary_distribution_of_any(std::span<double> transition, int n, std::span<double> pi) {
  if (!small_stationary_distribution(transition, n, pi)) stationary_distribution(transition, n, pi);
}

}  // namespace eqlab

#include <eqlab/algorithms/markov/stage_nash.hpp>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <string>

#include <Eigen/Core>
#include <Eigen/LU>

#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace {

// The members of a support given as a bit mask.
std::vector<int> members(std::uint32_t mask) {
  std::vector<int> out;
  for (int i = 0; mask != 0; ++i, mask >>= 1)
    if (mask & 1u) out.push_back(i);
  return out;
}

// The mix over `mixer` that makes the other player, with payoff payoff(own, mixer),
// indifferent over `own`: [P, −1; 1ᵀ, 0] [mix; value] = [0; 1]. False when singular.
template <class Payoff>
bool indifference(const std::vector<int>& own, const std::vector<int>& mixer, Payoff payoff, Eigen::VectorXd& mix,
                  double& value) {
  const int k = static_cast<int>(own.size());
  Eigen::MatrixXd M = Eigen::MatrixXd::Zero(k + 1, k + 1);
  Eigen::VectorXd rhs = Eigen::VectorXd::Zero(k + 1);
  for (int r = 0; r < k; ++r) {
    for (int c = 0; c < k; ++c) M(r, c) = payoff(own[r], mixer[c]);
    M(r, k) = -1.0;
  }
  for (int c = 0; c < k; ++c) M(k, c) = 1.0;
  rhs(k) = 1.0;
  const Eigen::FullPivLU<Eigen::MatrixXd> lu(M);
  if (!lu.isInvertible()) return false;
  const Eigen::VectorXd solution = lu.solve(rhs);
  mix = solution.head(k);
  value = solution(k);
  return true;
}

void check_tables(int rows, int cols, std::span<const double> a, std::span<const double> b) {
  if (rows < 1 || cols < 1) throw UsageError("bimatrix game: each player needs at least one action");
  const std::size_t size = static_cast<std::size_t>(rows) * cols;
  if (a.size() != size || b.size() != size)
    throw UsageError("bimatrix game: a payoff table has " + std::to_string(a.size() != size ? a.size() : b.size()) +
                     " entries, not rows × cols = " + std::to_string(size));
}

}  // namespace

double bimatrix_nash_gap(int rows, int cols, std::span<const double> a, std::span<const double> b,
                         std::span<const double> x, std::span<const double> y) {
  check_tables(rows, cols, a, b);
  double row_value = 0.0, column_value = 0.0, best_row = -INFINITY, best_column = -INFINITY;
  for (int i = 0; i < rows; ++i) {
    double against = 0.0;
    for (int j = 0; j < cols; ++j) against += a[static_cast<std::size_t>(i) * cols + j] * y[j];
    best_row = std::max(best_row, against);
    row_value += x[i] * against;
  }
  for (int j = 0; j < cols; ++j) {
    double against = 0.0;
    for (int i = 0; i < rows; ++i) against += b[static_cast<std::size_t>(i) * cols + j] * x[i];
    best_column = std::max(best_column, against);
    column_value += y[j] * against;
  }
  return std::max(best_row - row_value, best_column - column_value);
}

std::vector<BimatrixEquilibrium> support_enumeration(int rows, int cols, std::span<const double> a,
                                                     std::span<const double> b, double tolerance) {
  check_tables(rows, cols, a, b);
  if (rows > 24 || cols > 24) throw UsageError("support enumeration: at most 24 actions a player");
  double scale = 1.0;
  for (std::size_t e = 0; e < a.size(); ++e) scale = std::max({scale, std::abs(a[e]), std::abs(b[e])});
  const double slack = tolerance * scale;
  const auto A = [&](int i, int j) { return a[static_cast<std::size_t>(i) * cols + j]; };
  const auto B_transposed = [&](int j, int i) { return b[static_cast<std::size_t>(i) * cols + j]; };

  std::vector<BimatrixEquilibrium> found;
  const auto already_found = [&](const BimatrixEquilibrium& e) {
    for (const BimatrixEquilibrium& f : found) {
      double difference = 0.0;
      for (int i = 0; i < rows; ++i) difference = std::max(difference, std::abs(f.row[i] - e.row[i]));
      for (int j = 0; j < cols; ++j) difference = std::max(difference, std::abs(f.column[j] - e.column[j]));
      if (difference <= 1e3 * tolerance) return true;
    }
    return false;
  };
  Eigen::VectorXd x_mix, y_mix;
  for (int k = 1; k <= std::min(rows, cols); ++k) {
    for (std::uint32_t row_mask = 1; row_mask < (1u << rows); ++row_mask) {
      if (std::popcount(row_mask) != k) continue;
      const std::vector<int> I = members(row_mask);
      for (std::uint32_t column_mask = 1; column_mask < (1u << cols); ++column_mask) {
        if (std::popcount(column_mask) != k) continue;
        const std::vector<int> J = members(column_mask);
        double u = 0.0, v = 0.0;
        if (!indifference(I, J, A, y_mix, u) || !indifference(J, I, B_transposed, x_mix, v)) continue;
        if (x_mix.minCoeff() < -tolerance || y_mix.minCoeff() < -tolerance) continue;
        BimatrixEquilibrium e;
        e.row.assign(static_cast<std::size_t>(rows), 0.0);
        e.column.assign(static_cast<std::size_t>(cols), 0.0);
        for (int r = 0; r < k; ++r) e.row[I[r]] = std::max(0.0, x_mix(r));
        for (int c = 0; c < k; ++c) e.column[J[c]] = std::max(0.0, y_mix(c));
        // No action outside the supports may earn more than the supports' common value.
        bool stable = true;
        for (int i = 0; stable && i < rows; ++i) {
          double against = 0.0;
          for (int j = 0; j < cols; ++j) against += A(i, j) * e.column[j];
          stable = against <= u + slack;
        }
        for (int j = 0; stable && j < cols; ++j) {
          double against = 0.0;
          for (int i = 0; i < rows; ++i) against += B_transposed(j, i) * e.row[i];
          stable = against <= v + slack;
        }
        if (!stable) continue;
        e.row_value = u;
        e.column_value = v;
        if (!already_found(e)) found.push_back(std::move(e));
      }
    }
  }
  return found;
}

}  // namespace eqlab

#pragma once
// `markov-polymatrix` (docs/GAMES.md), the polymatrix Markov game with separable transitions,
// the large-m testbed: everything is stored and polynomial in the number of players m.
//
//   r_{h,i}(s, a) = (1/|N(i)|) Σ_{j∈N(i)} M^{h,s}_{ij}(a_i, a_j),   M entries ~ U[0, 1],
//   P_h(s'|s, a)  = (1/m) Σ_j Q^{h,s}_j(s'|a_j),                     Q rows ~ Dirichlet(kappa · 1).
//
// Interaction graph. degree = 0: complete, N(i) = every other player. degree = d (1 <= d
// <= m-1): a seeded random circulant digraph. The players are put on a circle in the order
// of a seeded Fisher-Yates shuffle, and N(i) is the d players that follow i on it. So every
// player has exactly d neighbours, the same seed gives the same graph, and the graph need
// not be symmetric (j ∈ N(i) does not imply i ∈ N(j)), which the reward formula allows.
// With one player there is no neighbour: r_{h,0}(s, a) = M^{h,s}_{00}(a_0), a stored vector.
//
// Memory: H·S·Σ_i|N(i)|·A² rewards plus (H-1)·S·m·A·S transition entries (none from the
// last step); refused above 2^27 doubles (1 GiB).
#include <vector>

#include <eqlab/games/markov/generators/generator_common.hpp>

namespace eqlab::markov_gen {

struct PolymatrixParams {
  GenSizes sizes;
  int degree = 0;      // 0: complete graph; else neighbours per player, at most players - 1
  double kappa = 1.0;  // Dirichlet concentration of the Q rows, > 0
};

class PolymatrixMarkov final : public MarkovModel {
 public:
  // UsageError for a degree out of range, kappa <= 0, or tables over 2^27 doubles.
  explicit PolymatrixMarkov(const PolymatrixParams& params);

  // "markov-polymatrix(players=..,states=..,actions=..,horizon=..,degree=..,kappa=..,seed=..)"
  static std::string canonical_name(const PolymatrixParams& params);

  // N(i) in the order its matrices are stored.
  const std::vector<int>& neighbours(int player) const { return neighbours_[player]; }
  // M^{h,s}_{ij}(a_i, a_j) for the k-th neighbour j of i (m = 1: k = 0 and a_j ignored).
  double pair_entry(int h, int s, int i, int k, int a_i, int a_j) const;

  void rewards(int h, int s, std::span<const int> a, std::span<double> out) const override;
  // j = floor(u·m) picks the factor, the fractional part u·m - j inverts Q_j's row.
  int sample_next(int h, int s, std::span<const int> a, double u) const override;
  void next_distribution(int h, int s, std::span<const int> a, std::span<double> out) const override;
  // Cost O(S·Σ_j A_j + Σ_{j∈N(i)} A_i·A_j), plus A_i·S to write the rows.
  void player_expectation(int h, int s, int player, ProductView p, std::span<double> rewards,
                          std::span<double> next) const override;
  // Cost O(S·Σ_j A_j + Σ_i Σ_{j∈N(i)} A_i·A_j).
  void joint_expectation(int h, int s, ProductView p, std::span<double> rewards,
                         std::span<double> next) const override;

 private:
  const double* block(int h, int s, int i, int k) const;  // M^{h,s}_{i, N(i)[k]}, row-major
  std::size_t factor_offset(int h, int s, int j, int a_j) const;
  const double* factor_row(int h, int s, int j, int a_j) const;  // Q^{h,s}_j(·|a_j)
  void mix_factors(int h, int s, ProductView p, int skip, std::span<double> out) const;

  PolymatrixParams params_;
  std::vector<std::vector<int>> neighbours_;
  std::vector<std::size_t> pair_begin_;  // offset of player i's matrices in one (h, s) block
  std::size_t block_size_ = 0;           // Σ_i |N(i)|·A² (A when m = 1)
  std::vector<double> pairs_;            // [(h·S + s)·block_size_ + pair_begin_[i] + ...]
  std::vector<double> factors_;          // [(((h·S + s)·m + j)·A + a_j)·S + s'], h < H-1
};

}  // namespace eqlab::markov_gen

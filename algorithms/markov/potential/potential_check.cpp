#include <eqlab/algorithms/markov/potential/potential_check.hpp>

#include <algorithm>
#include <cmath>

#include <eqlab/algorithms/markov/eval/product_eval.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/rng.hpp>

namespace eqlab {

namespace {

constexpr std::uint64_t kCycleStream = 0x706f7463'79636c65ULL;

// A deterministic Markov policy of one player, drawn uniformly, written into `profile`.
void draw_pure(const MarkovModel& model, int player, RngStream& rng, ProductPolicy& profile) {
  for (int h = 0; h < model.horizon(); ++h)
    for (int s = 0; s < model.num_states(); ++s)
      profile.set_pure(h, s, player, static_cast<int>(rng.below(static_cast<std::uint64_t>(model.num_actions(player)))));
}

void copy_player(const MarkovModel& model, int player, const ProductPolicy& from, ProductPolicy& to) {
  for (int h = 0; h < model.horizon(); ++h)
    for (int s = 0; s < model.num_states(); ++s) {
      const std::span<const double> src = from.at(h, s, player);
      std::copy(src.begin(), src.end(), to.at(h, s, player).begin());
    }
}

}  // namespace

double potential_cycle_violation(const MarkovModel& model, int trials, std::uint64_t seed) {
  if (trials < 1) throw UsageError("potential cycle test: trials must be at least 1");
  const int m = model.num_players();
  if (m < 2) return 0.0;
  RngStream rng(seed, kCycleStream);
  ProductPolicy base(model), alt(model), p00(model), p10(model), p11(model), p01(model);
  double worst = 0.0;
  for (int trial = 0; trial < trials; ++trial) {
    const int i = static_cast<int>(rng.below(static_cast<std::uint64_t>(m)));
    int j = static_cast<int>(rng.below(static_cast<std::uint64_t>(m - 1)));
    if (j >= i) ++j;  // uniform over the players other than i
    for (int k = 0; k < m; ++k) draw_pure(model, k, rng, base);
    draw_pure(model, i, rng, alt);
    draw_pure(model, j, rng, alt);
    p00 = base;
    p10 = base;
    copy_player(model, i, alt, p10);
    p11 = p10;
    copy_player(model, j, alt, p11);
    p01 = base;
    copy_player(model, j, alt, p01);
    const std::vector<double> v00 = product_values(model, p00), v10 = product_values(model, p10),
                              v11 = product_values(model, p11), v01 = product_values(model, p01);
    // Each edge: the mover's value after minus before.
    const double sum = (v10[i] - v00[i]) + (v11[j] - v10[j]) + (v01[i] - v11[i]) + (v00[j] - v01[j]);
    worst = std::max(worst, std::abs(sum));
  }
  return worst;
}

}  // namespace eqlab

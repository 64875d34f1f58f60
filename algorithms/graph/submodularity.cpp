#include <eqlab/algorithms/graph/submodularity.hpp>

#include <algorithm>
#include <vector>

#include <tbb/parallel_for.h>

namespace eqlab {

PairwiseCheck pairwise_check(const DeceptionEvaluator& evaluator, DeceptionRegion region, DecoyPick::Kind kind) {
  const std::vector<int> sites = candidate_sites(evaluator, kind);
  const std::size_t n = sites.size();
  auto decoys = [&](std::vector<int> chosen) {
    return kind == DecoyPick::Kind::trap ? DecoySets{std::move(chosen), {}} : DecoySets{{}, std::move(chosen)};
  };
  const long long empty = static_cast<long long>(evaluator.region_size(region, {}));
  std::vector<long long> single(n);
  tbb::parallel_for(std::size_t{0}, n, [&](std::size_t a) {
    single[a] = static_cast<long long>(evaluator.region_size(region, decoys({sites[a]})));
  });
  // Row a holds the pairs (a, b > a); rows are independent.
  std::vector<PairwiseCheck> rows(n);
  tbb::parallel_for(std::size_t{0}, n, [&](std::size_t a) {
    PairwiseCheck& row = rows[a];
    for (std::size_t b = a + 1; b < n; ++b) {
      const long long both = static_cast<long long>(evaluator.region_size(region, decoys({sites[a], sites[b]})));
      const long long delta = both - single[a] - single[b] + empty;
      ++row.pairs;
      if (delta < 0) ++row.submodular_pairs;
      if (delta > 0) ++row.supermodular_pairs;
      if (both < std::max(single[a], single[b])) ++row.not_monotone;
    }
  });
  PairwiseCheck total;
  for (std::size_t a = 0; a < n; ++a) {
    total.pairs += rows[a].pairs;
    total.submodular_pairs += rows[a].submodular_pairs;
    total.supermodular_pairs += rows[a].supermodular_pairs;
    total.not_monotone += rows[a].not_monotone + (single[a] < empty ? 1 : 0);
  }
  return total;
}

}  // namespace eqlab

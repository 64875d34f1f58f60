#include <eqlab/algorithms/graph/decoy_placement.hpp>

#include <algorithm>
#include <cstddef>
#include <queue>
#include <utility>

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <eqlab/algorithms/graph/hypergame_attractor.hpp>

namespace eqlab {

std::vector<int> candidate_sites(const DeceptionEvaluator& evaluator, DecoyPick::Kind kind) {
  const TurnGame& g = evaluator.game();
  std::vector<int> sites;
  for (int s = 0; s < static_cast<int>(g.sites().size()); ++s) {
    const DecoySite& site = g.sites()[s];
    if (!(kind == DecoyPick::Kind::fake ? site.fake_ok : site.trap_ok)) continue;
    const bool meets_w2 =
        std::any_of(site.vertices.begin(), site.vertices.end(), [&](int v) { return evaluator.base().win2[v]; });
    if (!meets_w2 && (kind == DecoyPick::Kind::trap || evaluator.mode() == DeceptionMode::reference)) continue;
    sites.push_back(s);
  }
  return sites;
}

namespace {

bool taken(const DecoySets& d, int s) {
  return std::find(d.traps.begin(), d.traps.end(), s) != d.traps.end() ||
         std::find(d.fakes.begin(), d.fakes.end(), s) != d.fakes.end();
}

// The region after adding each candidate (of one kind) to `current`.
std::vector<std::size_t> candidate_sizes(const DeceptionEvaluator& evaluator, DeceptionRegion region,
                                         const DecoySets& current, DecoyPick::Kind kind,
                                         const std::vector<int>& candidates) {
  std::vector<std::size_t> sizes(candidates.size(), 0);
  if (kind == DecoyPick::Kind::trap && region == DeceptionRegion::sure) {
    // A trap leaves H unchanged: grow the current region by each candidate and take the
    // growth back, on one copy of the attractor state per thread.
    const HypergameAttractor start(evaluator, current);
    tbb::enumerable_thread_specific<HypergameAttractor> local(start);
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, candidates.size()), [&](const auto& range) {
      HypergameAttractor& h = local.local();
      for (std::size_t k = range.begin(); k != range.end(); ++k) {
        sizes[k] = start.size() + h.add(evaluator.game().sites()[candidates[k]].vertices, true);
        h.undo();
      }
    });
  } else {
    tbb::parallel_for(std::size_t{0}, candidates.size(), [&](std::size_t k) {
      DecoySets trial = current;
      (kind == DecoyPick::Kind::fake ? trial.fakes : trial.traps).push_back(candidates[k]);
      sizes[k] = evaluator.region_size(region, trial);
    });
  }
  return sizes;
}

std::vector<int> open_candidates(const DeceptionEvaluator& evaluator, const DecoySets& current, DecoyPick::Kind kind) {
  std::vector<int> candidates;
  for (int s : candidate_sites(evaluator, kind))
    if (!taken(current, s)) candidates.push_back(s);
  return candidates;
}

// One greedy step: the first candidate with the largest region, or -1 when none beats 0.
int best_addition(const DeceptionEvaluator& evaluator, DeceptionRegion region, DecoySets& current,
                  DecoyPick::Kind kind, std::size_t& best_size, long long& evaluations) {
  const std::vector<int> candidates = open_candidates(evaluator, current, kind);
  const std::vector<std::size_t> sizes = candidate_sizes(evaluator, region, current, kind, candidates);
  evaluations += static_cast<long long>(candidates.size());
  int best = -1;
  best_size = 0;
  for (std::size_t k = 0; k < candidates.size(); ++k)
    if (sizes[k] > best_size) {
      best_size = sizes[k];
      best = candidates[k];
    }
  return best;
}

double value_of(const DeceptionEvaluator& evaluator, std::size_t size) {
  return evaluator.denominator() == 0 ? 0.0 : static_cast<double>(size) / static_cast<double>(evaluator.denominator());
}

}  // namespace

namespace {

// Lazy greedy for one kind: after one full pass, the gains of that pass are
// kept as stale bounds; a step re-evaluates the best bound until its fresh gain beats the
// next bound (a tie goes to the earlier site, as in plain greedy). With diminishing gains
// (a submodular instance) this is exactly greedy; otherwise it is a heuristic.
void lazy_steps(const DeceptionEvaluator& evaluator, DeceptionRegion region, DecoyPick::Kind kind, int budget,
                PlacementResult& result) {
  if (budget <= 0) return;
  const std::vector<int> candidates = open_candidates(evaluator, result.decoys, kind);
  const std::vector<std::size_t> sizes = candidate_sizes(evaluator, region, result.decoys, kind, candidates);
  result.evaluations += static_cast<long long>(candidates.size());
  struct Bound {
    long long gain;
    int order;  // position in site order
    bool operator<(const Bound& o) const { return gain < o.gain || (gain == o.gain && order > o.order); }
  };
  const long long start = static_cast<long long>(result.region_size);
  std::priority_queue<Bound> bounds;
  for (std::size_t k = 0; k < candidates.size(); ++k)
    bounds.push({static_cast<long long>(sizes[k]) - start, static_cast<int>(k)});
  auto add = [&](DecoySets& d, int site) { (kind == DecoyPick::Kind::fake ? d.fakes : d.traps).push_back(site); };
  for (int step = 0; step < budget && !bounds.empty(); ++step) {
    const long long current = static_cast<long long>(result.region_size);
    for (;;) {
      const Bound top = bounds.top();
      bounds.pop();
      DecoySets trial = result.decoys;
      add(trial, candidates[top.order]);
      const long long size = static_cast<long long>(evaluator.region_size(region, trial));
      ++result.evaluations;
      const Bound fresh{size - current, top.order};
      if (bounds.empty() || !(fresh < bounds.top())) {
        if (size <= 0) return;  // as plain greedy: nothing enlarges the region
        add(result.decoys, candidates[top.order]);
        result.region_size = static_cast<std::size_t>(size);
        result.picks.push_back({kind, candidates[top.order], result.region_size, value_of(evaluator, result.region_size)});
        break;
      }
      bounds.push(fresh);
    }
  }
}

}  // namespace

PlacementResult greedy_placement(const DeceptionEvaluator& evaluator, DeceptionRegion region, int fakes, int traps,
                                 bool lazy) {
  PlacementResult result;
  for (const auto& [kind, budget] : {std::pair{DecoyPick::Kind::fake, fakes}, std::pair{DecoyPick::Kind::trap, traps}}) {
    if (lazy) {
      lazy_steps(evaluator, region, kind, budget, result);
      continue;
    }
    for (int k = 0; k < budget; ++k) {
      std::size_t size = 0;
      const int site = best_addition(evaluator, region, result.decoys, kind, size, result.evaluations);
      if (site < 0) break;
      (kind == DecoyPick::Kind::fake ? result.decoys.fakes : result.decoys.traps).push_back(site);
      result.picks.push_back({kind, site, size, value_of(evaluator, size)});
      result.region_size = size;
    }
  }
  result.value = value_of(evaluator, result.region_size);
  return result;
}

namespace {

// Calls f(subset) for every k-subset of `items`, in lexicographic order.
template <typename F>
void for_each_subset(const std::vector<int>& items, int k, F&& f) {
  const int n = static_cast<int>(items.size());
  if (k > n) return;
  std::vector<int> index(k);
  for (int i = 0; i < k; ++i) index[i] = i;
  std::vector<int> subset(k);
  for (;;) {
    for (int i = 0; i < k; ++i) subset[i] = items[index[i]];
    f(subset);
    int i = k - 1;
    while (i >= 0 && index[i] == n - k + i) --i;
    if (i < 0) return;
    ++index[i];
    for (int j = i + 1; j < k; ++j) index[j] = index[j - 1] + 1;
  }
}

}  // namespace

PlacementResult exhaustive_placement(const DeceptionEvaluator& evaluator, DeceptionRegion region, int fakes,
                                     int traps) {
  // Placements are listed in order a batch at a time, each batch evaluated in parallel,
  // so that memory stays bounded however many there are; the first best in this order wins.
  constexpr std::size_t kBatch = 1 << 14;
  PlacementResult result;
  std::vector<DecoySets> batch;
  std::vector<std::size_t> sizes;
  bool found = false;
  auto evaluate_batch = [&] {
    sizes.assign(batch.size(), 0);
    tbb::parallel_for(std::size_t{0}, batch.size(),
                      [&](std::size_t k) { sizes[k] = evaluator.region_size(region, batch[k]); });
    for (std::size_t k = 0; k < batch.size(); ++k)
      if (!found || sizes[k] > result.region_size) {
        found = true;
        result.region_size = sizes[k];
        result.decoys = batch[k];
      }
    result.evaluations += static_cast<long long>(batch.size());
    batch.clear();
  };
  const std::vector<int> fake_sites = candidate_sites(evaluator, DecoyPick::Kind::fake);
  const std::vector<int> trap_sites = candidate_sites(evaluator, DecoyPick::Kind::trap);
  for_each_subset(fake_sites, fakes, [&](const std::vector<int>& y) {
    std::vector<int> rest;
    for (int s : trap_sites)
      if (std::find(y.begin(), y.end(), s) == y.end()) rest.push_back(s);
    for_each_subset(rest, traps, [&](const std::vector<int>& t) {
      batch.push_back({t, y});
      if (batch.size() == kBatch) evaluate_batch();
    });
  });
  evaluate_batch();
  if (!found) return result;
  result.value = value_of(evaluator, result.region_size);
  for (int s : result.decoys.fakes) result.picks.push_back({DecoyPick::Kind::fake, s, 0, 0.0});
  for (int s : result.decoys.traps) result.picks.push_back({DecoyPick::Kind::trap, s, 0, 0.0});
  return result;
}

double exhaustive_placement_count(const DeceptionEvaluator& evaluator, int fakes, int traps) {
  const double fake_sites = static_cast<double>(candidate_sites(evaluator, DecoyPick::Kind::fake).size());
  const double trap_sites = static_cast<double>(candidate_sites(evaluator, DecoyPick::Kind::trap).size());
  double count = 1;
  for (int k = 0; k < fakes; ++k) count *= (fake_sites - k) / (k + 1);
  for (int k = 0; k < traps; ++k) count *= (trap_sites - k) / (k + 1);
  return count;
}

}  // namespace eqlab

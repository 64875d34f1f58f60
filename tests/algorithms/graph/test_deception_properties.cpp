// Properties of the deceptive regions (docs/algorithms/graph-decoys.md):
// on the gridworld in clean mode DASWin does not care whether a decoy is a trap or a fake
// (every site and every pair of sites), and DSWin with fakes is monotone on every pair;
// the stealth of the defender's deceptive sure-winning strategy, simulated against an
// attacker that picks random subjectively rationalizable moves, on the gridworld and on
// published random graphs, in both modes.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <eqlab/algorithms/graph/decoy_placement.hpp>
#include <eqlab/algorithms/graph/deception.hpp>
#include <eqlab/games/graph/gridworld.hpp>
#include <eqlab/games/graph/reference_model.hpp>
#include <eqlab/games/graph/turn_game.hpp>
#include <eqlab/lib/rng.hpp>

using namespace eqlab;

namespace {

constexpr GraphPlayer D = GraphPlayer::defender;

std::vector<std::uint8_t> decoy_mask(const TurnGame& g, const DecoySets& decoys) {
  std::vector<std::uint8_t> mask(g.num_vertices(), 0);
  for (const std::vector<int>* sites : {&decoys.traps, &decoys.fakes})
    for (int s : *sites)
      for (int v : g.sites()[s].vertices) mask[v] = 1;
  return mask;
}

// DSWin and its ranks from the definition, layer by layer: X_0 = (D ∩ W2) \ F, plus
// OUT in clean mode; a defender state of W2 \ (F ∪ D) joins when some successor is in X_k;
// an attacker state when it has an SR edge kept in H and every kept SR edge ends in X_k
// (clean: an SR edge leaving W2 ends in OUT ∈ X_0; reference: it is deleted).
std::vector<int> naive_dswin_ranks(const DeceptionEvaluator& eval, const DecoySets& decoys) {
  const TurnGame& g = eval.game();
  const int n = g.num_vertices();
  const std::vector<std::uint8_t>& w2 = eval.base().win2;
  const std::vector<std::uint8_t> decoy = decoy_mask(g, decoys);
  const std::vector<int> perceived = eval.perceived_ranks(decoys.fakes);
  const bool clean = eval.mode() == DeceptionMode::clean;
  std::vector<int> rank(n, kNoRank);
  for (int v = 0; v < n; ++v)
    if (w2[v] && decoy[v] && !g.is_target(v)) rank[v] = 0;
  for (int k = 0;; ++k) {
    std::vector<int> added;
    for (int u = 0; u < n; ++u) {
      if (rank[u] != kNoRank || !w2[u] || g.is_target(u) || decoy[u]) continue;
      bool some = false, all = true, kept = false;
      for (std::size_t e = g.out_begin(u); e < g.out_end(u); ++e) {
        const int t = g.edge_target(e);
        if (g.owner(u) == D) {
          some = some || rank[t] <= k;
          continue;
        }
        if (perceived[t] >= perceived[u]) continue;  // not SR
        if (!w2[t]) {
          kept = kept || clean;  // clean: to OUT (rank 0); reference: deleted
          continue;
        }
        kept = true;
        all = all && rank[t] <= k;
      }
      if (g.owner(u) == D ? some : (kept && all)) added.push_back(u);
    }
    if (added.empty()) return rank;
    for (int u : added) rank[u] = k + 1;
  }
}

struct StealthCounts {
  long long plays = 0, entered_decoy = 0, left_w2 = 0, attacker_states = 0, longest = 0;
};

// Plays from DSWin states (all of them, or an evenly spaced subset of at most `max_starts`):
// the defender follows the deceptive strategy, the attacker picks one of its SR moves
// (successors of smaller perceived rank) uniformly at random. Each play must enter a decoy
// or leave W2 within |V| steps without touching a target, stay inside DSWin meanwhile
// (the rank in H decreases at every step), and every attacker state on it must lie in the
// perceived region W2^Y. After leaving W2 the play goes on for |V| more steps with the
// defender's safety strategy against arbitrary attacker moves: it never returns to W2.
// The strategy's region and ranks are also checked against the definition.
void check_stealth(const DeceptionEvaluator& eval, const DecoySets& decoys, RngStream& rng, int max_starts,
                   StealthCounts& counts) {
  const TurnGame& g = eval.game();
  const int n = g.num_vertices();
  const DeceptiveStrategy s = eval.sure_strategy(decoys);
  const std::vector<std::uint8_t>& w2 = eval.base().win2;
  const std::vector<std::uint8_t> decoy = decoy_mask(g, decoys);
  REQUIRE(s.region.size() == static_cast<std::size_t>(n));
  REQUIRE(s.rank.size() == static_cast<std::size_t>(n));
  REQUIRE(s.defender_move.size() == static_cast<std::size_t>(n));
  CHECK(s.perceived_rank == eval.perceived_ranks(decoys.fakes));
  // The strategy's ranks in H are the layers of the defender's fixpoint.
  CHECK(s.rank == naive_dswin_ranks(eval, decoys));
  const std::vector<int>& perceived = s.perceived_rank;

  std::vector<std::uint8_t> region_mask;
  const std::size_t size = eval.region_size(DeceptionRegion::sure, decoys, &region_mask);
  CHECK(region_mask == s.region);
  std::vector<int> starts;
  for (int v = 0; v < n; ++v)
    if (s.region[v]) starts.push_back(v);
  CHECK(starts.size() == size);
  if (static_cast<int>(starts.size()) > max_starts) {
    std::vector<int> picked;
    for (int k = 0; k < max_starts; ++k) picked.push_back(starts[starts.size() * k / max_starts]);
    starts = std::move(picked);
  }

  std::vector<std::size_t> sr;
  for (int start : starts) {
    INFO("start " << g.vertex_name(start) << " (" << mode_name(eval.mode()) << ")");
    int u = start;
    long long steps = 0;
    bool ended = false;
    while (steps <= n) {
      REQUIRE(!g.is_target(u));
      if (decoy[u]) {
        ++counts.entered_decoy;
        ended = true;
        break;
      }
      if (!w2[u]) {
        ++counts.left_w2;
        ended = true;
        break;
      }
      CHECK(s.region[u]);
      REQUIRE(s.rank[u] != kNoRank);
      CHECK(perceived[u] != kNoRank);  // W2 ⊆ W2^Y
      std::size_t e = 0;
      if (g.owner(u) == D) {
        const long long m = s.defender_move[u];
        REQUIRE(m >= static_cast<long long>(g.out_begin(u)));
        REQUIRE(m < static_cast<long long>(g.out_end(u)));
        e = static_cast<std::size_t>(m);
      } else {
        ++counts.attacker_states;
        sr.clear();
        for (std::size_t f = g.out_begin(u); f < g.out_end(u); ++f)
          if (perceived[g.edge_target(f)] < perceived[u]) sr.push_back(f);
        REQUIRE(!sr.empty());
        e = sr[rng.below(sr.size())];
      }
      const int next = g.edge_target(e);
      if (w2[next]) CHECK(s.rank[next] < s.rank[u]);
      u = next;
      ++steps;
    }
    CHECK(ended);
    CHECK(!g.is_target(u));
    counts.longest = std::max(counts.longest, steps);
    ++counts.plays;
    if (w2[u] || decoy[u]) continue;
    // Outside W2: the safety strategy keeps the play in Win1 whatever the attacker does.
    for (int k = 0; k < n && k < 200; ++k) {
      if (g.owner(u) == D) {
        const long long m = s.defender_move[u];
        REQUIRE(m >= static_cast<long long>(g.out_begin(u)));
        REQUIRE(m < static_cast<long long>(g.out_end(u)));
        u = g.edge_target(static_cast<std::size_t>(m));
      } else {
        u = g.edge_target(g.out_begin(u) + rng.below(g.out_end(u) - g.out_begin(u)));
      }
      REQUIRE(!w2[u]);
    }
  }
}

int site_named(const TurnGame& g, const std::string& name) {
  for (int s = 0; s < static_cast<int>(g.sites().size()); ++s)
    if (g.sites()[s].name == name) return s;
  FAIL("no site " << name);
  return -1;
}

std::string site_list(const TurnGame& g, const std::vector<int>& sites) {
  std::string text;
  for (int s : sites) text += (text.empty() ? "" : " ") + g.sites()[s].name;
  return "{" + text + "}";
}

}  // namespace

TEST_CASE("graph solvers: clean DASWin, traps and fakes tie on every gridworld site and pair") {
  const TurnGame g = make_gridworld({});
  const DeceptionEvaluator eval(g, DeceptionMode::clean);
  const int sites = static_cast<int>(g.sites().size());
  REQUIRE(sites == 43);
  std::vector<std::uint8_t> as_traps, as_fakes;
  int compared = 0, nonempty = 0;
  CHECK(eval.region_size(DeceptionRegion::almost_sure, {}) == 0);
  for (int a = 0; a < sites; ++a) {
    const std::size_t t = eval.region_size(DeceptionRegion::almost_sure, {{a}, {}}, &as_traps);
    const std::size_t f = eval.region_size(DeceptionRegion::almost_sure, {{}, {a}}, &as_fakes);
    INFO("site " << g.sites()[a].name);
    CHECK(t == f);
    CHECK(as_traps == as_fakes);
    ++compared;
  }
  for (int a = 0; a < sites; ++a)
    for (int b = a + 1; b < sites; ++b) {
      const std::size_t t = eval.region_size(DeceptionRegion::almost_sure, {{a, b}, {}}, &as_traps);
      const std::size_t f = eval.region_size(DeceptionRegion::almost_sure, {{}, {a, b}}, &as_fakes);
      INFO("sites " << g.sites()[a].name << ", " << g.sites()[b].name);
      CHECK(t == f);
      CHECK(as_traps == as_fakes);
      nonempty += t > 0;
      ++compared;
    }
  CHECK(compared == 43 + 903);
  CHECK(nonempty > 800);
}

TEST_CASE("graph solvers: clean DSWin with fakes is monotone on every gridworld pair") {
  const TurnGame g = make_gridworld({});
  const DeceptionEvaluator eval(g, DeceptionMode::clean);
  const int sites = static_cast<int>(g.sites().size());
  std::vector<std::size_t> single(sites);
  for (int a = 0; a < sites; ++a) single[a] = eval.region_size(DeceptionRegion::sure, {{}, {a}});
  CHECK(eval.region_size(DeceptionRegion::sure, {}) == 0);
  int pairs = 0, strict = 0;
  for (int a = 0; a < sites; ++a)
    for (int b = a + 1; b < sites; ++b) {
      const std::size_t both = eval.region_size(DeceptionRegion::sure, {{}, {a, b}});
      INFO("fakes " << g.sites()[a].name << ", " << g.sites()[b].name << ": " << both << " vs " << single[a] << ", "
                    << single[b]);
      CHECK(both >= std::max(single[a], single[b]));
      strict += both > std::max(single[a], single[b]);
      ++pairs;
    }
  CHECK(pairs == 903);
  CHECK(strict > 0);
  // The reference mode is not monotone (151 of the 903 pairs); one witness pair suffices.
  const DeceptionEvaluator reference(g, DeceptionMode::reference);
  bool drop = false;
  for (int a = 0; a < sites && !drop; ++a) {
    const std::size_t sa = reference.region_size(DeceptionRegion::sure, {{}, {a}});
    for (int b = a + 1; b < sites && !drop; ++b) {
      const std::size_t sb = reference.region_size(DeceptionRegion::sure, {{}, {b}});
      drop = reference.region_size(DeceptionRegion::sure, {{}, {a, b}}) < std::max(sa, sb);
    }
  }
  CHECK(drop);
}

TEST_CASE("graph solvers: stealth of the deceptive strategy on the gridworld") {
  const TurnGame g = make_gridworld({});
  RngStream rng(20260512, 5);
  for (DeceptionMode mode : {DeceptionMode::clean, DeceptionMode::reference}) {
    const DeceptionEvaluator eval(g, mode);
    std::vector<DecoySets> placements;
    for (auto [fakes, traps] : {std::pair{2, 0}, std::pair{1, 1}, std::pair{0, 2}})
      placements.push_back(greedy_placement(eval, DeceptionRegion::sure, fakes, traps).decoys);
    // Hand-picked ones too: the exhaustive 2-fake optimum of the gridworld and fakes
    // outside W2 (a cell far from the cheese), where clean mode sends SR moves out of W2.
    placements.push_back({{}, {site_named(g, "(1,5)"), site_named(g, "(4,5)")}});
    placements.push_back({{site_named(g, "(5,5)")}, {site_named(g, "(0,0)"), site_named(g, "(6,0)")}});
    long long left_w2 = 0;
    for (const DecoySets& decoys : placements) {
      INFO(mode_name(mode) << ": fakes " << site_list(g, decoys.fakes) << ", traps " << site_list(g, decoys.traps));
      StealthCounts counts;
      check_stealth(eval, decoys, rng, 5000, counts);  // every DSWin state
      CHECK(counts.plays > 500);
      CHECK(counts.plays == counts.entered_decoy + counts.left_w2);
      CHECK(counts.attacker_states > 0);
      CHECK(counts.longest <= g.num_vertices());
      left_w2 += counts.left_w2;
    }
    // Some plays end by leaving W2 (an SR move of the attacker into Win1), in both modes.
    CHECK(left_w2 > 0);
  }
}

TEST_CASE("graph solvers: stealth of the deceptive strategy on published random graphs") {
  RngStream rng(20260512, 6);
  for (int seed : {1476, 1044, 1357}) {
    const TurnGame g =
        load_reference_model(std::string(EQLAB_TEST_DATA) + "/decoys/random-graphs/game" + std::to_string(seed) + ".model");
    for (DeceptionMode mode : {DeceptionMode::clean, DeceptionMode::reference}) {
      const DeceptionEvaluator eval(g, mode);
      std::vector<DecoySets> placements{greedy_placement(eval, DeceptionRegion::sure, 2, 0).decoys};
      // Random pairs of fake sites among the candidates.
      const std::vector<int> candidates = candidate_sites(eval, DecoyPick::Kind::fake);
      REQUIRE(candidates.size() >= 2);
      for (int k = 0; k < 3; ++k) {
        const int a = candidates[rng.below(candidates.size())];
        int b = a;
        while (b == a) b = candidates[rng.below(candidates.size())];
        placements.push_back({{}, {a, b}});
      }
      for (const DecoySets& decoys : placements) {
        INFO("game " << seed << ", " << mode_name(mode) << ", fakes " << site_list(g, decoys.fakes));
        StealthCounts counts;
        check_stealth(eval, decoys, rng, 1000, counts);
        CHECK(counts.plays > 0);
        CHECK(counts.plays == counts.entered_decoy + counts.left_w2);
        CHECK(counts.longest <= g.num_vertices());
      }
    }
  }
}

TEST_CASE("graph solvers: stealth of the deceptive strategy on generated random graphs") {
  // Mixed owners without alternation, 1-3 edges per vertex (repeats allowed), about one
  // target in eight; every other vertex is a site. Two fakes and a trap at random sites.
  RngStream rng(20260512, 7);
  StealthCounts total;
  int games = 0;
  for (int i = 0; i < 100; ++i) {
    const int n = 20 + static_cast<int>(rng.below(21));
    TurnGameBuilder b("generated");
    for (int v = 0; v < n; ++v) {
      GraphVertexSpec spec;
      spec.name = std::to_string(v);
      spec.owner = rng.below(2) ? GraphPlayer::attacker : D;
      spec.target = rng.below(8) == 0;
      b.add_vertex(std::move(spec));
    }
    for (int v = 0; v < n; ++v) {
      const int degree = 1 + static_cast<int>(rng.below(3));
      for (int k = 0; k < degree; ++k) b.add_edge(v, static_cast<int>(rng.below(n)));
    }
    const TurnGame g = std::move(b).build();
    const int sites = static_cast<int>(g.sites().size());
    if (sites < 3 || g.targets().empty()) continue;
    std::vector<int> picked;
    while (picked.size() < 3) {
      const int s = static_cast<int>(rng.below(sites));
      if (std::find(picked.begin(), picked.end(), s) == picked.end()) picked.push_back(s);
    }
    const DecoySets decoys{{picked[2]}, {picked[0], picked[1]}};
    for (DeceptionMode mode : {DeceptionMode::clean, DeceptionMode::reference}) {
      INFO("generated game " << i << ", " << mode_name(mode) << ", fakes " << site_list(g, decoys.fakes) << ", trap "
                             << site_list(g, decoys.traps));
      const DeceptionEvaluator eval(g, mode);
      check_stealth(eval, decoys, rng, 1000, total);
    }
    ++games;
  }
  CHECK(games > 80);
  CHECK(total.plays == total.entered_decoy + total.left_w2);
  CHECK(total.entered_decoy > 100);
  CHECK(total.left_w2 > 0);
}

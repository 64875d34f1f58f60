// Sure winning in turn-based reachability games (docs/algorithms/graph-decoys.md):
// attractor ranks on hand-made graphs for both players (multi-edges counted one by one,
// targets absorbing, vertices that cannot be forced), the FIFO ranks against the naive
// layered fixpoint on random graphs, the strategies of the base solve, and the builder's
// deadlock rule.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include <eqlab/algorithms/graph/attractor.hpp>
#include <eqlab/games/graph/turn_game.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/rng.hpp>

using namespace eqlab;

namespace {

constexpr GraphPlayer D = GraphPlayer::defender;
constexpr GraphPlayer A = GraphPlayer::attacker;

struct Arc {
  int from, to;
};

TurnGame make_game(const std::vector<GraphPlayer>& owners, const std::vector<Arc>& arcs,
                   const std::vector<int>& targets = {}) {
  TurnGameBuilder b("hand");
  for (std::size_t v = 0; v < owners.size(); ++v) {
    GraphVertexSpec spec;
    spec.name = "v" + std::to_string(v);
    spec.owner = owners[v];
    for (int t : targets) spec.target = spec.target || t == static_cast<int>(v);
    b.add_vertex(std::move(spec));
  }
  for (const Arc& a : arcs) b.add_edge(a.from, a.to);
  return std::move(b).build();
}

std::vector<std::uint8_t> mask_of(int n, const std::vector<int>& vertices) {
  std::vector<std::uint8_t> m(n, 0);
  for (int v : vertices) m[v] = 1;
  return m;
}

std::vector<int> successors(const TurnGame& g, int v) {
  std::vector<int> s;
  for (std::size_t e = g.out_begin(v); e < g.out_end(v); ++e) s.push_back(g.edge_target(e));
  return s;
}

// X_0 = T, X_{k+1} = X_k ∪ {u of p: some succ in X_k} ∪ {u of the opponent: ∅ ≠ succ ⊆ X_k};
// the rank of u is the first k with u ∈ X_k. Computed layer by layer from scratch.
std::vector<int> layered_ranks(const TurnGame& g, GraphPlayer p, const std::vector<std::uint8_t>& targets) {
  const int n = g.num_vertices();
  std::vector<int> rank(n, kNoRank);
  for (int v = 0; v < n; ++v)
    if (targets[v]) rank[v] = 0;
  for (int k = 0;; ++k) {
    std::vector<int> added;
    for (int u = 0; u < n; ++u) {
      if (rank[u] != kNoRank) continue;
      const std::vector<int> succ = successors(g, u);
      bool some = false, all = !succ.empty();
      for (int v : succ) {
        const bool in = rank[v] <= k;
        some = some || in;
        all = all && in;
      }
      if (g.owner(u) == p ? some : all) added.push_back(u);
    }
    if (added.empty()) return rank;
    for (int u : added) rank[u] = k + 1;
  }
}

// A random graph: mixed owners, 1-4 out-edges per vertex with repeats (multi-edges).
TurnGame random_game(RngStream& rng, int n, std::vector<std::uint8_t>& target_mask) {
  TurnGameBuilder b("random");
  target_mask.assign(n, 0);
  for (int v = 0; v < n; ++v) {
    GraphVertexSpec spec;
    spec.name = std::to_string(v);
    spec.owner = rng.below(2) ? A : D;
    spec.target = rng.below(5) == 0;
    target_mask[v] = spec.target;
    b.add_vertex(std::move(spec));
  }
  for (int v = 0; v < n; ++v) {
    const int degree = 1 + static_cast<int>(rng.below(4));
    for (int k = 0; k < degree; ++k) b.add_edge(v, static_cast<int>(rng.below(n)));
  }
  return std::move(b).build();
}

}  // namespace

TEST_CASE("graph solvers: attractor ranks on a hand-made graph, attacker's attractor") {
  // v0 target (its edge to v1 is ignored); v1 attacker -> v0, v3; v2 defender with two
  // edges to v1; v3 defender -> v1, v1, v4 (joins only once all three edges are ranked);
  // v4 attacker -> v3, v2; v5 attacker with a self-loop only (cannot reach v0).
  const TurnGame g = make_game({A, A, D, D, A, A},
                               {{0, 1}, {1, 0}, {1, 3}, {2, 1}, {2, 1}, {3, 1}, {3, 1}, {3, 4}, {4, 3}, {4, 2}, {5, 5}},
                               {0});
  REQUIRE(g.num_edges() == 11);
  CHECK(g.predecessors(1).size() == 5);  // v0 once, v2 twice, v3 twice
  const std::vector<int> rank = attractor_ranks(g, A, mask_of(6, {0}));
  CHECK(rank == std::vector<int>{0, 1, 2, 4, 3, kNoRank});
  CHECK(rank == layered_ranks(g, A, mask_of(6, {0})));

  // The defender's attractor to v0: v1 (attacker) keeps its escape to v3.
  CHECK(attractor_ranks(g, D, mask_of(6, {0})) == std::vector<int>{0, kNoRank, kNoRank, kNoRank, kNoRank, kNoRank});
  // The defender's attractor to v4: v3 moves there; the target v4's own edges do not count.
  CHECK(attractor_ranks(g, D, mask_of(6, {4})) == std::vector<int>{kNoRank, kNoRank, kNoRank, 1, 0, kNoRank});
  // No target: nothing joins. Every vertex a target: all rank 0.
  CHECK(attractor_ranks(g, A, mask_of(6, {})) == std::vector<int>(6, kNoRank));
  CHECK(attractor_ranks(g, A, mask_of(6, {0, 1, 2, 3, 4, 5})) == std::vector<int>(6, 0));
  // v5 as a second target: only v5 points to v5, so nothing else changes.
  CHECK(attractor_ranks(g, A, mask_of(6, {0, 5})) == std::vector<int>{0, 1, 2, 4, 3, 0});
}

TEST_CASE("graph solvers: attractor ranks on a hand-made graph, defender's attractor") {
  // v0 target (defender; its edge to v2 is ignored); v1 defender -> v0, v5; v2 attacker with
  // two edges to v1; v3 attacker -> v1, v1, v5 (two of its three edges ranked: never joins);
  // v4 defender -> v3, v2; v5 attacker -> v5, v4 (its self-loop keeps it out).
  const TurnGame g = make_game({D, D, A, A, D, A},
                               {{0, 2}, {1, 0}, {1, 5}, {2, 1}, {2, 1}, {3, 1}, {3, 1}, {3, 5}, {4, 3}, {4, 2}, {5, 5}, {5, 4}},
                               {0});
  const std::vector<int> rank = attractor_ranks(g, D, mask_of(6, {0}));
  CHECK(rank == std::vector<int>{0, 1, 2, kNoRank, 3, kNoRank});
  CHECK(rank == layered_ranks(g, D, mask_of(6, {0})));
  // The attacker's attractor to v0: v1 escapes to v5, so only the target itself.
  CHECK(attractor_ranks(g, A, mask_of(6, {0})) == std::vector<int>{0, kNoRank, kNoRank, kNoRank, kNoRank, kNoRank});
  // The attacker's attractor to v5: v3 moves there; v1 (defender -> v0, v5) escapes to v0,
  // so v2 (attacker -> v1, v1) stays out, and so does v4 (defender -> v3, v2).
  CHECK(attractor_ranks(g, A, mask_of(6, {5})) == std::vector<int>{kNoRank, kNoRank, kNoRank, 1, kNoRank, 0});
}

TEST_CASE("graph solvers: FIFO attractor ranks equal the layered fixpoint on 200 random graphs") {
  RngStream rng(20260512, 1);
  int graphs = 0, ranked = 0, unranked = 0;
  for (int i = 0; i < 200; ++i) {
    const int n = 2 + static_cast<int>(rng.below(11));
    std::vector<std::uint8_t> f;
    const TurnGame g = random_game(rng, n, f);
    for (GraphPlayer p : {A, D}) {
      // The game's targets and an independent random target mask.
      std::vector<std::uint8_t> other(n, 0);
      for (int v = 0; v < n; ++v) other[v] = rng.below(4) == 0;
      for (const std::vector<std::uint8_t>* t : {&f, &other}) {
        const std::vector<int> fifo = attractor_ranks(g, p, *t);
        INFO("graph " << i << ", n = " << n << ", player " << static_cast<int>(p));
        CHECK(fifo == layered_ranks(g, p, *t));
        for (int r : fifo) (r == kNoRank ? unranked : ranked) += 1;
      }
    }
    ++graphs;
  }
  CHECK(graphs == 200);
  // The sample is not degenerate: both outcomes occur often.
  CHECK(ranked > 500);
  CHECK(unranked > 500);
}

TEST_CASE("graph solvers: solve_reachability strategies and the closure of both regions") {
  RngStream rng(20260512, 2);
  int attacker_moves = 0, defender_moves = 0;
  for (int i = 0; i < 200; ++i) {
    const int n = 2 + static_cast<int>(rng.below(11));
    std::vector<std::uint8_t> f;
    const TurnGame g = random_game(rng, n, f);
    const ReachabilitySolution s = solve_reachability(g);
    INFO("graph " << i << ", n = " << n);
    CHECK(s.rank == attractor_ranks(g, A, f));
    REQUIRE(s.win2.size() == static_cast<std::size_t>(n));
    std::size_t size = 0;
    for (int v = 0; v < n; ++v) {
      CHECK(static_cast<bool>(s.win2[v]) == (s.rank[v] != kNoRank));
      size += s.win2[v];
    }
    CHECK(s.win2_size == size);
    for (int v = 0; v < n; ++v) {
      INFO("vertex " << v);
      const std::vector<int> succ = successors(g, v);
      if (s.win2[v]) {
        CHECK(s.defender_move[v] == -1);
        if (g.is_target(v)) {
          CHECK(s.rank[v] == 0);
          CHECK(s.attacker_move[v] == -1);
        } else if (g.owner(v) == A) {
          // The attacker's winning move decreases the rank.
          const long long e = s.attacker_move[v];
          REQUIRE(e >= static_cast<long long>(g.out_begin(v)));
          REQUIRE(e < static_cast<long long>(g.out_end(v)));
          CHECK(s.rank[g.edge_target(static_cast<std::size_t>(e))] < s.rank[v]);
          ++attacker_moves;
        } else {
          // A defender vertex of Win2 \ F cannot avoid the attractor: every successor ranks lower.
          CHECK(s.attacker_move[v] == -1);
          for (int t : succ) CHECK(s.rank[t] < s.rank[v]);
        }
      } else {
        CHECK(!g.is_target(v));
        CHECK(s.attacker_move[v] == -1);
        if (g.owner(v) == A) {
          // Win1 is closed under the attacker's moves: every successor stays outside Win2.
          CHECK(s.defender_move[v] == -1);
          for (int t : succ) CHECK(!s.win2[t]);
        } else {
          // The defender's safety move stays in Win1.
          const long long e = s.defender_move[v];
          REQUIRE(e >= static_cast<long long>(g.out_begin(v)));
          REQUIRE(e < static_cast<long long>(g.out_end(v)));
          CHECK(!s.win2[g.edge_target(static_cast<std::size_t>(e))]);
          ++defender_moves;
        }
      }
    }
  }
  CHECK(attacker_moves > 100);
  CHECK(defender_moves > 100);
}

TEST_CASE("graph solvers: the builder refuses deadlocks unless they become self-loops") {
  auto build = [](bool allow, bool sink_is_target) {
    TurnGameBuilder b("deadlock");
    GraphVertexSpec a;
    a.name = "a";
    a.owner = A;
    GraphVertexSpec sink;
    sink.name = "sink";
    sink.owner = D;
    sink.target = sink_is_target;
    b.add_vertex(a);
    b.add_vertex(sink);
    b.add_edge(0, 1);
    b.allow_deadlocks(allow);
    return std::move(b).build();
  };
  bool refused = false;
  try {
    build(false, false);
  } catch (const InputError& e) {
    refused = true;
    CHECK(e.pointer() == "/vertices/1");
    CHECK(std::string(e.what()).find("sink") != std::string::npos);
  }
  CHECK(refused);

  const TurnGame g = build(true, false);
  REQUIRE(g.out_end(1) - g.out_begin(1) == 1);
  CHECK(g.edge_target(g.out_begin(1)) == 1);
  // The self-loop is an ordinary edge: the attacker's attractor to nothing is empty, and
  // the sink as a target attracts a (its only edge goes there) for either player.
  CHECK(attractor_ranks(g, A, mask_of(2, {})) == std::vector<int>{kNoRank, kNoRank});
  CHECK(attractor_ranks(g, D, mask_of(2, {1})) == std::vector<int>{1, 0});
  CHECK(attractor_ranks(g, A, mask_of(2, {1})) == std::vector<int>{1, 0});

  // A target without out-edges is no deadlock: it gets a self-loop without the option.
  const TurnGame t = build(false, true);
  REQUIRE(t.out_end(1) - t.out_begin(1) == 1);
  CHECK(t.edge_target(t.out_begin(1)) == 1);
  CHECK(solve_reachability(t).rank == std::vector<int>{1, 0});
}

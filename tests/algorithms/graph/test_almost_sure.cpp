// Almost-sure reachability in one-and-a-half-player graphs
// (docs/algorithms/graph-decoys.md): a random node with one bad successor is lost while a
// choice that avoids it wins; the winning set against brute-force value iteration of the
// maximal reach probability on random small graphs; the level strategy reaches the goal.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include <eqlab/algorithms/graph/almost_sure.hpp>
#include <eqlab/lib/rng.hpp>

using namespace eqlab;

namespace {

using Kind = OneAndHalfGraph::Kind;

struct SmallGraph {
  std::vector<Kind> kind;
  std::vector<std::vector<int>> succ;  // one entry per edge (repeats allowed)
  std::vector<std::uint8_t> goal;
};

OneAndHalfGraph to_graph(const SmallGraph& s) {
  OneAndHalfGraph g;
  for (Kind k : s.kind) g.add_node(k);
  for (std::size_t u = 0; u < s.succ.size(); ++u)
    for (int v : s.succ[u]) g.add_edge(static_cast<int>(u), v);
  return g;
}

// The maximal probability of reaching the goal: P = 1 on the goal, 0 on other nodes without
// successors, the maximum over successors at a choice node and the uniform average over
// edges at a random node; value iteration from 0 (the least fixpoint). `converged` tells
// whether the last sweep changed no value by 1e-15 or more.
std::vector<double> max_reach_probability(const SmallGraph& s, bool& converged) {
  const std::size_t n = s.kind.size();
  std::vector<double> p(n, 0.0), next(n, 0.0);
  for (std::size_t u = 0; u < n; ++u) p[u] = s.goal[u] ? 1.0 : 0.0;
  converged = false;
  for (int it = 0; it < 20000 && !converged; ++it) {
    double change = 0.0;
    for (std::size_t u = 0; u < n; ++u) {
      if (s.goal[u] || s.succ[u].empty()) {
        next[u] = p[u];
        continue;
      }
      double v = 0.0;
      if (s.kind[u] == Kind::choice) {
        for (int w : s.succ[u]) v = std::max(v, p[w]);
      } else {
        for (int w : s.succ[u]) v += p[w];
        v /= static_cast<double>(s.succ[u].size());
      }
      next[u] = v;
      change = std::max(change, std::abs(v - p[u]));
    }
    p.swap(next);
    converged = change < 1e-15;
  }
  return p;
}

SmallGraph random_small_graph(RngStream& rng) {
  SmallGraph s;
  const int n = 3 + static_cast<int>(rng.below(8));  // 3..10 nodes
  s.kind.resize(n);
  s.succ.resize(n);
  s.goal.assign(n, 0);
  for (int u = 0; u < n; ++u) {
    s.kind[u] = rng.below(2) ? Kind::random : Kind::choice;
    s.goal[u] = rng.below(5) == 0;
    // 0..4 edges; a few sinks, some repeated successors.
    const int degree = static_cast<int>(rng.below(10) == 0 ? 0 : 1 + rng.below(4));
    for (int k = 0; k < degree; ++k) s.succ[u].push_back(static_cast<int>(rng.below(n)));
  }
  return s;
}

}  // namespace

TEST_CASE("graph solvers: almost-sure reach, a random node with a bad successor loses, a choice avoiding it wins") {
  // 0 goal; 1 a non-goal sink (bad); 2 random -> {0, 1}; 3 choice -> {2, 4};
  // 4 random -> {0, 3} (retries until it hits the goal); 5 choice -> {2} only.
  SmallGraph s{{Kind::choice, Kind::choice, Kind::random, Kind::choice, Kind::random, Kind::choice},
               {{}, {}, {0, 1}, {2, 4}, {0, 3}, {2}},
               {1, 0, 0, 0, 0, 0}};
  OneAndHalfGraph g = to_graph(s);
  std::vector<int> level;
  const std::vector<std::uint8_t> w = almost_sure_reach(g, s.goal, &level);
  CHECK(w == std::vector<std::uint8_t>{1, 0, 0, 1, 1, 0});
  CHECK(level == std::vector<int>{0, kNoLevel, kNoLevel, 2, 1, kNoLevel});
  bool converged = false;
  const std::vector<double> p = max_reach_probability(s, converged);
  CHECK(converged);
  CHECK(p[2] == doctest::Approx(0.5));
  CHECK(p[3] == doctest::Approx(1.0));
  CHECK(p[5] == doctest::Approx(0.5));

  // The bad sink with a self-loop instead: the same. A second call on the same graph
  // (finish() runs again) gives the same answer.
  OneAndHalfGraph h = to_graph(s);
  h.add_edge(1, 1);
  CHECK(almost_sure_reach(h, s.goal) == w);
  CHECK(almost_sure_reach(h, s.goal) == w);

  // Turning 2 into a choice node saves it (and 5 through it).
  s.kind[2] = Kind::choice;
  OneAndHalfGraph c = to_graph(s);
  CHECK(almost_sure_reach(c, s.goal) == std::vector<std::uint8_t>{1, 0, 1, 1, 1, 1});

  // A random node whose successors all win, but one only through a loop back: 0 goal,
  // 1 random -> {0, 2}, 2 random -> {1, 3}, 3 choice without successors. 2 may fall into 3
  // with probability 1/2 each visit, so neither 1 nor 2 wins.
  SmallGraph t{{Kind::choice, Kind::random, Kind::random, Kind::choice}, {{}, {0, 2}, {1, 3}, {}}, {1, 0, 0, 0}};
  OneAndHalfGraph tg = to_graph(t);
  CHECK(almost_sure_reach(tg, t.goal) == std::vector<std::uint8_t>{1, 0, 0, 0});
  // No goal at all: nothing wins.
  t.goal.assign(4, 0);
  OneAndHalfGraph none = to_graph(t);
  CHECK(almost_sure_reach(none, t.goal) == std::vector<std::uint8_t>(4, 0));
}

TEST_CASE("graph solvers: almost-sure reach agrees with value iteration on 200 random graphs") {
  RngStream rng(20260512, 3);
  int winning = 0, losing = 0, fractional = 0;
  for (int i = 0; i < 200; ++i) {
    const SmallGraph s = random_small_graph(rng);
    const int n = static_cast<int>(s.kind.size());
    OneAndHalfGraph g = to_graph(s);
    std::vector<int> level;
    const std::vector<std::uint8_t> w = almost_sure_reach(g, s.goal, &level);
    bool converged = false;
    const std::vector<double> p = max_reach_probability(s, converged);
    INFO("graph " << i << ", n = " << n);
    CHECK(converged);
    REQUIRE(w.size() == static_cast<std::size_t>(n));
    REQUIRE(level.size() == static_cast<std::size_t>(n));
    for (int u = 0; u < n; ++u) {
      INFO("node " << u << ", P = " << p[u]);
      CHECK(static_cast<bool>(w[u]) == (p[u] > 1.0 - 1e-9));
      (w[u] ? winning : losing) += 1;
      fractional += p[u] > 1e-9 && p[u] < 1.0 - 1e-9;
    }

    // The level strategy: on W, a goal has level 0; a choice node moves to its min-level
    // successor, which is in W with a smaller level; a random node has every successor in
    // W and one of a smaller level. So every play under the strategy stays in W and
    // reaches the goal with probability 1.
    for (int u = 0; u < n; ++u) {
      INFO("node " << u);
      if (!w[u]) {
        CHECK(level[u] == kNoLevel);
        continue;
      }
      REQUIRE(level[u] != kNoLevel);
      if (s.goal[u]) {
        CHECK(level[u] == 0);
        continue;
      }
      CHECK(level[u] > 0);
      REQUIRE(!s.succ[u].empty());
      int best = kNoLevel;
      for (int v : s.succ[u]) best = std::min(best, level[v]);
      CHECK(best < level[u]);
      if (s.kind[u] == Kind::random)
        for (int v : s.succ[u]) CHECK(w[v]);
    }
    // Simulated plays from every node of W under the level strategy.
    for (int start = 0; start < n; ++start) {
      if (!w[start]) continue;
      int u = start, steps = 0;
      while (!s.goal[u] && steps < 10000) {
        if (s.kind[u] == Kind::choice) {
          int next = s.succ[u].front();
          for (int v : s.succ[u])
            if (level[v] < level[next]) next = v;
          u = next;
        } else {
          u = s.succ[u][rng.below(s.succ[u].size())];
        }
        CHECK(w[u]);
        ++steps;
      }
      CHECK(s.goal[u]);
    }
  }
  // The sample exercises all three cases.
  CHECK(winning > 200);
  CHECK(losing > 200);
  CHECK(fractional > 50);
}

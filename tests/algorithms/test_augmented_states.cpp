// The augmented states (x, σ) of K-EFCE: counts without building against the states
// built, against an enumeration of deviation-depth subsets (docs/algorithms/kefce.md,
// "Count"), and the links between parents and children.
#include <doctest/doctest.h>

#include <algorithm>
#include <bit>
#include <set>
#include <utility>
#include <vector>

#include <eqlab/lib/augmented_states.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/lib/error.hpp>

using namespace eqlab;

namespace {

// A treeplex from each infoset's parent sequence and action count (infosets listed
// top-down, parents first).
Treeplex make_treeplex(const std::vector<int>& parent_seq, const std::vector<int>& num_actions) {
  Treeplex tp;
  tp.seq_infoset.push_back(-1);
  tp.action_labels.emplace_back();
  for (std::size_t x = 0; x < parent_seq.size(); ++x) {
    tp.parent_seq.push_back(parent_seq[x]);
    tp.num_actions.push_back(num_actions[x]);
    tp.first_seq.push_back(tp.num_sequences());
    tp.infoset_labels.push_back("x" + std::to_string(x));
    for (int a = 0; a < num_actions[x]; ++a) {
      tp.seq_infoset.push_back(static_cast<int>(x));
      tp.action_labels.push_back("a" + std::to_string(a));
    }
  }
  return tp;
}

// The state count straight from its definition: for every infoset, every set P of at most K
// deviation depths on its own path contributes Π_{g∈P} (|A(x_g)| − 1) histories. Subsets
// are enumerated as bit masks over the path, independently of the class's recurrence.
std::uint64_t subset_count(const Treeplex& tp, int k) {
  std::uint64_t total = 0;
  for (int x = 0; x < tp.num_infosets(); ++x) {
    std::vector<int> path_actions;  // |A| of the own path's infosets, top-down
    for (int s = tp.parent_seq[x]; s != 0; s = tp.parent_seq[tp.seq_infoset[s]])
      path_actions.push_back(tp.num_actions[tp.seq_infoset[s]]);
    const int h = static_cast<int>(path_actions.size());
    for (std::uint64_t mask = 0; mask < (std::uint64_t{1} << h); ++mask) {
      if (std::popcount(mask) > k) continue;
      std::uint64_t product = 1;
      for (int g = 0; g < h; ++g)
        if (mask >> g & 1) product *= static_cast<std::uint64_t>(path_actions[g] - 1);
      total += product;
    }
  }
  return total;
}

}  // namespace

TEST_CASE("augmented states: the 42-infoset example of §3.3 has 114 states at K = 1 and 146 at K >= 2") {
  // Two roots, each action of a root leads to two infosets (8 at depth 2), each action of
  // those to two more (32 at depth 3): 42 infosets, 2 actions everywhere, H = 3.
  std::vector<int> parent_seq = {0, 0};
  for (int root = 0; root < 2; ++root)
    for (int a = 0; a < 2; ++a)
      for (int c = 0; c < 2; ++c) parent_seq.push_back(1 + 2 * root + a);
  for (int mid = 2; mid < 10; ++mid)
    for (int a = 0; a < 2; ++a)
      for (int c = 0; c < 2; ++c) parent_seq.push_back(1 + 2 * mid + a);
  const Treeplex tp = make_treeplex(parent_seq, std::vector<int>(42, 2));
  REQUIRE(tp.num_infosets() == 42);

  const AugmentedStateCount k0 = AugmentedStates::count(tp, 0);
  CHECK(k0.total == 42);
  CHECK(k0.observing == 0);
  CHECK(k0.blind == 42);
  const AugmentedStateCount k1 = AugmentedStates::count(tp, 1);
  CHECK(k1.total == 114);
  CHECK(k1.observing == 42);
  CHECK(k1.blind == 72);  // Σ_x (d(x) − 1): 8·1 + 32·2
  CHECK(k1.statistics == 42 * 4 + 72 * 2);
  for (int k : {2, 3, 7}) {
    const AugmentedStateCount c = AugmentedStates::count(tp, k);
    CHECK(c.total == 146);
    CHECK(c.observing == (k == 2 ? 146 - 32 : 146));  // depth-3 states with 2 deviations are blind at K = 2
  }
  const AugmentedStates built(tp, 1);
  CHECK(built.num_states() == 114);
  CHECK(built.num_observing() == 42);
  CHECK(built.max_depth() == 3);
}

TEST_CASE("augmented states: counts without building equal the states built and the subset formula") {
  for (const char* spec : {"kuhn", "kuhn(players=3)", "leduc", "sheriff",
                           "random(players=2,depth=5,branching=3,chance=0.2,zero_sum=false,seed=3)"}) {
    const CompiledGame g = compile(make_builtin(spec));
    for (int p = 0; p < g.num_players(); ++p) {
      const Treeplex& tp = g.treeplex[p];
      for (int k = 0; k <= 3; ++k) {
        CAPTURE(spec);
        CAPTURE(p);
        CAPTURE(k);
        const AugmentedStateCount c = AugmentedStates::count(tp, k);
        CHECK(c.total == subset_count(tp, k));
        CHECK(c.total == c.observing + c.blind);
        const AugmentedStates s(tp, k);
        CHECK(static_cast<std::uint64_t>(s.num_states()) == c.total);
        CHECK(static_cast<std::uint64_t>(s.num_observing()) == c.observing);
        std::uint64_t statistics = 0;
        for (int st = 0; st < s.num_states(); ++st) {
          const std::uint64_t a = static_cast<std::uint64_t>(tp.num_actions[s.infoset(st)]);
          statistics += s.observing(st) ? a * a : a;
        }
        CHECK(statistics == c.statistics);
      }
      // K = 0: one blind state per infoset.
      CHECK(AugmentedStates::count(tp, 0).total == static_cast<std::uint64_t>(tp.num_infosets()));
    }
  }
}

TEST_CASE("augmented states: Kuhn's four-infoset treeplex, K = 1, state by state") {
  // Kuhn's first player: the root infosets (card, first move) have 2 actions; after
  // checking she may face a bet (depth 2). Each depth-2 infoset has two states: followed
  // (σ = ()) and deviated at depth 1 with the other recommendation.
  const CompiledGame g = compile(make_builtin("kuhn"));
  const Treeplex& tp = g.treeplex[0];
  const AugmentedStates s(tp, 1);
  int depth_two = 0;
  for (int x = 0; x < tp.num_infosets(); ++x) {
    if (s.depth(x) == 1) {
      CHECK(s.num_states_at(x) == 1);
      CHECK(s.observing(s.first_state(x)));
    } else {
      ++depth_two;
      REQUIRE(s.num_states_at(x) == 2);
      const int first = s.first_state(x);
      CHECK(s.history(first).empty());
      CHECK(s.observing(first));
      CHECK_FALSE(s.observing(first + 1));
      const int played = tp.parent_seq[x] - tp.first_seq[s.infoset(s.parent(first))];
      CHECK(s.history(first + 1) == std::vector<std::pair<int, int>>{{1, 1 - played}});
    }
  }
  CHECK(depth_two == 3);
  CHECK(s.num_states() == 9);
  CHECK(s.num_blind() == 3);
}

TEST_CASE("augmented states: children link back to their parent with the right history") {
  for (const char* spec : {"leduc", "random(players=2,depth=5,branching=3,chance=0.2,zero_sum=false,seed=3)"}) {
    const CompiledGame g = compile(make_builtin(spec));
    const Treeplex& tp = g.treeplex[0];
    for (int k : {1, 2, 3}) {
      CAPTURE(spec);
      CAPTURE(k);
      const AugmentedStates s(tp, k);
      int checked = 0;
      bool all_good = true;
      for (int st = 0; st < s.num_states(); ++st) {
        const int x = s.infoset(st);
        // Histories are distinct at each infoset, sorted by depth, and at most K long.
        const auto sigma = s.history(st);
        all_good &= static_cast<int>(sigma.size()) == s.deviations(st) && s.deviations(st) <= k;
        all_good &= s.parent(st) < st;
        for (int a = 0; a < tp.num_actions[x]; ++a) {
          for (int child_x : s.child_infosets(tp.first_seq[x] + a)) {
            all_good &= tp.parent_seq[child_x] == tp.first_seq[x] + a;
            const int rows = s.observing(st) ? tp.num_actions[x] : 1;
            for (int r = 0; r < rows; ++r) {
              const int local = s.observing(st) ? s.child_local(st, r, a) : s.child_local(st);
              REQUIRE(local < s.num_states_at(child_x));
              const int child = s.first_state(child_x) + local;
              auto expected = sigma;
              if (s.observing(st) && r != a) expected.emplace_back(s.depth(x), r);
              all_good &= s.parent(child) == st;
              all_good &= s.recommendation(child) == (s.observing(st) ? r : -1);
              all_good &= s.history(child) == expected;
              ++checked;
            }
          }
        }
      }
      CHECK(all_good);
      // Every state but the roots' is the child of exactly one (parent, child infoset, r).
      CHECK(checked == s.num_states() - static_cast<int>(s.child_infosets(0).size()));
      for (int x = 0; x < tp.num_infosets(); ++x) {
        std::set<std::vector<std::pair<int, int>>> distinct;
        for (int st = s.first_state(x); st < s.first_state(x + 1); ++st) distinct.insert(s.history(st));
        CHECK(static_cast<int>(distinct.size()) == s.num_states_at(x));
      }
    }
  }
}

TEST_CASE("augmented states: the budget refuses before building") {
  const CompiledGame g = compile(make_builtin("leduc"));
  const Treeplex& tp = g.treeplex[0];
  const AugmentedStateCount c = AugmentedStates::count(tp, 2);
  CHECK_THROWS_AS(AugmentedStates(tp, 2, c.total - 1), UsageError);
  CHECK(AugmentedStates(tp, 2, c.total).num_states() == static_cast<int>(c.total));
  CHECK_THROWS_AS(AugmentedStates::count(tp, -1), UsageError);
  CHECK(c.bytes() > c.statistics * sizeof(double));
}

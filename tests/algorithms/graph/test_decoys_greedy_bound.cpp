// Greedy decoy placement against the exhaustive optimum with a budget of two decoys on the
// 100 published random graphs (specs/hypergame-decoys.md §4.2, §3.2): wherever the
// instance is checked monotone and submodular on pairs (with a budget of two, the check
// the bound needs), greedy reaches at least 1 - 1/e of the optimum; the worst ratio over
// all instances is recorded, submodular or not.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include <eqlab/algorithms/graph/submodularity.hpp>
#include <eqlab/games/graph/reference_model.hpp>

using namespace eqlab;
namespace fs = std::filesystem;

namespace {

struct Variant {
  DeceptionRegion region;
  DecoyPick::Kind kind;
  std::string name;
};

void check_greedy_bound(const Variant& v, DeceptionMode mode) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(EQLAB_TEST_DATA) / "decoys" / "random-graphs"))
    files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() == 101);
  {
    int instances = 0, checked = 0, optimal = 0;
    double worst = 1.0, worst_checked = 1.0;
    std::string worst_game;
    for (const fs::path& file : files) {
      const TurnGame g = load_reference_model(file.string());
      const DeceptionEvaluator eval(g, mode);
      const int fakes = v.kind == DecoyPick::Kind::fake ? 2 : 0, traps = 2 - fakes;
      const PlacementResult greedy = greedy_placement(eval, v.region, fakes, traps);
      const PlacementResult best = exhaustive_placement(eval, v.region, fakes, traps);
      if (best.region_size == 0) continue;
      ++instances;
      CHECK(greedy.region_size <= best.region_size);
      const double ratio = static_cast<double>(greedy.region_size) / static_cast<double>(best.region_size);
      if (ratio < worst) {
        worst = ratio;
        worst_game = file.stem().string();
      }
      optimal += greedy.region_size == best.region_size;
      // Where greedy is optimal the bound holds anyway; elsewhere it must hold wherever
      // the instance is checked submodular.
      if (greedy.region_size < best.region_size && pairwise_check(eval, v.region, v.kind).holds()) {
        ++checked;
        worst_checked = std::min(worst_checked, ratio);
        CHECK_MESSAGE(ratio >= kGreedyBound, file.stem().string() << " " << v.name << ": " << ratio);
      }
    }
    MESSAGE(v.name << ": " << instances << " instances, greedy optimal on " << optimal << "; of the others "
                   << checked << " checked submodular (worst ratio there " << worst_checked << "); worst ratio overall "
                   << worst << " (" << worst_game << ")");
    CHECK(instances >= 95);
    CHECK(worst > 0.0);
  }
}

}  // namespace

// Reference mode, so that the counts can be compared with the specification's own
// re-implementation (§4.2: on 20 of these games greedy is optimal for DSWin traps 20
// times, DSWin fakes 18, DASWin 17).
TEST_CASE("decoys greedy bound: budget 2 on the 100 published random graphs, DSWin traps") {
  check_greedy_bound({DeceptionRegion::sure, DecoyPick::Kind::trap, "dswin traps"}, DeceptionMode::reference);
}

TEST_CASE("decoys greedy bound: budget 2 on the 100 published random graphs, DSWin fakes") {
  check_greedy_bound({DeceptionRegion::sure, DecoyPick::Kind::fake, "dswin fakes"}, DeceptionMode::reference);
}

TEST_CASE("decoys greedy bound: budget 2 on the 100 published random graphs, DASWin") {
  check_greedy_bound({DeceptionRegion::almost_sure, DecoyPick::Kind::trap, "daswin"}, DeceptionMode::reference);
}

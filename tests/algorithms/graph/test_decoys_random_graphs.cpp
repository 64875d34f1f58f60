// The random-graph experiment of the decoy-placement paper
// (docs/algorithms/graph-decoys.md): the 100 published 150-vertex games, greedy placement
// of 5 decoys (all fakes or all traps) under DSWin and DASWin in reference mode, against
// the published traces of the value of deception after each pick.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/graph/decoy_placement.hpp>
#include <eqlab/games/graph/reference_model.hpp>

using namespace eqlab;
namespace fs = std::filesystem;

namespace {

const fs::path kData = fs::path(EQLAB_TEST_DATA) / "decoys";

}  // namespace

TEST_CASE("decoys random graphs: greedy traces match the published ones (400 runs, one documented tie)") {
  std::ifstream in(kData / "reference-greedy-results.json");
  const nlohmann::json reference = nlohmann::json::parse(in)["best_decoys"];
  int runs = 0, matching = 0;
  std::vector<std::string> mismatches;
  for (const auto& [seed, modes] : reference.items()) {
    const TurnGame g = load_reference_model((kData / "random-graphs" / ("game" + seed + ".model")).string());
    const DeceptionEvaluator eval(g, DeceptionMode::reference);
    for (const auto& [mode, trace] : modes.items()) {
      const DeceptionRegion region = mode.rfind("dswin", 0) == 0 ? DeceptionRegion::sure : DeceptionRegion::almost_sure;
      const bool fakes = mode.find("fakes") != std::string::npos;
      const PlacementResult result = greedy_placement(eval, region, fakes ? 5 : 0, fakes ? 0 : 5);
      ++runs;
      bool same = result.picks.size() == trace.size();
      for (std::size_t k = 0; same && k < result.picks.size(); ++k)
        same = std::abs(result.picks[k].value - trace[std::to_string(k + 1)][1].get<double>()) < 1e-9;
      if (same) ++matching;
      else mismatches.push_back(seed + " " + mode);
    }
  }
  CHECK(runs == 400);
  // The one documented difference: in game 1020 the first fake is a tie between ids 99
  // and 129, which the published run broke by Python's set order.
  CHECK(matching == 399);
  REQUIRE(mismatches.size() == 1);
  CHECK(mismatches[0] == "1020 dswin, fakes");
}

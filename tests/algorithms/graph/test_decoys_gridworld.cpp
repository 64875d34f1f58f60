// The cat-and-mouse gridworld of the decoy-placement experiments
// (docs/algorithms/graph-decoys.md): its size, the published greedy picks and
// per-candidate scores in reference mode, and the exhaustive optima.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/graph/decoy_placement.hpp>
#include <eqlab/games/graph/gridworld.hpp>

using namespace eqlab;

namespace {

int site_named(const TurnGame& g, const std::string& name) {
  for (int s = 0; s < static_cast<int>(g.sites().size()); ++s)
    if (g.sites()[s].name == name) return s;
  FAIL("no site " << name);
  return -1;
}

std::string site_text(const TurnGame& g, int s) { return g.sites()[s].name; }

}  // namespace

TEST_CASE("decoys gridworld: the 7 x 7 instance has the published size and attacker region") {
  const TurnGame g = make_gridworld({});
  CHECK(g.num_vertices() == 4050);
  CHECK(g.num_edges() == 16200);
  CHECK(g.targets().size() == 180);
  CHECK(g.sites().size() == 43);
  for (const DecoySite& s : g.sites()) CHECK(s.vertices.size() == 90);
  const DeceptionEvaluator eval(g, DeceptionMode::reference);
  CHECK(eval.base().win2_size == 2493);
  CHECK(eval.denominator() == 2313);
}

TEST_CASE("decoys gridworld: reference DSWin greedy picks and values") {
  const TurnGame g = make_gridworld({});
  const DeceptionEvaluator eval(g, DeceptionMode::reference);
  const PlacementResult two_fakes = greedy_placement(eval, DeceptionRegion::sure, 2, 0);
  REQUIRE(two_fakes.picks.size() == 2);
  CHECK(site_text(g, two_fakes.picks[0].site) == "(3,3)");
  CHECK(two_fakes.picks[0].region_size == 1126);
  CHECK(two_fakes.picks[0].value == doctest::Approx(0.48681).epsilon(1e-4));
  CHECK(site_text(g, two_fakes.picks[1].site) == "(4,5)");
  CHECK(two_fakes.picks[1].region_size == 1521);

  const PlacementResult mixed = greedy_placement(eval, DeceptionRegion::sure, 1, 1);
  REQUIRE(mixed.picks.size() == 2);
  CHECK(site_text(g, mixed.picks[0].site) == "(3,3)");
  CHECK(mixed.picks[1].kind == DecoyPick::Kind::trap);
  CHECK(site_text(g, mixed.picks[1].site) == "(5,6)");
  CHECK(mixed.picks[1].region_size == 1309);

  const PlacementResult two_traps = greedy_placement(eval, DeceptionRegion::sure, 0, 2);
  REQUIRE(two_traps.picks.size() == 2);
  CHECK(site_text(g, two_traps.picks[0].site) == "(1,5)");
  CHECK(two_traps.picks[0].region_size == 647);
  CHECK(site_text(g, two_traps.picks[1].site) == "(5,5)");
  CHECK(two_traps.picks[1].region_size == 1156);

  // Spot values of a single fake.
  CHECK(eval.region_size(DeceptionRegion::sure, {{}, {site_named(g, "(4,0)")}}) == 426);
  CHECK(eval.region_size(DeceptionRegion::sure, {{}, {site_named(g, "(3,4)")}}) == 873);
  CHECK(eval.region_size(DeceptionRegion::sure, {{}, {site_named(g, "(4,3)")}}) == 839);
}

TEST_CASE("decoys gridworld: reference DSWin exhaustive optima") {
  const TurnGame g = make_gridworld({});
  const DeceptionEvaluator eval(g, DeceptionMode::reference);
  const PlacementResult fakes = exhaustive_placement(eval, DeceptionRegion::sure, 2, 0);
  CHECK(fakes.region_size == 1881);
  CHECK(fakes.evaluations == 903);
  const PlacementResult mixed = exhaustive_placement(eval, DeceptionRegion::sure, 1, 1);
  CHECK(mixed.region_size == 1729);
  const PlacementResult traps = exhaustive_placement(eval, DeceptionRegion::sure, 0, 2);
  CHECK(traps.region_size == 1156);
}

TEST_CASE("decoys gridworld: reference DASWin greedy values") {
  const TurnGame g = make_gridworld({});
  const DeceptionEvaluator eval(g, DeceptionMode::reference);
  const PlacementResult fakes = greedy_placement(eval, DeceptionRegion::almost_sure, 2, 0);
  REQUIRE(fakes.picks.size() == 2);
  CHECK(fakes.picks[0].region_size == 415);
  CHECK(fakes.picks[1].region_size == 799);
  const PlacementResult mixed = greedy_placement(eval, DeceptionRegion::almost_sure, 1, 1);
  REQUIRE(mixed.picks.size() == 2);
  CHECK(mixed.picks[0].region_size == 415);
  CHECK(mixed.picks[1].region_size == 827);
  const PlacementResult traps = greedy_placement(eval, DeceptionRegion::almost_sure, 0, 2);
  REQUIRE(traps.picks.size() == 2);
  CHECK(site_text(g, traps.picks[0].site) == "(1,5)");
  CHECK(traps.picks[0].region_size == 461);
  CHECK(traps.picks[1].region_size == 874);
}

TEST_CASE("decoys gridworld: clean mode values") {
  const TurnGame g = make_gridworld({});
  const DeceptionEvaluator eval(g, DeceptionMode::clean);
  const PlacementResult fakes = greedy_placement(eval, DeceptionRegion::sure, 2, 0);
  REQUIRE(fakes.picks.size() == 2);
  CHECK(fakes.picks[0].value == doctest::Approx(0.50540).epsilon(1e-4));
  CHECK(fakes.picks[1].value == doctest::Approx(0.67704).epsilon(1e-4));
  const PlacementResult mixed = greedy_placement(eval, DeceptionRegion::sure, 1, 1);
  REQUIRE(mixed.picks.size() == 2);
  CHECK(mixed.picks[1].value == doctest::Approx(0.58452).epsilon(1e-4));
  CHECK(site_text(g, mixed.picks[1].site) == "(5,6)");
  const PlacementResult das = greedy_placement(eval, DeceptionRegion::almost_sure, 2, 0);
  REQUIRE(das.picks.size() == 2);
  CHECK(das.picks[0].value == doctest::Approx(0.19671).epsilon(1e-4));
  CHECK(das.picks[1].value == doctest::Approx(0.37138).epsilon(1e-4));
}

TEST_CASE("decoys gridworld: all 255 published per-candidate DSWin scores, reference mode") {
  const TurnGame g = make_gridworld({});
  const DeceptionEvaluator eval(g, DeceptionMode::reference);
  auto cells = [&](const nlohmann::json& set) {
    std::vector<int> sites;
    for (const nlohmann::json& cell : set["__value__"]) {
      const auto& rc = cell["__value__"];
      sites.push_back(site_named(g, cell_site_name(rc[0].get<int>(), rc[1].get<int>())));
    }
    return sites;
  };
  int scores = 0;
  for (const char* file : {"dswin_f2t0_data.json", "dswin_f1t1_data.json", "dswin_f0t2_data.json"}) {
    std::ifstream in(std::string(EQLAB_TEST_DATA) + "/decoys/gridworld/" + file);
    const nlohmann::json data = nlohmann::json::parse(in);
    for (const auto& [step, candidates] : data.items())
      for (const nlohmann::json& c : candidates) {
        const DecoySets decoys{cells(c["traps"]), cells(c["fakes"])};
        INFO(file << " step " << step << ": " << c.dump());
        CHECK(eval.value(DeceptionRegion::sure, decoys) == doctest::Approx(c["vod"].get<double>()).epsilon(1e-12));
        ++scores;
      }
  }
  CHECK(scores == 255);
}

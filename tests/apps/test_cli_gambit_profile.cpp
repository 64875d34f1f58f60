// eqlab solve --out-profile: the output profile as one line in Gambit's order, checked
// against the .efg that `eqlab convert --to efg` writes for the same game (each player's
// information sets in the order they first appear in the file, which is the depth-first
// order Gambit numbers them in) and against the result file's strategies.
#include <doctest/doctest.h>

#ifdef EQLAB_HAVE_CLI

#include <algorithm>
#include <iomanip>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/run_cli.hpp"

namespace fs = std::filesystem;

using eqlab::test::contains;
using eqlab::test::read_text;
using eqlab::test::Run;
using eqlab::test::run_eqlab;

namespace {

// Per player (1-based in the file), its information sets' names in the order they first
// appear in a .efg file, and each set's action names.
struct EfgInfosets {
  std::map<int, std::vector<std::string>> order;
  std::map<std::string, std::vector<std::string>> actions;
};

std::vector<std::string> quoted_strings(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t at = text.find('"'); at != std::string::npos; at = text.find('"', at + 1)) {
    const std::size_t end = text.find('"', at + 1);
    out.push_back(text.substr(at + 1, end - at - 1));
    at = end;
  }
  return out;
}

EfgInfosets read_efg_infosets(const std::string& efg) {
  EfgInfosets out;
  std::set<std::pair<int, int>> seen;
  std::istringstream in(efg);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("p ", 0) != 0) continue;
    std::istringstream words(line.substr(2));
    std::string name;
    int player = 0, number = 0;
    words >> std::quoted(name) >> player >> number;
    // The first appearance of a set names it and its actions; later ones give its number only.
    if (!seen.insert({player, number}).second) continue;
    const std::vector<std::string> strings = quoted_strings(line);  // node name, set name, actions...
    REQUIRE(strings.size() >= 3);
    out.order[player].push_back(strings[1]);
    out.actions[std::to_string(player) + "/" + strings[1]] = std::vector<std::string>(strings.begin() + 2, strings.end());
  }
  return out;
}

std::vector<double> numbers(const std::string& line) {
  std::vector<double> out;
  std::istringstream in(line);
  std::string cell;
  while (std::getline(in, cell, ',')) out.push_back(std::stod(cell));
  return out;
}

}  // namespace

TEST_CASE("cli gambit profile: solve --out-profile writes the strategies in the order of the converted .efg") {
  const fs::path dir = eqlab::test::scratch("gambit-profile");
  for (const std::string game : {"kuhn", "leduc", "'kuhn(players=3)'"}) {
    INFO("game ", game);
    const Run solve = run_eqlab("solve " + game + " --iterations 200 --no-progress --out r.json --out-profile p.txt", dir);
    REQUIRE_MESSAGE(solve.code == 0, solve.err);
    CHECK(contains(solve.out, "p.txt"));
    const Run convert = run_eqlab("convert " + game + " --to efg", dir);
    REQUIRE(convert.code == 0);
    const EfgInfosets efg = read_efg_infosets(convert.out);
    const nlohmann::json strategies = nlohmann::json::parse(read_text(dir / "r.json"))["strategies"];
    std::vector<double> expected;
    for (const auto& [player, sets] : efg.order)
      for (const std::string& set : sets)
        for (const std::string& action : efg.actions.at(std::to_string(player) + "/" + set))
          expected.push_back(strategies.at(player - 1).at(set).at(action).get<double>());
    const std::string line = read_text(dir / "p.txt");
    CHECK(line.back() == '\n');
    CHECK(std::count(line.begin(), line.end(), '\n') == 1);
    CHECK(numbers(line) == expected);
  }
  // The same game read from its .efg gives the same line.
  REQUIRE(run_eqlab("convert leduc --to efg --out leduc.efg", dir).code == 0);
  REQUIRE(run_eqlab("solve leduc --iterations 50 --no-progress --out-profile a.txt", dir).code == 0);
  REQUIRE(run_eqlab("solve leduc.efg --iterations 50 --no-progress --out-profile b.txt", dir).code == 0);
  CHECK(read_text(dir / "a.txt") == read_text(dir / "b.txt"));
  // Standard output, and the refusals.
  const Run out = run_eqlab("solve kuhn --iterations 10 --no-progress --out-profile -", dir);
  CHECK(out.code == 0);
  CHECK(numbers(out.out).size() == 24);
  const Run correlated = run_eqlab("solve kuhn --solver efce-omd --iterations 10 --out-profile x.txt", dir);
  CHECK(correlated.code == 2);
  CHECK(contains(correlated.err, "efce-omd learns a correlated equilibrium, a mixture of profiles: write it with --distribution"));
  const Run markov = run_eqlab("solve markov-cycle --episodes 10 --out-profile x.txt", dir);
  CHECK(markov.code == 2);
  CHECK(contains(markov.err, "--out-profile are for extensive-form and normal-form games"));
  CHECK_FALSE(fs::exists(dir / "x.txt"));
}

#endif

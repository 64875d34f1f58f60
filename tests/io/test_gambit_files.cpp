// Every Gambit example file: the README's table says which have perfect recall and gives
// their sizes; the reader must agree on all of it.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/lib/error.hpp>

#include "io/test_gambit_util.hpp"

using namespace eqlab;
using namespace eqlab::test;

namespace {

std::vector<int> infosets_per_player(const GameTree& tree) {
  std::vector<int> count(tree.num_players(), 0);
  for (const Infoset& info : tree.infosets) ++count[info.player];
  return count;
}

std::set<std::string> game_files_under(const std::string& folder) {
  std::set<std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kGambitData + "/" + folder)) {
    const std::string path = entry.path().string();
    if (ends_with(path, ".efg") || ends_with(path, ".nfg")) out.insert(path.substr(kGambitData.size() + 1));
  }
  return out;
}

// The label inside `infoset "LABEL" of player` in an imperfect-recall message.
std::string named_infoset(const std::string& message) {
  const std::string key = "infoset \"";
  const auto start = message.find(key);
  if (start == std::string::npos) return {};
  const auto end = message.find("\" of player", start + key.size());
  if (end == std::string::npos) return {};
  return message.substr(start + key.size(), end - start - key.size());
}

}  // namespace

TEST_CASE("the README table covers every copied Gambit file") {
  const std::vector<GambitRow> rows = gambit_table();
  std::set<std::string> listed;
  for (const GambitRow& r : rows) listed.insert(r.file);
  std::set<std::string> present;
  for (const char* folder : {"catalog", "contrib", "doc", "test_games"})
    for (const std::string& f : game_files_under(folder)) present.insert(f);
  CHECK(listed.size() == rows.size());  // no file listed twice
  CHECK(listed == present);
  CHECK(rows.size() == 226);
  const auto imperfect = std::count_if(rows.begin(), rows.end(), [](const GambitRow& r) { return !r.perfect_recall; });
  CHECK(imperfect == 26);
}

TEST_CASE("every Gambit file with perfect recall loads with the sizes in the README and compiles") {
  int checked = 0;
  for (const GambitRow& row : gambit_table()) {
    if (!row.perfect_recall) continue;
    INFO(row.file);
    LoadedGame game;
    REQUIRE_NOTHROW(game = load_gambit(row.file));
    CHECK(game.tree.finalized());
    CHECK(game.tree.num_players() == row.players);
    if (ends_with(row.file, ".efg")) {
      CHECK(game.type == "extensive");
      CHECK(!game.normal);
      CHECK(game.tree.num_nodes() == row.nodes);
      CHECK(infosets_per_player(game.tree) == row.infosets);
    } else {
      CHECK(game.type == "normal");
      REQUIRE(game.normal);
      std::vector<int> counts;
      for (const auto& a : game.normal->actions) counts.push_back(static_cast<int>(a.size()));
      CHECK(counts == row.strategies);
    }
    CompiledGame compiled;
    REQUIRE_NOTHROW(compiled = compile(game.tree));
    CHECK(compiled.num_players() == row.players);
    // Gambit's "const-sum" column agrees with eqlab's detection (for one player, a game is
    // constant-sum when every payoff is the same).
    CHECK(compiled.constant_sum == row.constant_sum);
    ++checked;
  }
  CHECK(checked == 200);
}

TEST_CASE("every Gambit file without perfect recall is refused by compile(), naming the infoset") {
  int checked = 0;
  for (const GambitRow& row : gambit_table()) {
    if (row.perfect_recall) continue;
    INFO(row.file);
    LoadedGame game;
    REQUIRE_NOTHROW(game = load_gambit(row.file));
    CHECK(infosets_per_player(game.tree) == row.infosets);
    std::string message;
    try {
      compile(game.tree);
    } catch (const InputError& e) {
      message = e.what();
    }
    INFO(message);
    CHECK(message.find("imperfect recall") != std::string::npos);
    const std::string label = named_infoset(message);
    const bool known = std::any_of(game.tree.infosets.begin(), game.tree.infosets.end(),
                                   [&](const Infoset& i) { return !label.empty() && i.label == label; });
    CHECK(known);
    ++checked;
  }
  CHECK(checked == 26);
}

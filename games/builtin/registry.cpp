#include <eqlab/games/builtin/registry.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <string_view>

#include <eqlab/games/builtin/builders.hpp>
#include <eqlab/games/builtin/spec_text.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace builtin {


std::vector<std::string> player_names(int num_players) {
  std::vector<std::string> names;
  for (int p = 0; p < num_players; ++p) names.push_back(std::string(1, 'p').append(std::to_string(p)));
  return names;
}

}  // namespace builtin

namespace {

// Trees above this many nodes are refused: they would take minutes and gigabytes.
constexpr double kMaxNodes = 50'000'000;

enum class ParamKind { integer, boolean, real, choice };

// How one parameter is read and checked; `info` is what builtin_games() shows.
class Args;

struct ParamRule {
  BuiltinParam info;
  ParamKind kind = ParamKind::integer;
  std::int64_t min = 0, max = 0;     // integer
  double real_min = 0, real_max = 0; // real
  std::vector<std::string> choices;  // choice
  // When set and true for the arguments, the canonical name leaves the parameter out: its
  // value is the standard one, and the standard game keeps the name it always had.
  std::function<bool(const Args&)> left_out_of_name;
};

// The checked parameters of one spec, each in canonical text.
class Args {
 public:
  void set(const std::string& key, std::string value) { values_[key] = std::move(value); }
  const std::string& text(const std::string& key) const { return values_.at(key); }
  int integer(const std::string& key) const { return static_cast<int>(wide(key)); }
  std::int64_t wide(const std::string& key) const { return std::stoll(text(key)); }
  bool boolean(const std::string& key) const { return text(key) == "true"; }
  double real(const std::string& key) const { return std::stod(text(key)); }
  // A real parameter as an exact number where its text is one ("1.5" is 3/2), so that
  // payoffs built from it stay exact.
  Number number(const std::string& key) const { return Number::parse(text(key)).value(); }

 private:
  std::map<std::string, std::string> values_;
};

struct GameDef {
  BuiltinGameInfo info;
  std::vector<ParamRule> rules;  // same order as info.params
  std::function<double(const Args&)> node_count;
  std::function<GameTree(const Args&)> build;
};

ParamRule integer_param(std::string name, std::int64_t def, std::int64_t min, std::int64_t max,
                        std::string description) {
  ParamRule r;
  r.info = {std::move(name), std::to_string(def), std::move(description)};
  r.kind = ParamKind::integer;
  r.min = min;
  r.max = max;
  return r;
}

ParamRule boolean_param(std::string name, bool def, std::string description) {
  ParamRule r;
  r.info = {std::move(name), def ? "true" : "false", std::move(description)};
  r.kind = ParamKind::boolean;
  return r;
}

ParamRule real_param(std::string name, std::string def, double min, double max, std::string description) {
  ParamRule r;
  r.info = {std::move(name), std::move(def), std::move(description)};
  r.kind = ParamKind::real;
  r.real_min = min;
  r.real_max = max;
  return r;
}

ParamRule choice_param(std::string name, std::vector<std::string> choices, std::string description) {
  ParamRule r;
  r.info = {std::move(name), choices.front(), std::move(description)};
  r.kind = ParamKind::choice;
  r.choices = std::move(choices);
  return r;
}

const std::vector<GameDef>& game_defs() {
  static const std::vector<GameDef> defs = [] {
    std::vector<GameDef> d;
    d.push_back({{"kuhn", "Kuhn poker (OpenSpiel rules): players+1 cards, ante 1, one pass/bet round", {}},
                 {integer_param("players", 2, 2, 3, "number of players")},
                 [](const Args& a) { return a.integer("players") == 2 ? 58.0 : 617.0; },
                 [](const Args& a) { return builtin::build_kuhn(a.integer("players")); }});
    // ranks=0 stands for the standard deck, players+1 ranks; other values are checked here
    // because the least number of ranks depends on the players.
    auto leduc_ranks = [](const Args& a) {
      const int players = a.integer("players"), ranks = a.integer("ranks");
      if (ranks == 0) return players + 1;
      if (ranks < 2 || 2 * ranks < players + 1)
        throw UsageError("leduc: parameter ranks must be 0 (players+1) or from 2 to 13, with 2 x ranks cards "
                         "enough for every player and the public card, not " + std::to_string(ranks));
      return ranks;
    };
    d.push_back({{"leduc",
                  "Leduc poker (OpenSpiel rules): a deck of two suits (players+1 ranks unless ranks is "
                  "given), two betting rounds, one public card",
                  {}},
                 {integer_param("players", 2, 2, 3, "number of players"),
                  [] {
                    ParamRule ranks = integer_param("ranks", 0, 0, 13, "ranks per suit, J Q K A then lower; 0 for players+1");
                    ranks.left_out_of_name = [](const Args& a) {
                      return a.integer("ranks") == 0 || a.integer("ranks") == a.integer("players") + 1;
                    };
                    return ranks;
                  }()},
                 [=](const Args& a) {
                   // Exact: the deal nodes, then per deal the first betting round (its
                   // decisions, folds and the public card's chance nodes: 15 with 2 players,
                   // 76 with 3) and, per public card, the second rounds after it (75 and
                   // 1075 nodes in all); the betting does not depend on the cards.
                   const double d = 2.0 * leduc_ranks(a);
                   if (a.integer("players") == 2) return 1 + d + d * (d - 1) * (15 + 75 * (d - 2));
                   return 1 + d + d * (d - 1) + d * (d - 1) * (d - 2) * (76 + 1075 * (d - 3));
                 },
                 [=](const Args& a) { return builtin::build_leduc(a.integer("players"), leduc_ranks(a)); }});
    auto goofspiel = [](const Args& a) {
      builtin::GoofspielOptions o;
      o.cards = a.integer("cards");
      o.players = a.integer("players");
      o.returns = a.text("returns") == "points" ? builtin::GoofspielReturns::points
                                                : builtin::GoofspielReturns::win_loss;
      return o;
    };
    d.push_back({{"goofspiel",
                  "Goofspiel with imperfect information: point cards in descending order, "
                  "simultaneous bids, only each round's winner is seen",
                  {}},
                 {integer_param("cards", 4, 1, 12, "cards per hand and point cards"),
                  integer_param("players", 2, 2, 6, "number of players"),
                  choice_param("returns", {"win_loss", "points"},
                               "win_loss: the leaders share +1, the others -1; points: points minus "
                               "the average")},
                 [=](const Args& a) { return builtin::goofspiel_node_count(goofspiel(a)); },
                 [=](const Args& a) { return builtin::build_goofspiel(goofspiel(a)); }});
    auto dice = [](const Args& a) {
      builtin::LiarsDiceOptions o;
      o.dice = a.integer("dice");
      o.faces = a.integer("faces");
      o.wild = a.boolean("wild");
      return o;
    };
    d.push_back({{"liars_dice", "Liar's dice for two players (OpenSpiel rules)", {}},
                 {integer_param("dice", 1, 1, 5, "dice per player"),
                  integer_param("faces", 6, 2, 9, "faces per die"),
                  boolean_param("wild", true, "the highest face counts as every face")},
                 [=](const Args& a) { return builtin::liars_dice_node_count(dice(a)); },
                 [=](const Args& a) { return builtin::build_liars_dice(dice(a)); }});
    auto random = [](const Args& a) {
      builtin::RandomGameOptions o;
      o.players = a.integer("players");
      o.depth = a.integer("depth");
      o.branching = a.integer("branching");
      o.chance = a.real("chance");
      o.zero_sum = a.boolean("zero_sum");
      o.seed = static_cast<std::uint64_t>(a.wide("seed"));
      return o;
    };
    d.push_back({{"random",
                  "seeded random imperfect-information game with perfect recall; every path "
                  "has depth moves",
                  {}},
                 {integer_param("players", 2, 2, 10, "number of players"),
                  integer_param("depth", 4, 1, 64, "moves on every path"),
                  integer_param("branching", 2, 2, 10, "actions at every node"),
                  real_param("chance", "0.2", 0.0, 1.0, "probability that a node is a chance node"),
                  boolean_param("zero_sum", true, "payoffs sum to 0 at every terminal"),
                  integer_param("seed", 0, 0, std::numeric_limits<std::int64_t>::max(),
                                "random seed; the same seed gives the same game")},
                 [=](const Args& a) { return builtin::random_game_node_count(random(a)); },
                 [=](const Args& a) { return builtin::build_random_game(random(a)); }});
    auto sheriff = [](const Args& a) {
      builtin::SheriffOptions o;
      o.max_items = a.integer("max_items");
      o.max_bribe = a.integer("max_bribe");
      o.rounds = a.integer("rounds");
      o.item_value = a.number("item_value");
      o.item_penalty = a.number("item_penalty");
      o.sheriff_penalty = a.number("sheriff_penalty");
      return o;
    };
    d.push_back({{"sheriff",
                  "Sheriff (Farina et al. 2019, OpenSpiel rules): a smuggler loads illegal items in "
                  "secret, then bargains over a bribe with a sheriff who may inspect; general-sum",
                  {}},
                 {integer_param("max_items", 3, 1, 20, "most illegal items the smuggler can load"),
                  integer_param("max_bribe", 3, 0, 20, "largest bribe the smuggler can offer in a round"),
                  integer_param("rounds", 4, 1, 12, "bargaining rounds; only the last one is paid"),
                  real_param("item_value", "1", 0.0, 1000.0, "smuggler's gain per item that passes"),
                  real_param("item_penalty", "2", 0.0, 1000.0, "smuggler's fine per item found, paid to the sheriff"),
                  real_param("sheriff_penalty", "3", 0.0, 1000.0,
                             "sheriff's payment to the smuggler for inspecting an empty cargo")},
                 [=](const Args& a) { return builtin::sheriff_node_count(sheriff(a)); },
                 [=](const Args& a) { return builtin::build_sheriff(sheriff(a)); }});
    auto battleship = [](const Args& a) {
      builtin::BattleshipOptions o;
      o.width = a.integer("width");
      o.height = a.integer("height");
      o.ship_length = a.integer("ship_length");
      o.shots = a.integer("shots");
      o.loss_multiplier = a.number("loss_multiplier");
      return o;
    };
    d.push_back({{"battleship",
                  "Battleship (Farina et al. 2019, OpenSpiel rules) with one ship per player, "
                  "alternating public shots; general-sum unless loss_multiplier=1",
                  {}},
                 {integer_param("width", 2, 1, 8, "columns of each player's grid"),
                  integer_param("height", 2, 1, 8, "rows of each player's grid"),
                  integer_param("ship_length", 1, 1, 8, "cells of each player's one ship"),
                  integer_param("shots", 3, 1, 64, "shots per player, at most the cells of the grid"),
                  real_param("loss_multiplier", "2", 0.0, 1000.0,
                             "a player gets 1 for sinking the other's ship and -loss_multiplier for "
                             "losing its own")},
                 [=](const Args& a) { return builtin::battleship_node_count(battleship(a)); },
                 [=](const Args& a) { return builtin::build_battleship(battleship(a)); }});
    for (GameDef& g : d)
      for (const ParamRule& r : g.rules) g.info.params.push_back(r.info);
    return d;
  }();
  return defs;
}

std::string game_names() {
  std::string list;
  for (const GameDef& g : game_defs()) list += (list.empty() ? "" : ", ") + g.info.name;
  return list;
}

std::vector<std::string> param_keys(const GameDef& g) {
  std::vector<std::string> keys;
  for (const ParamRule& r : g.rules) keys.push_back(r.info.name);
  return keys;
}

std::string describe_range(const ParamRule& r) {
  std::ostringstream out;
  switch (r.kind) {
    case ParamKind::integer: out << "an integer from " << r.min << " to " << r.max; break;
    case ParamKind::boolean: out << "true or false"; break;
    case ParamKind::real: out << "a number from " << r.real_min << " to " << r.real_max; break;
    case ParamKind::choice:
      out << "one of";
      for (std::size_t k = 0; k < r.choices.size(); ++k) out << (k ? ", " : " ") << r.choices[k];
      break;
  }
  return out.str();
}

// The canonical text of a value, or nothing when the value breaks the rule.
std::optional<std::string> canonical_value(const ParamRule& r, std::string_view text) {
  switch (r.kind) {
    case ParamKind::integer: {
      std::int64_t v;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (ec != std::errc() || end != text.data() + text.size() || v < r.min || v > r.max) return std::nullopt;
      return std::to_string(v);
    }
    case ParamKind::boolean:
      if (text == "true" || text == "false") return std::string(text);
      return std::nullopt;
    case ParamKind::real: {
      double v;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v) || v < r.real_min ||
          v > r.real_max)
        return std::nullopt;
      v += 0.0;  // -0 reads as 0
      char buffer[32];
      auto res = std::to_chars(buffer, buffer + sizeof buffer, v);  // shortest round trip
      return std::string(buffer, res.ptr);
    }
    case ParamKind::choice:
      for (const std::string& c : r.choices)
        if (text == c) return c;
      return std::nullopt;
  }
  return std::nullopt;
}

std::string format_count(double nodes) {
  std::ostringstream out;
  out.precision(2);
  out << nodes;
  return out.str();
}

}  // namespace

const std::vector<BuiltinGameInfo>& builtin_games() {
  static const std::vector<BuiltinGameInfo> infos = [] {
    std::vector<BuiltinGameInfo> v;
    for (const GameDef& g : game_defs()) v.push_back(g.info);
    return v;
  }();
  return infos;
}

bool is_builtin_spec(const std::string& spec) {
  const std::string_view name = spec_name(spec);
  for (const GameDef& g : game_defs())
    if (name == g.info.name) return true;
  return false;
}

GameTree make_builtin(const std::string& spec) {
  const std::string_view name = spec_name(spec);
  const GameDef* game = nullptr;
  for (const GameDef& g : game_defs())
    if (name == g.info.name) game = &g;
  if (!game)
    throw UsageError("unknown game \"" + std::string(name) + "\"; the built-in games are " + game_names());

  // The parameter list: "(key=value, ...)" after the name, or nothing at all.
  const SpecValues given = spec_values(spec, game->info.name, param_keys(*game));

  Args args;
  std::string canonical = game->info.name + "(";
  for (const ParamRule& r : game->rules) {
    auto it = given.find(r.info.name);
    const std::string& text = it == given.end() ? r.info.default_value : it->second;
    auto value = canonical_value(r, text);
    if (!value)
      throw UsageError(game->info.name + ": parameter " + r.info.name + " must be " + describe_range(r) +
                       ", not \"" + text + "\"");
    args.set(r.info.name, *value);
  }
  for (const ParamRule& r : game->rules)
    if (!r.left_out_of_name || !r.left_out_of_name(args))
      canonical += (canonical.back() == '(' ? "" : ",") + r.info.name + "=" + args.text(r.info.name);
  canonical += ")";

  const double nodes = game->node_count(args);
  if (nodes > kMaxNodes)
    throw UsageError(canonical + " would have about " + format_count(nodes) +
                     " nodes, more than the 50,000,000 allowed for a built-in game; choose smaller parameters");
  GameTree tree = game->build(args);
  tree.name = canonical;
  return tree;
}

}  // namespace eqlab

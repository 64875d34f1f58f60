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

// ---- OpenSpiel's names -------------------------------------------------------------

// Why eqlab cannot build an OpenSpiel parameter's value; make_builtin() names the
// parameter and the value in the message.
struct NotAvailable {
  std::string why;
};

// OpenSpiel's parameters of a spec, every one given or at OpenSpiel's default.
using OpenSpielValues = std::map<std::string, std::string>;

// One OpenSpiel parameter: `apply` reads its value (and, where needed, the others') and
// sets eqlab's parameters in `out`, or throws NotAvailable.
struct OpenSpielRule {
  std::string name;
  std::string default_value;
  std::function<void(const std::string& value, const OpenSpielValues& all, SpecValues& out)> apply;
};

struct OpenSpielDef {
  BuiltinOpenSpiel info;
  std::vector<OpenSpielRule> rules;
};

// The parameter under eqlab's name `key`, value unchanged (eqlab checks the range).
OpenSpielRule renamed(std::string name, std::string default_value, std::string key) {
  return {std::move(name), std::move(default_value),
          [key = std::move(key)](const std::string& value, const OpenSpielValues&, SpecValues& out) {
            out[key] = value;
          }};
}

// A parameter of which eqlab builds only the value `only`.
OpenSpielRule only(std::string name, std::string default_value, std::string only_value, std::string why) {
  return {std::move(name), std::move(default_value),
          [only_value = std::move(only_value), why = std::move(why)](const std::string& value, const OpenSpielValues&,
                                                                       SpecValues&) {
            if (value != only_value) throw NotAvailable{why};
          }};
}

// "[a;b;c]" as its items, or nothing when the text is not such a list.
std::optional<std::vector<std::string>> bracket_list(const std::string& text) {
  if (text.size() < 2 || text.front() != '[' || text.back() != ']') return std::nullopt;
  std::vector<std::string> items;
  std::string item;
  for (std::size_t k = 1; k + 1 < text.size(); ++k) {
    if (text[k] == ';') {
      items.push_back(item);
      item.clear();
    } else if (text[k] != ' ') {
      item += text[k];
    }
  }
  items.push_back(item);
  return items;
}

const std::vector<OpenSpielDef>& openspiel_defs() {
  static const std::vector<OpenSpielDef> defs = [] {
    std::vector<OpenSpielDef> d;
    d.push_back({{"kuhn", "kuhn_poker", "kuhn_poker", {{"players", "players"}}, ""},
                 {renamed("players", "2", "players")}});
    d.push_back({{"leduc", "leduc_poker", "leduc_poker",
                  {{"players", "players"}, {"ranks", "only 0 (leduc_poker has players+1 ranks)"}}, ""},
                 {renamed("players", "2", "players"),
                  only("action_mapping", "false", "false",
                       "with action_mapping=true every action is legal everywhere (the illegal ones act as call), "
                       "another tree; eqlab's leduc is action_mapping=false"),
                  only("suit_isomorphism", "false", "false",
                       "suit_isomorphism=true deals ranks, not cards; eqlab's leduc tells the suits apart "
                       "(suit_isomorphism=false)"),
                  only("starting_player", "0", "0", "eqlab's leduc starts both rounds with player 0 (starting_player=0)")}});
    d.push_back(
        {{"goofspiel", "goofspiel", "goofspiel(imp_info=true,num_cards=4,points_order=descending)",
          {{"cards", "num_cards"}, {"players", "players"}, {"returns", "returns_type=win_loss or point_difference"}},
          "OpenSpiel's goofspiel is simultaneous: this is its turn_based_simultaneous_game, with each "
          "player's forced last bid kept as a one-action decision that OpenSpiel plays itself: more "
          "infosets, the same terminals, values and strategies"},
         {only("imp_info", "false", "true",
               "eqlab's goofspiel is the game with imperfect information (imp_info=true)"),
          {"egocentric", "false",
           [](const std::string& value, const OpenSpielValues&, SpecValues&) {
             // It changes only how OpenSpiel encodes the winners in its tensors.
             if (value != "true" && value != "false") throw NotAvailable{"egocentric is true or false"};
           }},
          renamed("num_cards", "13", "cards"),
          {"num_turns", "-1",
           [](const std::string& value, const OpenSpielValues& all, SpecValues&) {
             if (value != "-1" && value != all.at("num_cards"))
               throw NotAvailable{"eqlab's goofspiel plays every card (num_turns=-1, or num_turns=num_cards)"};
           }},
          renamed("players", "2", "players"),
          only("points_order", "random", "descending",
               "eqlab's goofspiel reveals the point cards in descending order (points_order=descending)"),
          {"returns_type", "win_loss",
           [](const std::string& value, const OpenSpielValues&, SpecValues& out) {
             if (value == "win_loss") out["returns"] = "win_loss";
             else if (value == "point_difference") out["returns"] = "points";
             else throw NotAvailable{"eqlab's goofspiel offers returns_type=win_loss and returns_type=point_difference"};
           }}}});
    d.push_back(
        {{"liars_dice", "liars_dice", "liars_dice",
          {{"dice", "numdice"}, {"faces", "dice_sides"}, {"wild", "only true (the highest face is always wild)"}},
          "each player's roll is one chance node over sorted hands, not one per die: the same infosets "
          "and values as OpenSpiel, fewer terminals when numdice > 1"},
         {only("players", "2", "2", "eqlab's liars_dice is for two players"),
          renamed("numdice", "1", "dice"), renamed("dice_sides", "6", "faces"),
          {"bidding_rule", "reset-face",
           [](const std::string& value, const OpenSpielValues&, SpecValues& out) {
             if (value != "reset-face")
               throw NotAvailable{"eqlab's bids rise quantity first (bidding_rule=reset-face)"};
             out["wild"] = "true";
           }}}});
    d.push_back({{"sheriff", "sheriff", "sheriff",
                  {{"max_items", "max_items"}, {"max_bribe", "max_bribe"}, {"rounds", "num_rounds"},
                   {"item_value", "item_value"}, {"item_penalty", "item_penalty"},
                   {"sheriff_penalty", "sheriff_penalty"}},
                  ""},
                 {renamed("item_penalty", "2", "item_penalty"), renamed("item_value", "1", "item_value"),
                  renamed("sheriff_penalty", "3", "sheriff_penalty"), renamed("max_bribe", "3", "max_bribe"),
                  renamed("max_items", "3", "max_items"), renamed("num_rounds", "4", "rounds")}});
    d.push_back(
        {{"battleship", "battleship",
          "battleship(board_width=2,board_height=2,ship_sizes=[1],ship_values=[1],num_shots=3,"
          "allow_repeated_shots=false,loss_multiplier=2)",
          {{"width", "board_width"}, {"height", "board_height"}, {"ship_length", "ship_sizes=[ship_length] with ship_values=[1]"},
           {"shots", "num_shots, with allow_repeated_shots=false"}, {"loss_multiplier", "loss_multiplier"}},
          ""},
         {renamed("board_width", "10", "width"), renamed("board_height", "10", "height"),
          {"ship_sizes", "[2;3;3;4;5]",
           [](const std::string& value, const OpenSpielValues&, SpecValues& out) {
             const auto sizes = bracket_list(value);
             if (!sizes || sizes->size() != 1)
               throw NotAvailable{"eqlab's battleship has one ship per player: ship_sizes=[length]"};
             out["ship_length"] = sizes->front();
           }},
          {"ship_values", "[1.0;1.0;1.0;1.0;1.0]",
           [](const std::string& value, const OpenSpielValues&, SpecValues&) {
             const auto values = bracket_list(value);
             double v = 0;
             if (values && values->size() == 1) {
               const std::string& t = values->front();
               auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
               if (ec != std::errc() || end != t.data() + t.size()) v = 0;
             }
             if (!values || values->size() != 1 || v != 1.0)
               throw NotAvailable{"eqlab's battleship has one ship of value 1 per player: ship_values=[1]"};
           }},
          renamed("num_shots", "50", "shots"),
          only("allow_repeated_shots", "true", "false",
               "eqlab's battleship never shoots twice at a cell (allow_repeated_shots=false)"),
          renamed("loss_multiplier", "1", "loss_multiplier")}});
    return d;
  }();
  return defs;
}

const OpenSpielDef* openspiel_def_named(std::string_view name) {
  for (const OpenSpielDef& o : openspiel_defs())
    if (name == o.info.name) return &o;
  return nullptr;
}

const GameDef* game_def_named(std::string_view name) {
  for (const GameDef& g : game_defs())
    if (name == g.info.name) return &g;
  return nullptr;
}

std::vector<std::string> openspiel_keys(const OpenSpielDef& o) {
  std::vector<std::string> keys;
  for (const OpenSpielRule& r : o.rules) keys.push_back(r.name);
  return keys;
}

bool has_key(const std::vector<std::string>& keys, const std::string& key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// A spec resolved to one of eqlab's games and eqlab's parameters.
struct Resolved {
  const GameDef* game = nullptr;
  SpecValues given;                           // eqlab's parameters
  std::string label;                          // the game's name in messages: the name written
  std::map<std::string, std::string> origin;  // eqlab key -> "OpenSpiel's K=V[ (its default)]"
};

Resolved resolve(const std::string& spec) {
  const std::string_view name = spec_name(spec);
  Resolved out;
  out.game = game_def_named(name);
  const OpenSpielDef* os = openspiel_def_named(name);
  if (!out.game && !os)
    throw UsageError("unknown game \"" + std::string(name) + "\"; the built-in games are " + game_names());
  out.label = std::string(name);

  SpecValues given;
  if (!os) {
    out.given = spec_values(spec, out.game->info.name, param_keys(*out.game));
    return out;
  }
  const std::vector<std::string> os_keys = openspiel_keys(*os);
  if (!out.game) {  // OpenSpiel's name alone: kuhn_poker, leduc_poker
    out.game = game_def_named(os->info.game);
    given = spec_values(spec, os->info.name, os_keys);
  } else {
    // One name for both: the keys tell which. A spec that neither reads (a key of
    // neither, or malformed) is refused as eqlab's.
    const std::vector<std::string> eqlab_keys = param_keys(*out.game);
    std::vector<std::string> all_keys = eqlab_keys;
    for (const std::string& k : os_keys)
      if (!has_key(all_keys, k)) all_keys.push_back(k);
    try {
      given = spec_values(spec, out.game->info.name, all_keys);
    } catch (const UsageError&) {
      spec_values(spec, out.game->info.name, eqlab_keys);
      throw;
    }
    std::string eqlab_only, openspiel_only;
    for (const auto& [key, value] : given) {
      if (!has_key(os_keys, key)) eqlab_only += (eqlab_only.empty() ? "" : ", ") + key;
      if (!has_key(eqlab_keys, key)) openspiel_only += (openspiel_only.empty() ? "" : ", ") + key;
    }
    if (openspiel_only.empty()) {
      out.given = std::move(given);
      return out;
    }
    if (!eqlab_only.empty())
      throw UsageError(out.label + ": OpenSpiel's parameters (" + openspiel_only + ") and eqlab's (" + eqlab_only +
                       ") in one spec; give the game in one naming or the other");
  }

  // OpenSpiel's parameters, each given or at OpenSpiel's default, become eqlab's.
  OpenSpielValues all;
  for (const OpenSpielRule& r : os->rules) {
    auto it = given.find(r.name);
    all[r.name] = it == given.end() ? r.default_value : it->second;
  }
  for (const OpenSpielRule& r : os->rules) {
    const std::string shown =
        "OpenSpiel's " + r.name + "=" + all[r.name] + (given.count(r.name) ? "" : " (its default)");
    SpecValues before = out.given;
    try {
      r.apply(all[r.name], all, out.given);
    } catch (const NotAvailable& e) {
      throw UsageError(out.label + ": " + shown + " is not available: " + e.why);
    }
    for (const auto& [key, value] : out.given)
      if (!before.count(key)) out.origin[key] = shown;
  }
  return out;
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

const BuiltinOpenSpiel* builtin_openspiel(const std::string& game) {
  for (const OpenSpielDef& o : openspiel_defs())
    if (o.info.game == game) return &o.info;
  return nullptr;
}

bool is_builtin_spec(const std::string& spec) {
  const std::string_view name = spec_name(spec);
  return game_def_named(name) || openspiel_def_named(name);
}

GameTree make_builtin(const std::string& spec) {
  // The parameter list: "(key=value, ...)" after the name, or nothing at all; OpenSpiel's
  // names resolve to eqlab's.
  const Resolved resolved = resolve(spec);
  const GameDef* game = resolved.game;
  const SpecValues& given = resolved.given;

  Args args;
  std::string canonical = game->info.name + "(";
  for (const ParamRule& r : game->rules) {
    auto it = given.find(r.info.name);
    const std::string& text = it == given.end() ? r.info.default_value : it->second;
    auto value = canonical_value(r, text);
    if (!value) {
      auto origin = resolved.origin.find(r.info.name);
      if (origin != resolved.origin.end())
        throw UsageError(resolved.label + ": " + origin->second + " is not available: eqlab's parameter " +
                         r.info.name + " must be " + describe_range(r));
      throw UsageError(game->info.name + ": parameter " + r.info.name + " must be " + describe_range(r) +
                       ", not \"" + text + "\"");
    }
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

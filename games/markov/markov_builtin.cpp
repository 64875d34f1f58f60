#include <eqlab/games/markov/markov_builtin.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <string_view>

#include <eqlab/games/builtin/spec_text.hpp>
#include <eqlab/games/markov/generators/congestion.hpp>
#include <eqlab/games/markov/generators/cycle.hpp>
#include <eqlab/games/markov/generators/dense_random.hpp>
#include <eqlab/games/markov/generators/polymatrix.hpp>
#include <eqlab/games/markov/generators/team.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace {

using namespace markov_gen;

enum class Kind { integer, real, boolean };

struct Rule {
  BuiltinParam info;
  Kind kind = Kind::integer;
  double min = 0, max = 0;
};

// The checked values of one spec, every parameter present.
using Values = std::map<std::string, double, std::less<>>;

struct MarkovDef {
  BuiltinGameInfo info;
  std::vector<Rule> rules;
  // The seed comes apart from the other values: a double would round a large seed.
  std::function<std::unique_ptr<MarkovModel>(const Values&, std::uint64_t seed)> build;
};

Rule integer_rule(std::string name, std::int64_t def, std::int64_t min, std::int64_t max, std::string what) {
  return {{std::move(name), std::to_string(def), std::move(what)}, Kind::integer, static_cast<double>(min),
          static_cast<double>(max)};
}

Rule real_rule(std::string name, std::string def, double min, double max, std::string what) {
  return {{std::move(name), std::move(def), std::move(what)}, Kind::real, min, max};
}

Rule boolean_rule(std::string name, bool def, std::string what) {
  return {{std::move(name), def ? "true" : "false", std::move(what)}, Kind::boolean, 0, 1};
}

constexpr std::int64_t kSeedMax = std::numeric_limits<std::int64_t>::max();

// players, states, actions, horizon: the sizes every generator takes, in this order.
std::vector<Rule> size_rules(int players, int min_players, int actions, int min_actions, std::string actions_what) {
  return {integer_rule("players", players, min_players, 64, "number of players"),
          integer_rule("states", 2, 1, 1000, "number of states"),
          integer_rule("actions", actions, min_actions, 64, std::move(actions_what)),
          integer_rule("horizon", 2, 1, 100, "steps per episode")};
}

Rule seed_rule() { return integer_rule("seed", 0, 0, kSeedMax, "random seed; the same seed gives the same game"); }

Rule kappa_rule() {
  return real_rule("kappa", "1", 0.001, 1000.0, "Dirichlet concentration of the transition rows (1: uniform on the simplex)");
}

GenSizes sizes_of(const Values& v, std::uint64_t seed) {
  GenSizes g;
  g.players = static_cast<int>(v.at("players"));
  g.states = static_cast<int>(v.at("states"));
  g.actions = static_cast<int>(v.at("actions"));
  g.horizon = static_cast<int>(v.at("horizon"));
  g.seed = seed;
  return g;
}

const std::vector<MarkovDef>& defs() {
  static const std::vector<MarkovDef> all = [] {
    std::vector<MarkovDef> d;
    {
      std::vector<Rule> rules = size_rules(2, 1, 2, 2, "actions of every player");
      rules.push_back(kappa_rule());
      rules.push_back(boolean_rule("constant_sum", false, "two players only: player 1's reward is 1 minus player 0's"));
      rules.push_back(seed_rule());
      d.push_back({{"markov-random",
                    "dense random Markov game (G1): U[0,1] rewards and Dirichlet transitions for every "
                    "joint action, generated on demand; exact evaluation enumerates joint actions (at most 2^24)",
                    {}},
                   rules, nullptr});
    }
    {
      std::vector<Rule> rules = size_rules(4, 1, 2, 2, "actions of every player");
      rules.push_back(integer_rule("degree", 0, 0, 63, "neighbours per player; 0 for the complete graph"));
      rules.push_back(kappa_rule());
      rules.push_back(seed_rule());
      d.push_back({{"markov-polymatrix",
                    "polymatrix rewards on an interaction graph with separable transitions (G2); stored "
                    "and evaluated in time polynomial in the players",
                    {}},
                   rules, nullptr});
    }
    {
      std::vector<Rule> rules = size_rules(4, 1, 3, 2, "facilities (every player picks one)");
      rules.push_back(kappa_rule());
      rules.push_back(seed_rule());
      d.push_back({{"markov-congestion",
                    "Markov congestion game (G3): rewards decrease with a facility's load, transitions "
                    "ignore the actions; a Markov potential game",
                    {}},
                   rules, nullptr});
    }
    {
      std::vector<Rule> rules = size_rules(2, 1, 2, 2, "actions of every player");
      rules.push_back(real_rule("delta", "0", 0.0, 1.0, "noise added to the shared reward per player; 0 for a team game"));
      rules.push_back(kappa_rule());
      rules.push_back(seed_rule());
      d.push_back({{"markov-team",
                    "team game with an optional per-player perturbation (G4); delta=0 is a Markov potential game",
                    {}},
                   rules, nullptr});
    }
    {
      std::vector<Rule> rules = size_rules(2, 2, 0, 0, "0 for the default: 3 with two players, 2 with more");
      rules.push_back(real_rule("perturb", "0", 0.0, 1.0, "seeded noise mixed into the rewards; 0 for none"));
      rules.push_back(seed_rule());
      d.push_back({{"markov-cycle",
                    "stage games without pure equilibria on a chain of states (G5): a Shapley-type cycle for "
                    "two players, cyclic matching pennies for more",
                    {}},
                   rules, nullptr});
    }
    d[0].build = [](const Values& v, std::uint64_t seed) -> std::unique_ptr<MarkovModel> {
      DenseRandomParams p;
      p.sizes = sizes_of(v, seed);
      p.kappa = v.at("kappa");
      p.constant_sum = v.at("constant_sum") != 0.0;
      return std::make_unique<DenseRandomMarkov>(p);
    };
    d[1].build = [](const Values& v, std::uint64_t seed) -> std::unique_ptr<MarkovModel> {
      PolymatrixParams p;
      p.sizes = sizes_of(v, seed);
      p.degree = static_cast<int>(v.at("degree"));
      p.kappa = v.at("kappa");
      return std::make_unique<PolymatrixMarkov>(p);
    };
    d[2].build = [](const Values& v, std::uint64_t seed) -> std::unique_ptr<MarkovModel> {
      CongestionParams p;
      p.sizes = sizes_of(v, seed);
      p.kappa = v.at("kappa");
      return std::make_unique<CongestionMarkov>(p);
    };
    d[3].build = [](const Values& v, std::uint64_t seed) -> std::unique_ptr<MarkovModel> {
      TeamParams p;
      p.sizes = sizes_of(v, seed);
      p.delta = v.at("delta");
      p.kappa = v.at("kappa");
      return std::make_unique<TeamMarkov>(p);
    };
    d[4].build = [](const Values& v, std::uint64_t seed) -> std::unique_ptr<MarkovModel> {
      CycleParams p;
      p.sizes = sizes_of(v, seed);
      if (p.sizes.actions == 0) p.sizes.actions = p.sizes.players == 2 ? 3 : 2;
      p.perturb = v.at("perturb");
      return std::make_unique<CycleMarkov>(p);
    };
    for (MarkovDef& g : d)
      for (const Rule& r : g.rules) g.info.params.push_back(r.info);
    return d;
  }();
  return all;
}

const MarkovDef* find_def(std::string_view name) {
  for (const MarkovDef& g : defs())
    if (g.info.name == name) return &g;
  return nullptr;
}

std::string joined(const std::vector<std::string>& items) {
  std::string list;
  for (const std::string& s : items) list += (list.empty() ? "" : ", ") + s;
  return list;
}

std::vector<std::string> param_keys(const MarkovDef& g) {
  std::vector<std::string> keys;
  for (const Rule& r : g.rules) keys.push_back(r.info.name);
  return keys;
}

std::string range_text(const Rule& r) {
  std::ostringstream out;
  switch (r.kind) {
    case Kind::integer:
      out << "an integer from " << static_cast<std::int64_t>(r.min) << " to "
          << (r.info.name == "seed" ? kSeedMax : static_cast<std::int64_t>(r.max));
      break;
    case Kind::real: out << "a number from " << r.min << " to " << r.max; break;
    case Kind::boolean: out << "true or false"; break;
  }
  return out.str();
}

// Reads one value by its rule; nothing when it is malformed or out of range.
std::optional<double> read_value(const Rule& r, std::string_view text, std::uint64_t* seed) {
  switch (r.kind) {
    case Kind::integer: {
      std::int64_t v = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
      if (r.info.name == "seed") {
        if (v < 0) return std::nullopt;
        *seed = static_cast<std::uint64_t>(v);
        return 0.0;
      }
      if (static_cast<double>(v) < r.min || static_cast<double>(v) > r.max) return std::nullopt;
      return static_cast<double>(v);
    }
    case Kind::real: {
      double v = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v) || v < r.min || v > r.max)
        return std::nullopt;
      return v + 0.0;
    }
    case Kind::boolean:
      if (text == "true") return 1.0;
      if (text == "false") return 0.0;
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

const std::vector<BuiltinGameInfo>& markov_builtin_games() {
  static const std::vector<BuiltinGameInfo> infos = [] {
    std::vector<BuiltinGameInfo> v;
    for (const MarkovDef& g : defs()) v.push_back(g.info);
    return v;
  }();
  return infos;
}

bool is_markov_builtin_spec(const std::string& spec) { return find_def(spec_name(spec)) != nullptr; }

std::unique_ptr<MarkovModel> make_markov_builtin(const std::string& spec) {
  const std::string_view name = spec_name(spec);
  const MarkovDef* game = find_def(name);
  if (!game) {
    std::vector<std::string> names;
    for (const MarkovDef& g : defs()) names.push_back(g.info.name);
    throw UsageError("unknown Markov game \"" + std::string(name) + "\"; the built-in Markov games are " +
                     joined(names));
  }
  const SpecValues given = spec_values(spec, game->info.name, param_keys(*game));

  Values values;
  std::uint64_t seed = 0;
  for (const Rule& r : game->rules) {
    const auto it = given.find(r.info.name);
    const std::string& text = it == given.end() ? r.info.default_value : it->second;
    const std::optional<double> v = read_value(r, text, &seed);
    if (!v)
      throw UsageError(game->info.name + ": parameter " + r.info.name + " must be " + range_text(r) + ", not \"" +
                       text + "\"");
    values[r.info.name] = *v;
  }
  return game->build(values, seed);
}

}  // namespace eqlab

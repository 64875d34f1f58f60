#include <eqlab/games/graph/graph_source.hpp>

#include <charconv>
#include <filesystem>

#include <eqlab/games/builtin/spec_text.hpp>
#include <eqlab/games/graph/graph_files.hpp>
#include <eqlab/games/graph/gridworld.hpp>
#include <eqlab/games/graph/random_graph.hpp>
#include <eqlab/games/graph/reference_model.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace fs = std::filesystem;

namespace {

std::int64_t integer_value(const SpecValues& values, const std::string& game, const std::string& key,
                           std::int64_t fallback, std::int64_t min, std::int64_t max) {
  const auto it = values.find(key);
  if (it == values.end()) return fallback;
  std::int64_t v = 0;
  const std::string& text = it->second;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < min || v > max)
    throw UsageError(game + ": parameter " + key + " must be a whole number from " + std::to_string(min) + " to " +
                     std::to_string(max) + ", not \"" + text + "\"");
  return v;
}

bool has_extension(const std::string& spec, std::initializer_list<const char*> extensions) {
  const std::string ext = fs::path(spec).extension().string();
  for (const char* e : extensions)
    if (ext == e) return true;
  return false;
}

}  // namespace

const std::vector<GraphBuiltinInfo>& graph_builtin_list() {
  static const std::vector<GraphBuiltinInfo> list{
      {"gridworld",
       "cat (defender) and mouse (attacker) on a grid with obstacles and two cheese cells; decoy sites are the "
       "mouse's cells (the published 7 x 7 instance by default)",
       {"rows=7: grid rows (5 to 40)", "cols=7: grid columns (4 to 40)"}},
      {"random-graph",
       "random turn-based game with alternating owners, shaped like the published random-graph experiment",
       {"vertices=150: vertices (2 to 5e7)", "max_actions=5: actions per vertex, drawn from 1 to this (1 to 64)",
        "targets=10: target draws with replacement (1 to vertices)", "seed=0: random seed"}},
  };
  return list;
}

bool is_graph_builtin_spec(const std::string& spec) {
  const std::string_view name = spec_name(spec);
  return name == "gridworld" || name == "random-graph";
}

TurnGame make_graph_builtin(const std::string& spec) {
  const std::string name(spec_name(spec));
  if (name == "gridworld") {
    const SpecValues v = spec_values(spec, name, {"rows", "cols"});
    return make_gridworld({static_cast<int>(integer_value(v, name, "rows", 7, 5, 40)),
                           static_cast<int>(integer_value(v, name, "cols", 7, 4, 40))});
  }
  if (name == "random-graph") {
    const SpecValues v = spec_values(spec, name, {"vertices", "max_actions", "targets", "seed"});
    RandomGraphParams p;
    p.vertices = static_cast<int>(integer_value(v, name, "vertices", 150, 2, 50'000'000));
    p.max_actions = static_cast<int>(integer_value(v, name, "max_actions", 5, 1, 64));
    p.targets = static_cast<int>(integer_value(v, name, "targets", 10, 1, p.vertices));
    p.seed = static_cast<std::uint64_t>(integer_value(v, name, "seed", 0, 0, INT64_MAX));
    return make_random_graph(p);
  }
  throw UsageError("unknown graph game \"" + spec + "\" (built-in graph games: gridworld, random-graph)");
}

bool is_graph_game(const std::string& spec) {
  if (is_graph_builtin_spec(spec)) return true;
  std::error_code ec;
  if (!fs::is_regular_file(spec, ec)) return false;
  return has_extension(spec, {".model"}) || is_graph_game_file(spec);
}

TurnGame load_graph_game(const std::string& spec, const LoadLimits& limits) {
  std::error_code ec;
  if (fs::exists(spec, ec)) {
    if (has_extension(spec, {".model"})) return load_reference_model(spec);
    return load_graph_game_file(spec, limits);
  }
  if (is_graph_builtin_spec(spec)) return make_graph_builtin(spec);
  throw InputError(spec, "", "no such file, and not a built-in graph game (gridworld, random-graph)");
}

}  // namespace eqlab

// The config of an extensive-form experiment (parse_experiment_config, sim/experiment.hpp).
#include <eqlab/sim/experiment.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <eqlab/lib/error.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/sim/config_members.hpp>
#include <eqlab/sim/experiment/config.hpp>

namespace eqlab {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// A folder name for a game spec: "kuhn(players=3)" is "kuhn_players_3"; a file is its stem.
std::string default_game_label(const std::string& spec) {
  std::string base = spec;
  const bool looks_like_file = spec.find('/') != std::string::npos || spec.ends_with(".json") ||
                               spec.ends_with(".efg") || spec.ends_with(".nfg");
  if (looks_like_file) base = fs::path(spec).stem().string();
  std::string label;
  for (char c : base) {
    const char kept = is_label_char(c) ? c : '_';
    if (kept == '_' && !label.empty() && label.back() == '_') continue;
    label += kept;
  }
  while (!label.empty() && label.back() == '_') label.pop_back();
  return label;
}

void check_label(const std::string& label, const std::string& file, const std::string& pointer) {
  if (label.empty() || label == "." || label == ".." || !std::all_of(label.begin(), label.end(), is_label_char))
    throw InputError(file, pointer,
                     "a label is a folder name: letters, digits and the characters . _ + - only, not \"" + label +
                         "\"");
}

// Each label once: `seen` maps the labels so far to their entry's index in `list`.
void check_label_unique(std::map<std::string, std::size_t>& seen, const std::string& label, std::size_t index,
                        const std::string& list, const std::string& what, const std::string& file,
                        const std::string& pointer) {
  if (auto [it, fresh] = seen.emplace(label, index); !fresh)
    throw InputError(file, pointer,
                     "the label \"" + label + "\" is taken by /" + list + "/" + std::to_string(it->second) +
                         " (give each " + what + " a distinct \"label\")");
}

std::string text_member(const json& object, const std::string& key, const std::string& file,
                        const std::string& pointer) {
  const json& v = object.at(key);
  if (!v.is_string() || v.get<std::string>().empty())
    throw InputError(file, pointer + "/" + key, "must be a non-empty string");
  return v.get<std::string>();
}

std::int64_t integer_member(const json& object, const std::string& key, std::int64_t min, std::int64_t max,
                            const std::string& file, const std::string& pointer) {
  const json& v = object.at(key);
  if (!v.is_number_integer())
    throw InputError(file, pointer + "/" + key, "must be a whole number");
  const bool in_range = v.is_number_unsigned()
                            ? v.get<std::uint64_t>() <= static_cast<std::uint64_t>(max) &&
                                  static_cast<std::int64_t>(v.get<std::uint64_t>()) >= min
                            : v.get<std::int64_t>() >= min && v.get<std::int64_t>() <= max;
  if (!in_range)
    throw InputError(file, pointer + "/" + key,
                     "must be between " + std::to_string(min) + " and " + std::to_string(max));
  return v.get<std::int64_t>();
}

// One entry of "games": a spec, or {"game": SPEC, "label": TEXT?}; sets `label_given`.
ExperimentGame parse_game(const json& entry, const std::string& file, const std::string& pointer,
                          bool& label_given) {
  ExperimentGame game;
  label_given = false;
  if (entry.is_string()) {
    game.spec = entry.get<std::string>();
    if (game.spec.empty()) throw InputError(file, pointer, "must be a game spec or file, not empty");
  } else if (entry.is_object()) {
    check_config_members(entry, {"game", "label"}, file, pointer);
    if (!entry.contains("game")) throw InputError(file, pointer, "missing member \"game\"");
    game.spec = text_member(entry, "game", file, pointer);
    if (entry.contains("label")) {
      game.label = text_member(entry, "label", file, pointer);
      label_given = true;
    }
  } else {
    throw InputError(file, pointer, "must be a game spec or file, or {\"game\": ..., \"label\": ...}");
  }
  if (!label_given) game.label = default_game_label(game.spec);
  return game;
}

std::vector<ExperimentGame> parse_games(const json& doc, const std::string& file) {
  const json& games = doc.at("games");
  if (!games.is_array() || games.empty())
    throw InputError(file, "/games", "must be a non-empty array of game specs or files");
  std::vector<ExperimentGame> out;
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < games.size(); ++i) {
    const std::string pointer = "/games/" + std::to_string(i);
    bool label_given = false;
    ExperimentGame game = parse_game(games[i], file, pointer, label_given);
    const std::string label_pointer = label_given ? pointer + "/label" : pointer;
    check_label(game.label, file, label_pointer);
    check_label_unique(seen, game.label, i, "games", "game", file, label_pointer);
    out.push_back(std::move(game));
  }
  return out;
}

// The names of the solvers an algorithm of this feedback may name.
std::vector<std::string> experiment_solver_names(const ExperimentAlgorithm& algorithm) {
  std::vector<std::string> names;
  const Feedback feedback = algorithm.feedback == "full" ? Feedback::full : Feedback::bandit;
  for (const SolverEntry* s : registered_solvers(GameKind::extensive, feedback)) names.push_back(s->name);
  return names;
}

void check_solver_known(const ExperimentAlgorithm& algorithm, const std::string& file, const std::string& pointer) {
  const std::vector<std::string> names = experiment_solver_names(algorithm);
  if (std::find(names.begin(), names.end(), algorithm.solver) != names.end()) return;
  std::string known;
  for (const std::string& n : names) known += (known.empty() ? "" : ", ") + n;
  throw InputError(file, pointer + "/solver",
                   "unknown " + algorithm.feedback + "-feedback solver \"" + algorithm.solver + "\" (known: " +
                       known + ")");
}

// One entry of "algorithms" but its label: {"solver": NAME, "feedback": ..., "params": ...}.
ExperimentAlgorithm parse_algorithm(const json& entry, const std::string& file, const std::string& pointer) {
  if (!entry.is_object()) throw InputError(file, pointer, "must be an object {\"solver\": NAME, ...}");
  check_config_members(entry, {"solver", "feedback", "label", "params"}, file, pointer);
  if (!entry.contains("solver")) throw InputError(file, pointer, "missing member \"solver\"");
  ExperimentAlgorithm algorithm;
  algorithm.solver = text_member(entry, "solver", file, pointer);
  if (entry.contains("feedback")) {
    algorithm.feedback = text_member(entry, "feedback", file, pointer);
    if (algorithm.feedback != "full" && algorithm.feedback != "bandit")
      throw InputError(file, pointer + "/feedback",
                       "must be \"full\" or \"bandit\", not \"" + algorithm.feedback + "\"");
  }
  check_solver_known(algorithm, file, pointer);
  return algorithm;
}

void parse_algorithm_params(const json& entry, ExperimentAlgorithm& algorithm, const std::string& file,
                            const std::string& pointer) {
  if (!entry.contains("params")) return;
  if (!entry.at("params").is_object())
    throw InputError(file, pointer + "/params", "must be an object of solver parameters");
  algorithm.params = entry.at("params");
}

std::vector<ExperimentAlgorithm> parse_algorithms(const json& doc, const std::string& file) {
  const json& algorithms = doc.at("algorithms");
  if (!algorithms.is_array() || algorithms.empty())
    throw InputError(file, "/algorithms", "must be a non-empty array of {\"solver\": ...} objects");
  std::vector<ExperimentAlgorithm> out;
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < algorithms.size(); ++i) {
    const std::string pointer = "/algorithms/" + std::to_string(i);
    const json& entry = algorithms[i];
    ExperimentAlgorithm algorithm = parse_algorithm(entry, file, pointer);
    const bool label_given = entry.contains("label");
    algorithm.label = label_given ? text_member(entry, "label", file, pointer) : algorithm.solver;
    const std::string label_pointer = pointer + (label_given ? "/label" : "/solver");
    check_label(algorithm.label, file, label_pointer);
    check_label_unique(seen, algorithm.label, i, "algorithms", "algorithm", file, label_pointer);
    parse_algorithm_params(entry, algorithm, file, pointer);
    out.push_back(std::move(algorithm));
  }
  return out;
}

std::vector<std::uint64_t> parse_seeds(const json& doc, const std::string& file) {
  const json& seeds = doc.at("seeds");
  std::vector<std::uint64_t> out;
  if (seeds.is_number_integer()) {
    const std::int64_t n = integer_member(doc, "seeds", 1, 100000, file, "");
    for (std::int64_t s = 0; s < n; ++s) out.push_back(static_cast<std::uint64_t>(s));
    return out;
  }
  if (!seeds.is_array() || seeds.empty())
    throw InputError(file, "/seeds", "must be a number of seeds N (0..N-1) or a non-empty array of seeds");
  std::set<std::uint64_t> seen;
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    const json& s = seeds[i];
    const std::string pointer = "/seeds/" + std::to_string(i);
    if (!s.is_number_unsigned() && !(s.is_number_integer() && s.get<std::int64_t>() >= 0))
      throw InputError(file, pointer, "a seed must be a non-negative whole number");
    const std::uint64_t seed = s.get<std::uint64_t>();
    if (!seen.insert(seed).second) throw InputError(file, pointer, "the seed " + std::to_string(seed) + " is repeated");
    out.push_back(seed);
  }
  return out;
}

}  // namespace

ExperimentConfig parse_experiment_config(const json& doc, const std::string& file) {
  if (!doc.is_object()) throw InputError(file, "", "an experiment config must be a JSON object");
  check_config_members(doc, {"name", "games", "algorithms", "seeds", "iterations", "checkpoints", "metric"}, file, "");
  for (const char* required : {"games", "algorithms", "seeds", "iterations"})
    if (!doc.contains(required)) throw InputError(file, "", std::string("missing member \"") + required + "\"");
  ExperimentConfig config;
  if (doc.contains("name")) config.name = text_member(doc, "name", file, "");
  config.games = parse_games(doc, file);
  config.algorithms = parse_algorithms(doc, file);
  config.seeds = parse_seeds(doc, file);
  config.iterations = integer_member(doc, "iterations", 1, std::int64_t{1} << 40, file, "");
  if (doc.contains("checkpoints"))
    config.checkpoints = static_cast<int>(integer_member(doc, "checkpoints", 2, 10000, file, ""));
  if (doc.contains("metric")) config.metric = text_member(doc, "metric", file, "");
  return config;
}

ExperimentConfig load_experiment_config(const std::string& path) {
  ExperimentConfig config = parse_experiment_config(read_config_document(path), path);
  config.folder = fs::path(path).parent_path().string();
  if (config.name.empty()) config.name = fs::path(path).stem().string();
  return config;
}

}  // namespace eqlab

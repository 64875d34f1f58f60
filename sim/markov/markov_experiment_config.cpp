// The config of a Markov experiment (parse_markov_experiment_config,
// sim/markov/markov_experiment.hpp).
#include <eqlab/sim/markov/markov_experiment.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/sim/config_members.hpp>
#include <eqlab/sim/experiment/config.hpp>
#include <eqlab/sim/markov/markov_runner.hpp>

namespace eqlab {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

[[noreturn]] void bad(const std::string& file, const std::string& pointer, const std::string& what) {
  throw InputError(file, pointer, what);
}

double number_of(const json& v, const std::string& file, const std::string& pointer) {
  if (!v.is_number()) bad(file, pointer, "expected a number");
  const double x = v.get<double>();
  if (!std::isfinite(x)) bad(file, pointer, "expected a finite number");
  return x;
}

std::int64_t whole_of(const json& v, std::int64_t min, std::int64_t max, const std::string& file,
                      const std::string& pointer) {
  if (!v.is_number_integer()) bad(file, pointer, "expected a whole number");
  const std::int64_t x = v.get<std::int64_t>();
  if (x < min || x > max)
    bad(file, pointer, "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max));
  return x;
}

bool label_ok(const std::string& label) {
  return !label.empty() && std::all_of(label.begin(), label.end(), is_label_char);
}

// A game's label by default: its spec with every character but those of labels turned into '_'.
std::string default_label(const std::string& spec) {
  std::string label;
  for (char c : spec) label += is_label_char(c) ? c : '_';
  return label;
}

// One entry of "games": a spec, or {"game": SPEC, "label": TEXT?, "x": NUMBER?}.
MarkovExperimentGame parse_markov_experiment_game(const json& entry, const std::string& file, const std::string& at) {
  MarkovExperimentGame game;
  if (entry.is_string()) {
    game.spec = config_text(entry, file, at);
  } else {
    if (!entry.is_object()) bad(file, at, "expected a game spec or {\"game\": SPEC, \"label\": ..., \"x\": ...}");
    check_config_members(entry, {"game", "label", "x"}, file, at);
    if (!entry.contains("game")) bad(file, at, "missing member 'game'");
    game.spec = config_text(entry["game"], file, at + "/game");
    if (entry.contains("label")) game.label = config_text(entry["label"], file, at + "/label");
    if (entry.contains("x")) game.x = number_of(entry["x"], file, at + "/x");
  }
  if (game.label.empty()) game.label = default_label(game.spec);
  return game;
}

void parse_markov_games(const json& doc, const std::string& file, MarkovExperimentConfig& config) {
  if (!doc.contains("games") || !doc["games"].is_array() || doc["games"].empty())
    bad(file, "/games", "expected a non-empty array of games");
  std::set<std::string> game_labels;
  for (std::size_t g = 0; g < doc["games"].size(); ++g) {
    const std::string at = "/games/" + std::to_string(g);
    MarkovExperimentGame game = parse_markov_experiment_game(doc["games"][g], file, at);
    if (!label_ok(game.label)) bad(file, at, "a label is made of letters, digits and ._+- only");
    if (!game_labels.insert(game.label).second) bad(file, at, "duplicate game label '" + game.label + "'");
    config.games.push_back(std::move(game));
  }
}

void check_markov_solver_known(const MarkovExperimentAlgorithm& algorithm, const std::string& file,
                               const std::string& at) {
  if (!find_solver(algorithm.solver, GameKind::markov, Feedback::bandit))
    bad(file, at + "/solver",
        "unknown Markov solver '" + algorithm.solver + "' (expected one of " +
            solver_names(GameKind::markov, Feedback::bandit) + ")");
}

// One entry of "algorithms" but the uniqueness of its label.
MarkovExperimentAlgorithm parse_markov_algorithm(const json& entry, const std::string& file, const std::string& at) {
  if (!entry.is_object()) bad(file, at, "expected {\"solver\": NAME, ...}");
  check_config_members(entry, {"solver", "label", "params", "episodes", "fit", "theory"}, file, at);
  MarkovExperimentAlgorithm algorithm;
  if (!entry.contains("solver")) bad(file, at, "missing member 'solver'");
  algorithm.solver = config_text(entry["solver"], file, at + "/solver");
  check_markov_solver_known(algorithm, file, at);
  algorithm.label = entry.contains("label") ? config_text(entry["label"], file, at + "/label") : algorithm.solver;
  if (!label_ok(algorithm.label)) bad(file, at + "/label", "a label is made of letters, digits and ._+- only");
  return algorithm;
}

// The members of an algorithm after its label: "params", "episodes", "fit", "theory".
void parse_markov_algorithm_options(const json& entry, MarkovExperimentAlgorithm& algorithm, const std::string& file,
                                    const std::string& at) {
  if (entry.contains("params")) {
    if (!entry["params"].is_object()) bad(file, at + "/params", "expected an object");
    algorithm.params = entry["params"];
  }
  if (entry.contains("episodes")) algorithm.episodes = whole_of(entry["episodes"], 1, INT64_C(1) << 40, file, at + "/episodes");
  if (entry.contains("fit")) {
    algorithm.fit = config_text(entry["fit"], file, at + "/fit");
    if (algorithm.fit != "power" && algorithm.fit != "exponential")
      bad(file, at + "/fit", "expected \"power\" or \"exponential\"");
  }
  if (entry.contains("theory")) algorithm.theory = number_of(entry["theory"], file, at + "/theory");
}

void parse_markov_algorithms(const json& doc, const std::string& file, MarkovExperimentConfig& config) {
  if (!doc.contains("algorithms") || !doc["algorithms"].is_array() || doc["algorithms"].empty())
    bad(file, "/algorithms", "expected a non-empty array of algorithms");
  std::set<std::string> labels;
  for (std::size_t a = 0; a < doc["algorithms"].size(); ++a) {
    const json& entry = doc["algorithms"][a];
    const std::string at = "/algorithms/" + std::to_string(a);
    MarkovExperimentAlgorithm algorithm = parse_markov_algorithm(entry, file, at);
    if (!labels.insert(algorithm.label).second) bad(file, at + "/label", "duplicate label '" + algorithm.label + "'");
    parse_markov_algorithm_options(entry, algorithm, file, at);
    config.algorithms.push_back(std::move(algorithm));
  }
}

void parse_markov_epsilons(const json& doc, const std::string& file, MarkovExperimentConfig& config) {
  if (!doc.contains("epsilon")) return;
  config.epsilons.clear();
  const json& e = doc["epsilon"];
  if (e.is_array()) {
    if (e.empty()) bad(file, "/epsilon", "expected at least one ε");
    for (std::size_t k = 0; k < e.size(); ++k) config.epsilons.push_back(number_of(e[k], file, "/epsilon/" + std::to_string(k)));
  } else {
    config.epsilons.push_back(number_of(e, file, "/epsilon"));
  }
  for (double eps : config.epsilons)
    if (!(eps > 0.0)) bad(file, "/epsilon", "every ε must be positive");
}

void parse_markov_metric(const json& doc, const std::string& file, MarkovExperimentConfig& config) {
  if (!doc.contains("metric")) return;
  config.metric = config_text(doc["metric"], file, "/metric");
  const std::vector<std::string>& names = markov_curve_metrics();
  if (std::find(names.begin(), names.end(), config.metric) == names.end() || config.metric == "seconds" ||
      config.metric == "memory_mb")
    bad(file, "/metric", "'" + config.metric + "' is not a gap column of a Markov run");
}

}  // namespace

bool is_markov_experiment(const json& document) {
  return document.is_object() && document.contains("type") && document["type"] == "markov";
}

MarkovExperimentConfig parse_markov_experiment_config(const json& doc, const std::string& file) {
  if (!doc.is_object()) bad(file, "", "an experiment config must be a JSON object");
  check_config_members(doc, {"type", "name", "games", "x_label", "algorithms", "seeds", "episodes", "checkpoints", "epsilon",
                      "metric"},
                file, "");
  MarkovExperimentConfig config;
  if (!is_markov_experiment(doc)) bad(file, "/type", "a Markov experiment has \"type\": \"markov\"");
  config.name = doc.contains("name") ? config_text(doc["name"], file, "/name") : fs::path(file).stem().string();
  config.folder = fs::path(file).parent_path().string();
  config.file = file;
  parse_markov_games(doc, file, config);
  if (doc.contains("x_label")) config.x_label = config_text(doc["x_label"], file, "/x_label");
  parse_markov_algorithms(doc, file, config);
  config.seeds = config_seeds(doc, file);
  if (!doc.contains("episodes")) bad(file, "", "missing member 'episodes'");
  config.episodes = whole_of(doc["episodes"], 1, INT64_C(1) << 40, file, "/episodes");
  if (doc.contains("checkpoints")) config.checkpoints = static_cast<int>(whole_of(doc["checkpoints"], 2, 1000, file, "/checkpoints"));
  parse_markov_epsilons(doc, file, config);
  parse_markov_metric(doc, file, config);
  return config;
}

bool is_markov_experiment_file(const std::string& path) {
  try {
    return is_markov_experiment(read_config_document(path));
  } catch (const InputError&) {
    return false;  // not for this reader to judge: the other config reader reports it
  }
}

MarkovExperimentConfig load_markov_experiment_config(const std::string& path) {
  return parse_markov_experiment_config(read_config_document(path), path);
}

}  // namespace eqlab

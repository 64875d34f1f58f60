#include "fuzz_inputs.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unistd.h>

#include <eqlab/algorithms/markov/policy_file.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/games/graph/graph_files.hpp>
#include <eqlab/games/graph/product_game.hpp>
#include <eqlab/games/graph/reference_model.hpp>
#include <eqlab/games/graph/temporal_goals.hpp>
#include <eqlab/games/io/distribution_file.hpp>
#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/markov/json_markov.hpp>
#include <eqlab/games/io/json_type_scan.hpp>
#include <eqlab/games/io/result_file.hpp>
#include <eqlab/games/io/preference_data.hpp>
#include <eqlab/games/markov/markov_builtin.hpp>
#include <eqlab/games/markov/reward_features_json.hpp>
#include <eqlab/games/markov/table_model.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/sim/experiment.hpp>
#include <eqlab/sim/markov/markov_experiment.hpp>
#include <eqlab/sim/marlhf/marlhf_experiment.hpp>

namespace eqlab::fuzz {
namespace {

// Most loaders read a path, as the command line gives them one: the input goes to a file
// of this process (on /dev/shm where there is one), named with the extension the format
// is recognised by, and is read back through the loader's own file checks.
// The folder of this process's input files, removed when the process ends.
class InputFolder {
 public:
  InputFolder() {
    const std::filesystem::path base = std::filesystem::exists("/dev/shm") ? std::filesystem::path("/dev/shm")
                                                                            : std::filesystem::temp_directory_path();
    path_ = base / ("eqlab-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(path_);
  }
  ~InputFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

std::string input_file(std::string_view input, const std::string& extension) {
  static const InputFolder folder;
  const std::string path = (folder.path() / ("input" + extension)).string();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(input.data(), static_cast<std::streamsize>(input.size()));
  if (!out.flush()) throw std::runtime_error("fuzz: cannot write " + path);
  return path;
}

// The errors a user may see for bad input; everything else is a defect.
template <class Load>
bool refusals_allowed(Load&& load) {
  try {
    load();
    return true;
  } catch (const InputError&) {
  } catch (const UsageError&) {
  }
  return false;
}

// The games results and distributions are read against: one extensive (Kuhn poker) and
// one normal-form game, the two shapes a strategy can take.
struct ReferenceGames {
  LoadedGame kuhn = load_game("kuhn");
  CompiledGame kuhn_compiled = compile(kuhn.tree);
  LoadedGame matrix = load_game(std::string(EQLAB_SOURCE_DIR) + "/examples/games/prisoners-dilemma.json");
  CompiledGame matrix_compiled = compile(matrix.tree);
};
const ReferenceGames& reference_games() {
  static const ReferenceGames games;
  return games;
}

bool game_json(std::string_view input) {
  const std::string path = input_file(input, ".json");
  return refusals_allowed([&] {
    std::istringstream scan{std::string(input)};
    const auto type = scan_json_type(scan);
    if (type == "graph") {
      (void)load_graph_game_file(path);
    } else if (type == "markov") {
      const TableMarkovModel model(load_markov_game_file(path));
      // A feature map is read only when a learner asks for it: read it here too.
      if (const nlohmann::json doc = nlohmann::json::parse(input, nullptr, false); has_reward_features(doc))
        (void)parse_reward_features(doc, path, model);
    } else {
      const LoadedGame game = load_game_file(path);
      (void)compile(game.tree);
    }
  });
}

bool gambit(std::string_view input) {
  const std::string path = input_file(input, input.rfind("NFG", 0) == 0 ? ".nfg" : ".efg");
  return refusals_allowed([&] {
    const LoadedGame game = load_game_file(path);
    (void)compile(game.tree);
  });
}

bool graphml(std::string_view input) {
  return refusals_allowed([&] { (void)read_graphml_game(std::string(input), "fuzz.graphml"); });
}

bool dot(std::string_view input) {
  return refusals_allowed([&] { (void)read_dot_game(std::string(input), "fuzz.dot"); });
}

bool reference_model(std::string_view input) {
  const std::string path = input_file(input, ".model");
  return refusals_allowed([&] { (void)load_reference_model(path); });
}

bool result(std::string_view input) {
  const std::string path = input_file(input, ".json");
  const ReferenceGames& games = reference_games();
  // Accepted when it is a strategy of either game.
  bool accepted = false;
  refusals_allowed([&] {
    const nlohmann::json document = read_result_file(path);
    accepted |= refusals_allowed([&] { (void)result_profile(document, games.kuhn_compiled, path); });
    accepted |= refusals_allowed([&] { (void)result_profile(document, games.matrix_compiled, path); });
  });
  return accepted;
}

bool distribution(std::string_view input) {
  const std::string path = input_file(input, ".jsonl");
  const ReferenceGames& games = reference_games();
  const bool kuhn = refusals_allowed([&] { (void)read_distribution_file(path, games.kuhn_compiled); });
  const bool matrix = refusals_allowed([&] { (void)read_distribution_file(path, games.matrix_compiled); });
  return kuhn || matrix;  // accepted when it is a distribution of either game
}

bool markov_policy(std::string_view input) {
  static const std::unique_ptr<MarkovModel> model = make_markov_builtin("markov-cycle");
  const std::string path = input_file(input, ".json");
  return refusals_allowed([&] { (void)read_markov_policy(path, *model); });
}

bool preference_data(std::string_view input) {
  static const std::unique_ptr<MarkovModel> model = make_markov_builtin("markov-cycle");
  const std::string path = input_file(input, ".jsonl");
  return refusals_allowed([&] { (void)read_preference_data(path, *model); });
}

bool experiment_config(std::string_view input) {
  const std::string path = input_file(input, ".json");
  return refusals_allowed([&] {
    if (is_markov_experiment_file(path))
      (void)load_markov_experiment_config(path);
    else if (is_marlhf_experiment_file(path))
      (void)load_marlhf_experiment_config(path);
    else
      (void)load_experiment_config(path);
  });
}

bool goals(std::string_view input) {
  // The drone example's airspace, so that goals that parse are also run along a graph.
  static const TurnGame airspace = load_graph_game_file(std::string(EQLAB_SOURCE_DIR) + "/examples/drone/airspace.json");
  const std::string path = input_file(input, ".json");
  return refusals_allowed([&] {
    const GoalSpec spec = load_goal_spec(path);
    // A smaller product bound than the command line's 2^22 states keeps each input fast;
    // the bound is checked by the same code.
    (void)build_product(airspace, spec.goals, std::size_t{1} << 14);
  });
}

}  // namespace

const std::vector<FuzzTarget>& fuzz_targets() {
  static const std::vector<FuzzTarget> targets = {
      {"game_json", "eqlab-game/1 JSON of every type (normal, extensive, markov, graph), compiled", game_json},
      {"gambit", "Gambit .efg and .nfg files, compiled", gambit},
      {"graphml", "graph games in GraphML", graphml},
      {"dot", "graph games in GraphViz DOT", dot},
      {"reference_model", "the published decoy experiments' .model files", reference_model},
      {"result", "eqlab-result/1 files, read against Kuhn poker and a matrix game", result},
      {"distribution", "distribution files (JSON Lines), read against Kuhn poker and a matrix game", distribution},
      {"markov_policy", "Markov policy files, read against markov-cycle", markov_policy},
      {"experiment_config", "experiment configs (extensive-form, Markov and preference)", experiment_config},
      {"goals", "eqlab-goals/1 files, run along the drone example's airspace", goals},
      {"preference_data", "preference datasets (eqlab-preferences/1, JSON Lines), read against markov-cycle",
       preference_data},
  };
  return targets;
}

const FuzzTarget& fuzz_target(std::string_view name) {
  for (const FuzzTarget& target : fuzz_targets())
    if (name == target.name) return target;
  throw std::invalid_argument("unknown fuzz target '" + std::string(name) + "'");
}

}  // namespace eqlab::fuzz

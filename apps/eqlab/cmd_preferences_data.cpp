// eqlab preferences-data: a preference dataset (eqlab-preferences/1) sampled from a Markov
// game under a behaviour policy, labelled per player by Bradley-Terry on the true returns.
#include <chrono>
#include <cmath>
#include <iostream>
#include <optional>

#include <tbb/global_control.h>

#include <eqlab/lib/progress.hpp>
#include <eqlab/sim/marlhf/preference_sampler.hpp>
#include <eqlab/sim/result_files.hpp>

#include "cli.hpp"
#include "game_input.hpp"
#include "markov_commands.hpp"
#include "output_file.hpp"
#include "report.hpp"

namespace eqlab::cli {

const std::string_view kPreferencesDataHelp =
    R"help(usage: eqlab preferences-data GAME --behaviour SPEC --pairs N --out FILE
                              [--temperature T] [--seed S] [--threads K]

Samples N trajectory pairs of a Markov game (a "markov" game file or a built-in
Markov game) under a behaviour policy and labels each pair for every player by
the Bradley-Terry model on the true returns: player i prefers the first
trajectory with probability 1 / (1 + exp(-(R_i - R_i') / T)), returns in the
game's reward units. The file holds states, joint actions and labels, never a
reward: it is what 'eqlab solve GAME --solver marlhf --data FILE' learns from.

behaviours (SPEC):
  equilibrium         every player plays an equilibrium of the game, computed
                      exactly by backward induction (a Markov perfect Nash
                      equilibrium for two players, a CCE for more): the data
                      covers that one policy only
  unilateral          each trajectory: with probability 1/(m+1) the
                      equilibrium, else one player, drawn uniformly, deviates to
                      a deterministic policy drawn uniformly (along one
                      trajectory, uniform actions) while the others keep it:
                      every unilateral deviation is covered
  uniform             every player uniformly at random
  FILE[,FILE...]      policy files (eqlab-markov-policy/1, product or
                      correlated, as 'eqlab solve --policy' writes them), one
                      drawn uniformly for each trajectory

options:
  --behaviour SPEC    how the trajectories are played (required)
  --pairs N           the number of pairs (required)
  --out FILE          the dataset, JSON Lines (docs/FORMAT.md, "Preference
                      datasets"); '-' for standard output
  --temperature T     the Bradley-Terry temperature (default 1)
  --seed S            pair k is drawn from its own stream of S, so the first n
                      pairs of a file are the n-pair file of the same seed
  --threads K         sample with K threads (default all; same file for any K)
  --mkdir             create the missing folders of --out
  --no-progress       no progress bar

example:
  eqlab preferences-data "markov-random(players=2,states=2,actions=2,horizon=2)" \
      --behaviour unilateral --pairs 2000 --out data.jsonl
)help";

int run_preferences_data(std::span<const std::string> argv) {
  const std::string command = "preferences-data";
  const Args args = parse_args(command, argv,
                               {{"--behaviour"}, {"--pairs"}, {"--out"}, {"--temperature"}, {"--seed"}, {"--threads"},
                                {"--no-progress", false}, kMkdirFlag, kMaxBytesFlag},
                               {"GAME"}, 1);
  allow_new_folders(args);
  if (!args.has("--behaviour"))
    throw CommandLineError(command, "missing --behaviour SPEC: equilibrium, unilateral, uniform or policy files");
  if (!args.has("--pairs")) throw CommandLineError(command, "missing --pairs N, the number of trajectory pairs");
  if (!args.has("--out")) throw CommandLineError(command, "missing --out FILE, where the dataset goes ('-': standard output)");
  PreferenceSampleOptions options;
  options.pairs = args.integer("--pairs", 0, 1, 1'000'000'000);
  options.seed = args.unsigned_integer("--seed", 0);
  const std::string temperature_text = args.text("--temperature", "1");
  try {
    std::size_t used = 0;
    options.temperature = std::stod(temperature_text, &used);
    if (used != temperature_text.size()) throw std::invalid_argument("trailing text");
  } catch (const std::exception&) {
    throw CommandLineError(command, "--temperature needs a positive number, not '" + temperature_text + "'");
  }
  if (!(options.temperature > 0.0) || !std::isfinite(options.temperature))
    throw CommandLineError(command, "--temperature needs a positive number, not '" + temperature_text + "'");
  const std::int64_t threads = args.integer("--threads", 0, 1, 4096);
  std::optional<tbb::global_control> thread_limit;
  if (threads > 0) thread_limit.emplace(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  const std::string out_path = args.text("--out");
  if (out_path != "-") prepare_output(out_path);

  const LoadLimits limits = load_limits(args);
  const std::string& spec = args.positional[0];
  if (!is_markov_argument(spec))
    throw BadInputError("'" + spec + "' is not a Markov game: give a \"markov\" game file or a built-in Markov game (" +
                        help_hint("games") + ")");
  const std::unique_ptr<MarkovModel> model = load_markov_argument(spec, limits);
  const auto start = std::chrono::steady_clock::now();
  std::optional<PreferenceBehaviour> behaviour;
  try {
    behaviour.emplace(*model, args.text("--behaviour"), limits);
  } catch (const UsageError& e) {
    throw BadInputError("--behaviour: " + std::string(e.what()));
  }

  ProgressBar bar("pairs", options.pairs, !args.has("--no-progress"));
  options.on_progress = [&](std::int64_t done) { bar.update(done); };
  const PreferenceDataset data = sample_preference_data(*model, *behaviour, options);
  bar.finish();
  const auto sampled = std::chrono::steady_clock::now();
  const auto write = [&](std::ostream& out) {
    write_preference_header(out, *model, data.temperature, data.behaviour);
    for (const PreferencePairRecord& pair : data.pairs) write_preference_pair(out, *model, pair);
  };
  if (out_path == "-") write(std::cout);
  else write_file_atomically(out_path, write);
  const auto written = std::chrono::steady_clock::now();
  const auto seconds = [](auto from, auto to) { return std::chrono::duration<double>(to - from).count(); };

  std::ostream& summary = out_path == "-" ? std::cerr : std::cout;
  std::vector<std::int64_t> first_preferred(model->num_players(), 0);
  for (const PreferencePairRecord& pair : data.pairs)
    for (int i = 0; i < model->num_players(); ++i) first_preferred[i] += pair.labels[i];
  summary << field("game") << model->name() << "\n"
          << field("behaviour") << data.behaviour << "\n"
          << field("pairs") << data.pairs.size() << ", temperature " << data.temperature << ", seed " << options.seed
          << ": sampled in " << duration_text(seconds(start, sampled)) << ", written in "
          << duration_text(seconds(sampled, written)) << "\n";
  for (int i = 0; i < model->num_players(); ++i)
    summary << field(i == 0 ? "first preferred" : "") << model->shape().players[i] << ": "
            << first_preferred[i] << " of " << data.pairs.size() << "\n";
  if (out_path != "-") summary << field("wrote") << out_path << "\n";
  return kExitOk;
}

}  // namespace eqlab::cli

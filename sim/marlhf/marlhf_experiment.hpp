#pragma once
// Nash gap against dataset size for the preference learner (docs/algorithms/marlhf.md,
// "The coverage experiment"): games × behaviours (coverage regimes) × learner variants
// (ablations) × dataset sizes × seeds. Each (game, behaviour, seed) samples one dataset of
// the largest size; every smaller size is its prefix (the sampler's pairs are drawn from
// their own streams), so the sizes of one seed are nested as data arriving over time.
//
// Config (JSON, "type": "marlhf"):
//   {"type": "marlhf", "name": TEXT?,
//    "games": [SPEC | {"game": SPEC, "label": TEXT?}, ...],
//    "behaviours": [SPEC | {"behaviour": SPEC, "label": TEXT?}, ...],
//                                   (equilibrium, unilateral, uniform, policy files)
//    "variants": [{"label": TEXT, "params": {...}?}, ...]?   (marlhf params; default one
//                                   variant "marlhf" with the defaults)
//    "pairs": [N, ...],             (increasing dataset sizes)
//    "seeds": N | [S, ...],
//    "temperature": T?}             (Bradley-Terry, default 1)
//
// Output folder DIR:
//   experiment.json   the config as run
//   runs.csv          game,behaviour,variant,pairs,seed,gap,reward_error,seconds
//                     (gap: the output's Nash gap, or CCE gap with 3+ players; reward_error:
//                     the largest over players, reward_estimation_error)
//   summary.csv       game,behaviour,variant,pairs,seeds,gap_mean,gap_low,gap_high,
//                     error_mean,error_low,error_high   (means over seeds, 95% Student-t)
//   fits.csv          game,behaviour,variant,points,slope,low,high: the least-squares slope
//                     of log mean gap against log pairs over the sizes whose mean gap is
//                     positive, with a 95% percentile bootstrap interval (seeds resampled
//                     at every size, 1000 times); slope nan with fewer than two points
//   plots/<game>.png  the mean gap and its interval against pairs, log-log, one line
//                     per behaviour, under the first variant
//   plots/<game>-<behaviour>.png   with several variants: one line per variant (the
//                     ablations) on that behaviour's data
// Every number except `seconds` is the same for any thread count.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace eqlab {

struct MarlhfExperimentConfig {
  struct Game {
    std::string spec, label;
  };
  struct Behaviour {
    std::string spec, label;
  };
  struct Variant {
    std::string label;
    nlohmann::json params = nlohmann::json::object();
  };
  std::string name;
  std::vector<Game> games;
  std::vector<Behaviour> behaviours;
  std::vector<Variant> variants;
  std::vector<std::int64_t> pairs;
  std::vector<std::uint64_t> seeds;
  double temperature = 1.0;
  std::string folder;  // where relative game and policy files are looked up
};

bool is_marlhf_experiment_file(const std::string& path);
// Throws InputError(file, pointer, what) for anything wrong, including unknown marlhf params.
MarlhfExperimentConfig parse_marlhf_experiment_config(const nlohmann::json& document, const std::string& file);
MarlhfExperimentConfig load_marlhf_experiment_config(const std::string& path);

struct MarlhfExperimentOptions {
  std::string out_dir;
  bool plots = true;
  // Called after each (game, behaviour, seed) task with the tasks done and their number,
  // one call at a time.
  std::function<void(std::int64_t done, std::int64_t total)> on_task_done;
  // Polled between runs: true stops the experiment, leaving no file (report.interrupted).
  std::function<bool()> should_stop;
};

struct MarlhfSummaryRow {
  std::string game, behaviour, variant;
  std::int64_t pairs = 0;
  int seeds = 0;
  double gap_mean = 0.0, gap_low = 0.0, gap_high = 0.0;
  double error_mean = 0.0, error_low = 0.0, error_high = 0.0;
};

struct MarlhfFitRow {
  std::string game, behaviour, variant;
  int points = 0;
  double slope = 0.0, low = 0.0, high = 0.0;
};

struct MarlhfExperimentReport {
  int runs = 0;
  bool interrupted = false;
  std::vector<MarlhfSummaryRow> summary;
  std::vector<MarlhfFitRow> fits;
  std::vector<std::string> files;
};

MarlhfExperimentReport run_marlhf_experiment(const MarlhfExperimentConfig& config,
                                             const MarlhfExperimentOptions& options);

}  // namespace eqlab

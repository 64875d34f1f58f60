#pragma once
// The summary of an extensive-form experiment (sim/experiment.hpp), made from its run files
// once every run is complete: per (game, algorithm) pair, every metric's mean and 95%
// interval over seeds at each checkpoint, the fitted rates of the chosen metric, and with
// two games or more the final regret against the game's size; then its tables and plots.
// The statistics are sim/statistics.hpp; the run grid and files sim/experiment/.
#include <cstdint>
#include <filesystem>
#include <vector>

#include <eqlab/sim/experiment.hpp>
#include <eqlab/sim/plot.hpp>
#include <eqlab/sim/size_plot.hpp>

namespace eqlab {

// What the plots draw: per game, the chosen metric's mean and interval per algorithm
// (band_curve); per algorithm, its final regret against sqrt(XA) (with two games or more).
struct ExperimentFigures {
  std::vector<std::vector<LabelledCurve>> games;
  std::vector<SizeSeries> sizes;
};

// Reads the run file of every (game, algorithm, seed) of the config under out_dir back
// (so that a resumed experiment and a fresh one summarise the same numbers: the files hold
// every double exactly) and fills report.summary, rates, sizes and size_rates. game_xa:
// game_size_xa of each game.
ExperimentFigures summarise_experiment(const ExperimentConfig& config, const std::filesystem::path& out_dir,
                                       const std::vector<std::int64_t>& checkpoints,
                                       const std::vector<std::int64_t>& game_xa, ExperimentReport& report);

// Writes summary.csv and rates.csv, then with two games or more sizes.csv and
// size_rates.csv, and puts their paths first in report.files.
void write_experiment_tables(const std::filesystem::path& out_dir, bool with_sizes, ExperimentReport& report);

// Draws plots/<game>.png and .svg per game and plots/size.png and .svg (when there are
// size series), adding their paths to report.files; what cannot be drawn is a note (no
// gnuplot, a figure with nothing to draw).
void plot_experiment(const ExperimentConfig& config, const std::filesystem::path& out_dir,
                     const std::vector<std::int64_t>& checkpoints, const ExperimentFigures& figures,
                     ExperimentReport& report);

}  // namespace eqlab

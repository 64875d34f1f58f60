#pragma once
// What a Markov experiment (sim/markov/markov_experiment.hpp) makes of its runs once they
// are done: the metric's median and quartiles over seeds (summary.csv), the episodes to
// each ε with bootstrap intervals (episodes.csv), the scaling fits (fits.csv, eps_fits.csv)
// and the plots. The statistics are sim/statistics.hpp and sim/markov/scaling_fit.hpp; the
// run grid and table forms sim/experiment/.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <eqlab/sim/curve.hpp>
#include <eqlab/sim/experiment/schedule.hpp>
#include <eqlab/sim/markov/markov_experiment.hpp>

namespace eqlab {

// One run of a Markov experiment: its curve, or why the solver would not run.
struct MarkovRunRecord {
  Curve curve;
  std::string refused;  // the solver's reason, when it would not run
};

// Every run of an experiment, in the order of its grid.
struct MarkovExperimentRuns {
  RunGrid grid;
  std::vector<MarkovRunRecord> records;
  // The runs of one (game, algorithm) pair, seed by seed.
  std::vector<const MarkovRunRecord*> of_pair(std::size_t game, std::size_t algorithm) const;
};

// The episode budget of algorithm a: its own, or the config's.
std::int64_t markov_episode_budget(const MarkovExperimentConfig& config, std::size_t a);

// Each run's metric at `episodes`: its last checkpoint at or before it (runs that stop
// early, or jump past checkpoints, keep their last value), sorted; refused runs left out.
std::vector<double> sorted_values_at(const std::vector<const MarkovRunRecord*>& runs, const std::string& metric,
                                     std::int64_t episodes);

// summary.csv: per checkpoint of each algorithm's budget, the metric's median and
// quartiles over the runs; its path goes to report.files.
void write_markov_summary_table(const MarkovExperimentConfig& config, const MarkovExperimentRuns& runs,
                                const std::filesystem::path& out, MarkovExperimentReport& report);

// Fills report.episodes (and report.refused), report.fits and report.epsilon_fits.
void summarise_markov_episodes(const MarkovExperimentConfig& config, const MarkovExperimentRuns& runs,
                               MarkovExperimentReport& report);

// episodes.csv, fits.csv and, with ε fits, eps_fits.csv; their paths go to report.files.
void write_markov_tables(const std::filesystem::path& out, MarkovExperimentReport& report);

// plots/<game>.png per game and plots/scaling.png with two games or more; a note when
// gnuplot is missing or a figure has nothing to draw. game_names: each game's model name.
void plot_markov_experiment(const MarkovExperimentConfig& config, const MarkovExperimentRuns& runs,
                            const std::vector<std::string>& game_names, const std::filesystem::path& out,
                            MarkovExperimentReport& report);

}  // namespace eqlab

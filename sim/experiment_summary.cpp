#include <eqlab/sim/experiment_summary.hpp>

#include <algorithm>
#include <cmath>
#include <utility>

#include <eqlab/sim/experiment/run_files.hpp>
#include <eqlab/sim/experiment/summary.hpp>
#include <eqlab/sim/result_files.hpp>
#include <eqlab/sim/statistics.hpp>

namespace eqlab {

namespace fs = std::filesystem;

namespace {

// A cell of the summary: the mean of `values` over seeds and its 95% interval.
SummaryRow summary_over_seeds(const std::vector<double>& values) {
  const MeanInterval m = mean_interval_95(values);
  SummaryRow row;
  row.seeds = m.samples;
  row.mean = m.mean;
  row.sd = m.sd;
  row.low = m.low;
  row.high = m.high;
  return row;
}

// The curves of one (game, algorithm) pair's runs, seed by seed, read from their files.
std::vector<Curve> read_pair_runs(const ExperimentConfig& config, const fs::path& out_dir, std::size_t g,
                                  std::size_t a) {
  std::vector<Curve> runs;
  const fs::path folder = run_folder(out_dir, config.games[g].label, config.algorithms[a].label);
  for (std::uint64_t seed : config.seeds) runs.push_back(read_curve_csv((folder / (run_file_stem(seed) + ".csv")).string()));
  return runs;
}

// One pair's part of the summary: every metric at every checkpoint; the chosen metric's
// means also go to `band` (with their intervals) and to `fitted_mean`.
void summarise_metrics(const ExperimentConfig& config, std::size_t g, std::size_t a, const std::vector<Curve>& runs,
                       const std::vector<std::int64_t>& checkpoints, std::vector<SummaryRow>& summary, Curve& band,
                       std::vector<double>& fitted_mean) {
  const std::vector<std::string>& metrics = runs.front().metrics;
  for (std::size_t k = 0; k < metrics.size(); ++k) {
    for (std::size_t r = 0; r < checkpoints.size(); ++r) {
      std::vector<double> values;
      for (const Curve& run : runs) values.push_back(run.rows[r].values[k]);
      SummaryRow row = summary_over_seeds(values);
      row.game = config.games[g].label;
      row.label = config.algorithms[a].label;
      row.metric = metrics[k];
      row.iteration = checkpoints[r];
      if (row.metric == config.metric) {
        band.add_row(row.iteration, {row.mean, row.low, row.high});
        fitted_mean.push_back(row.mean);
      }
      summary.push_back(std::move(row));
    }
  }
}

// The spread of the rates: one fit per seed's column `k`, summarised like the metrics.
void add_seed_spread(const std::vector<Curve>& runs, int k, const std::vector<std::int64_t>& checkpoints,
                     RateRow& rate) {
  std::vector<double> seed_slopes, seed_eps_slopes;
  for (const Curve& run : runs) {
    std::vector<double> column;
    for (const Curve::Row& row : run.rows) column.push_back(row.values[k]);
    seed_slopes.push_back(fit_regret_rate(checkpoints, column).slope);
    seed_eps_slopes.push_back(fit_episodes_to_epsilon(checkpoints, column).slope);
  }
  const SummaryRow spread = summary_over_seeds(seed_slopes);
  rate.seed_slopes = spread.seeds;
  rate.seed_slope_mean = spread.mean;
  rate.seed_slope_low = spread.low;
  rate.seed_slope_high = spread.high;
  const SummaryRow eps_spread = summary_over_seeds(seed_eps_slopes);
  rate.eps_seed_slopes = eps_spread.seeds;
  rate.eps_seed_mean = eps_spread.mean;
  rate.eps_seed_low = eps_spread.low;
  rate.eps_seed_high = eps_spread.high;
}

// The fitted rates of one pair: of the mean curve, then seed by seed.
RateRow pair_rate(const ExperimentConfig& config, std::size_t g, std::size_t a, const std::vector<Curve>& runs,
                  const std::vector<std::int64_t>& checkpoints, const std::vector<double>& fitted_mean) {
  RateRow rate = fit_regret_rate(checkpoints, fitted_mean);
  const EpisodesFit episodes = fit_episodes_to_epsilon(checkpoints, fitted_mean);
  rate.eps_points = episodes.points;
  rate.eps_slope = episodes.slope;
  add_seed_spread(runs, runs.front().metric_index(config.metric), checkpoints, rate);
  rate.game = config.games[g].label;
  rate.label = config.algorithms[a].label;
  rate.metric = config.metric;
  return rate;
}

// The regret of one pair at the last checkpoint, seed by seed, then over seeds.
SizeRow final_regret(const ExperimentConfig& config, std::size_t g, std::size_t a, const std::vector<Curve>& runs,
                     const std::vector<std::int64_t>& checkpoints, std::int64_t xa) {
  const int k = runs.front().metric_index(config.metric);
  std::vector<double> final_regrets;
  const double horizon = static_cast<double>(checkpoints.back());
  for (const Curve& run : runs) final_regrets.push_back(run.rows.back().values[k] * horizon);
  const SummaryRow finals = summary_over_seeds(final_regrets);
  SizeRow size;
  size.game = config.games[g].label;
  size.label = config.algorithms[a].label;
  size.metric = config.metric;
  size.xa = xa;
  size.sqrt_xa = std::sqrt(static_cast<double>(size.xa));
  size.final_iteration = checkpoints.back();
  size.final_regret_mean = finals.mean;
  size.final_regret_low = finals.low;
  size.final_regret_high = finals.high;
  return size;
}

// Per algorithm: the least-squares slope of log(final regret mean) against log(sqrt(XA))
// over the games, and its line of the size figure.
std::vector<SizeSeries> fit_size_rates(const ExperimentConfig& config, ExperimentReport& report) {
  std::vector<SizeSeries> size_figure;
  for (std::size_t a = 0; a < config.algorithms.size(); ++a) {
    SizeRateRow fit;
    fit.label = config.algorithms[a].label;
    fit.metric = config.metric;
    SizeSeries line;
    line.label = fit.label;
    std::vector<double> xs, ys;
    for (const SizeRow& row : report.sizes) {
      if (row.label != fit.label) continue;
      line.x.push_back(row.sqrt_xa);
      line.y.push_back(row.final_regret_mean);
      line.low.push_back(row.final_regret_low);
      line.high.push_back(row.final_regret_high);
      if (!(row.final_regret_mean > 0.0) || !std::isfinite(row.final_regret_mean) || row.xa < 1) continue;
      xs.push_back(std::log(row.sqrt_xa));
      ys.push_back(std::log(row.final_regret_mean));
    }
    if (line.x.empty()) continue;  // the algorithm does not measure the metric
    fit.games = static_cast<int>(xs.size());
    fit.slope = least_squares_slope(xs, ys);
    report.size_rates.push_back(std::move(fit));
    size_figure.push_back(std::move(line));
  }
  return size_figure;
}

}  // namespace

std::int64_t game_size_xa(const CompiledGame& game) {
  std::int64_t most = 0;
  for (const Treeplex& t : game.treeplex) most = std::max<std::int64_t>(most, t.num_sequences() - 1);
  return most;
}

ExperimentFigures summarise_experiment(const ExperimentConfig& config, const fs::path& out_dir,
                                       const std::vector<std::int64_t>& checkpoints,
                                       const std::vector<std::int64_t>& game_xa, ExperimentReport& report) {
  ExperimentFigures figures;
  const bool sizes = config.games.size() >= 2;
  std::vector<std::pair<std::size_t, SizeRow>> size_cells;  // with the algorithm's index
  for (std::size_t g = 0; g < config.games.size(); ++g) {
    std::vector<LabelledCurve>& figure = figures.games.emplace_back();
    for (std::size_t a = 0; a < config.algorithms.size(); ++a) {
      const std::vector<Curve> runs = read_pair_runs(config, out_dir, g, a);
      Curve band = band_curve(config.metric);
      std::vector<double> fitted_mean;
      summarise_metrics(config, g, a, runs, checkpoints, report.summary, band, fitted_mean);
      if (fitted_mean.empty()) continue;
      RateRow rate = pair_rate(config, g, a, runs, checkpoints, fitted_mean);
      if (sizes) size_cells.emplace_back(a, final_regret(config, g, a, runs, checkpoints, game_xa[g]));
      report.rates.push_back(std::move(rate));
      figure.push_back({config.algorithms[a].label, std::move(band)});
    }
  }
  // Regret against game size, per algorithm: its games in config order, then the fit.
  std::stable_sort(size_cells.begin(), size_cells.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  for (auto& [a, row] : size_cells) report.sizes.push_back(std::move(row));
  if (sizes) figures.sizes = fit_size_rates(config, report);
  return figures;
}

namespace {

void write_summary_table(const fs::path& path, const std::vector<SummaryRow>& rows) {
  write_csv_table(path, "game,label,metric,iteration,seeds,mean,sd,low,high", rows,
                  [](std::ostream& out, const SummaryRow& row) {
                    out << row.game << ',' << row.label << ',' << row.metric << ',' << row.iteration << ','
                        << row.seeds << ',' << exact_number_text(row.mean) << ',' << exact_number_text(row.sd) << ','
                        << exact_number_text(row.low) << ',' << exact_number_text(row.high) << '\n';
                  });
}

void write_rates_table(const fs::path& path, const std::vector<RateRow>& rows) {
  write_csv_table(path,
                  "game,label,metric,points,first_iteration,last_iteration,slope,theory,seed_slopes,seed_slope_mean,"
                  "seed_slope_low,seed_slope_high,eps_points,eps_slope,eps_theory,eps_seed_slopes,eps_seed_mean,"
                  "eps_seed_low,eps_seed_high",
                  rows, [](std::ostream& out, const RateRow& rate) {
                    out << rate.game << ',' << rate.label << ',' << rate.metric << ',' << rate.points << ','
                        << rate.first_iteration << ',' << rate.last_iteration << ',' << exact_number_text(rate.slope)
                        << ',' << exact_number_text(rate.theory) << ',' << rate.seed_slopes << ','
                        << exact_number_text(rate.seed_slope_mean) << ',' << exact_number_text(rate.seed_slope_low)
                        << ',' << exact_number_text(rate.seed_slope_high) << ',' << rate.eps_points << ','
                        << exact_number_text(rate.eps_slope) << ',' << exact_number_text(rate.eps_theory) << ','
                        << rate.eps_seed_slopes << ',' << exact_number_text(rate.eps_seed_mean) << ','
                        << exact_number_text(rate.eps_seed_low) << ',' << exact_number_text(rate.eps_seed_high)
                        << '\n';
                  });
}

void write_sizes_table(const fs::path& path, const std::vector<SizeRow>& rows) {
  write_csv_table(path, "game,label,metric,xa,sqrt_xa,final_iteration,final_regret_mean,final_regret_low,final_regret_high",
                  rows, [](std::ostream& out, const SizeRow& row) {
                    out << row.game << ',' << row.label << ',' << row.metric << ',' << row.xa << ','
                        << exact_number_text(row.sqrt_xa) << ',' << row.final_iteration << ','
                        << exact_number_text(row.final_regret_mean) << ',' << exact_number_text(row.final_regret_low)
                        << ',' << exact_number_text(row.final_regret_high) << '\n';
                  });
}

void write_size_rates_table(const fs::path& path, const std::vector<SizeRateRow>& rows) {
  write_csv_table(path, "label,metric,games,slope,theory", rows, [](std::ostream& out, const SizeRateRow& row) {
    out << row.label << ',' << row.metric << ',' << row.games << ',' << exact_number_text(row.slope) << ','
        << exact_number_text(row.theory) << '\n';
  });
}

}  // namespace

void write_experiment_tables(const fs::path& out_dir, bool with_sizes, ExperimentReport& report) {
  std::vector<std::string> tables{(out_dir / "summary.csv").string(), (out_dir / "rates.csv").string()};
  write_summary_table(out_dir / "summary.csv", report.summary);
  write_rates_table(out_dir / "rates.csv", report.rates);
  if (with_sizes) {
    write_sizes_table(out_dir / "sizes.csv", report.sizes);
    write_size_rates_table(out_dir / "size_rates.csv", report.size_rates);
    tables.push_back((out_dir / "sizes.csv").string());
    tables.push_back((out_dir / "size_rates.csv").string());
  }
  report.files.insert(report.files.begin(), tables.begin(), tables.end());
}

}  // namespace eqlab

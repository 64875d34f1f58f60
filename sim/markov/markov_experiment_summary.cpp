#include <eqlab/sim/markov/markov_experiment_summary.hpp>

#include <algorithm>
#include <cmath>

#include <eqlab/lib/number.hpp>
#include <eqlab/sim/experiment/summary.hpp>
#include <eqlab/sim/markov/scaling_fit.hpp>
#include <eqlab/sim/result_files.hpp>
#include <eqlab/sim/statistics.hpp>

namespace eqlab {

namespace fs = std::filesystem;

std::vector<const MarkovRunRecord*> MarkovExperimentRuns::of_pair(std::size_t game, std::size_t algorithm) const {
  std::vector<const MarkovRunRecord*> list;
  for (std::size_t s = 0; s < grid.seeds(); ++s) list.push_back(&records[grid.index(game, algorithm, s)]);
  return list;
}

std::int64_t markov_episode_budget(const MarkovExperimentConfig& config, std::size_t a) {
  return config.algorithms[a].episodes ? config.algorithms[a].episodes : config.episodes;
}

std::vector<double> sorted_values_at(const std::vector<const MarkovRunRecord*>& runs, const std::string& metric,
                                     std::int64_t episodes) {
  std::vector<double> values;
  for (const MarkovRunRecord* record : runs) {
    if (!record->refused.empty() || record->curve.empty()) continue;
    const int column = record->curve.metric_index(metric);
    double v = kNaN;
    for (const Curve::Row& row : record->curve.rows)
      if (row.iteration <= episodes) v = row.values[column];
    if (std::isfinite(v)) values.push_back(v);
  }
  std::sort(values.begin(), values.end());
  return values;
}

namespace {

// A line of summary.csv: the metric of a (game, algorithm) pair's runs at a checkpoint.
struct MarkovSummaryRow {
  std::size_t game = 0, algorithm = 0;
  std::int64_t episodes = 0;
  std::size_t runs = 0;
  double median = 0.0, q25 = 0.0, q75 = 0.0;
};

std::vector<MarkovSummaryRow> markov_summary_rows(const MarkovExperimentConfig& config,
                                                  const MarkovExperimentRuns& runs) {
  std::vector<MarkovSummaryRow> rows;
  for (std::size_t g = 0; g < runs.grid.games(); ++g)
    for (std::size_t a = 0; a < runs.grid.algorithms(); ++a)
      for (std::int64_t k : checkpoint_iterations(markov_episode_budget(config, a), config.checkpoints)) {
        const std::vector<double> values = sorted_values_at(runs.of_pair(g, a), config.metric, k);
        if (values.empty()) continue;
        rows.push_back({g, a, k, values.size(), quantile_sorted(values, 0.5), quantile_sorted(values, 0.25),
                        quantile_sorted(values, 0.75)});
      }
  return rows;
}

// The episodes each run that ran needed to reach each ε, per (game, algorithm) pair and ε,
// in seed order.
struct EpsilonReach {
  std::size_t epsilons = 0;
  std::vector<std::vector<double>> reach;  // index pair · epsilons + e
  // The first checkpoint of each pair: an ε reached there is reached "at the start", a
  // value known only from above, which no fit can use.
  std::vector<double> first_checkpoint;
  const std::vector<double>& of(std::size_t pair, std::size_t e) const { return reach[pair * epsilons + e]; }
};

EpsilonReach episodes_to_epsilons(const MarkovExperimentConfig& config, const MarkovExperimentRuns& runs) {
  const RunGrid& grid = runs.grid;
  EpsilonReach out;
  out.epsilons = config.epsilons.size();
  out.reach.resize(grid.pairs() * out.epsilons);
  out.first_checkpoint.assign(grid.pairs(), kNaN);
  for (std::size_t r = 0; r < grid.size(); ++r) {
    const MarkovRunRecord& record = runs.records[r];
    if (!record.refused.empty()) continue;
    const RunCell cell = grid.cell(r);
    const std::size_t pair = grid.pair_index(cell.game, cell.algorithm);
    if (!record.curve.rows.empty()) out.first_checkpoint[pair] = static_cast<double>(record.curve.rows.front().iteration);
    std::vector<std::int64_t> ks;
    for (const Curve::Row& row : record.curve.rows) ks.push_back(row.iteration);
    const std::vector<double> gaps = record.curve.column(config.metric);
    for (std::size_t e = 0; e < out.epsilons; ++e)
      out.reach[pair * out.epsilons + e].push_back(episodes_to_epsilon(ks, gaps, config.epsilons[e]));
  }
  return out;
}

// The row of episodes.csv of game g, algorithm a and ε number e.
MarkovEpisodesRow episodes_row(const MarkovExperimentConfig& config, const RunGrid& grid, const EpsilonReach& reach,
                               std::size_t g, std::size_t a, std::size_t e) {
  const std::size_t pair = grid.pair_index(g, a);
  const std::vector<double>& seeds = reach.of(pair, e);
  MarkovEpisodesRow row;
  row.game = config.games[g].label;
  row.label = config.algorithms[a].label;
  row.x = config.games[g].x;
  row.epsilon = config.epsilons[e];
  row.seeds = static_cast<int>(seeds.size());
  row.reached = static_cast<int>(std::count_if(seeds.begin(), seeds.end(), [](double k) { return std::isfinite(k); }));
  row.median = censored_median(seeds);
  // The median's 95% bootstrap interval over seeds: a fit over one point.
  row.low = row.high = kNaN;
  if (seeds.size() >= 2 && std::isfinite(row.median)) {
    const auto [low, high] = median_interval(seeds, config.seeds.front() + pair * reach.epsilons + e);
    row.low = low;
    row.high = high;
  }
  row.status = seeds.empty()                               ? "refused"
               : !std::isfinite(row.median)                ? "not reached"
               : row.median <= reach.first_checkpoint[pair] ? "at start"
                                                            : "ok";
  return row;
}

// Whether the seeds of (pair, e) give a point to fit: some ran, and ε was not reached at
// the start.
bool fit_point_usable(const EpsilonReach& reach, const MarkovExperimentReport& report, std::size_t pair,
                      std::size_t e) {
  return !reach.of(pair, e).empty() && report.episodes[pair * reach.epsilons + e].status != "at start";
}

// Per algorithm and ε: the scaling of episodes with x over the games.
void fit_over_games(const MarkovExperimentConfig& config, const RunGrid& grid, const EpsilonReach& reach,
                    MarkovExperimentReport& report) {
  for (std::size_t a = 0; a < grid.algorithms(); ++a)
    for (std::size_t e = 0; e < reach.epsilons; ++e) {
      std::vector<ScalingPoint> points;
      for (std::size_t g = 0; g < grid.games(); ++g)
        if (fit_point_usable(reach, report, grid.pair_index(g, a), e))
          points.push_back({config.games[g].x, reach.of(grid.pair_index(g, a), e)});
      // With fewer than two usable points the row stays, with no slope, so that the
      // summary says why there is no fit.
      const MarkovExperimentAlgorithm& algorithm = config.algorithms[a];
      const ScalingModel model = algorithm.fit == "exponential" ? ScalingModel::exponential : ScalingModel::power;
      const ScalingFit fit = fit_scaling(points, model, 1000, config.seeds.front() + a * reach.epsilons + e);
      report.fits.push_back({algorithm.label, config.epsilons[e], algorithm.fit, fit.points, fit.slope, fit.low,
                             fit.high, algorithm.theory});
    }
}

// Per game and algorithm: the scaling of episodes with 1/ε.
void fit_over_epsilons(const MarkovExperimentConfig& config, const RunGrid& grid, const EpsilonReach& reach,
                       MarkovExperimentReport& report) {
  for (std::size_t g = 0; g < grid.games(); ++g)
    for (std::size_t a = 0; a < grid.algorithms(); ++a) {
      const std::size_t pair = grid.pair_index(g, a);
      std::vector<ScalingPoint> points;
      for (std::size_t e = 0; e < reach.epsilons; ++e)
        if (fit_point_usable(reach, report, pair, e)) points.push_back({1.0 / config.epsilons[e], reach.of(pair, e)});
      const ScalingFit fit = fit_scaling(points, ScalingModel::power, 1000, config.seeds.front() + pair);
      report.epsilon_fits.push_back(
          {config.games[g].label, config.algorithms[a].label, fit.points, fit.slope, fit.low, fit.high});
    }
}

}  // namespace

void write_markov_summary_table(const MarkovExperimentConfig& config, const MarkovExperimentRuns& runs,
                                const fs::path& out, MarkovExperimentReport& report) {
  write_csv_table(out / "summary.csv", "game,label,metric,episodes,runs,median,q25,q75", markov_summary_rows(config, runs),
                  [&](std::ostream& o, const MarkovSummaryRow& row) {
                    o << config.games[row.game].label << ',' << config.algorithms[row.algorithm].label << ','
                      << config.metric << ',' << row.episodes << ',' << row.runs << ','
                      << exact_number_text(row.median) << ',' << exact_number_text(row.q25) << ','
                      << exact_number_text(row.q75) << '\n';
                  });
  report.files.push_back((out / "summary.csv").string());
}

void summarise_markov_episodes(const MarkovExperimentConfig& config, const MarkovExperimentRuns& runs,
                               MarkovExperimentReport& report) {
  const RunGrid& grid = runs.grid;
  const EpsilonReach reach = episodes_to_epsilons(config, runs);
  for (std::size_t g = 0; g < grid.games(); ++g)
    for (std::size_t a = 0; a < grid.algorithms(); ++a)
      for (std::size_t e = 0; e < reach.epsilons; ++e) {
        report.episodes.push_back(episodes_row(config, grid, reach, g, a, e));
        if (report.episodes.back().seeds == 0) ++report.refused;
      }
  if (grid.games() >= 2) fit_over_games(config, grid, reach, report);
  if (reach.epsilons >= 2) fit_over_epsilons(config, grid, reach, report);
}

void write_markov_tables(const fs::path& out, MarkovExperimentReport& report) {
  write_csv_table(out / "episodes.csv", "game,label,x,epsilon,seeds,reached,median,low,high,status", report.episodes,
                  [](std::ostream& o, const MarkovEpisodesRow& r) {
                    o << r.game << ',' << r.label << ',' << exact_number_text(r.x) << ','
                      << exact_number_text(r.epsilon) << ',' << r.seeds << ',' << r.reached << ','
                      << exact_number_text(r.median) << ',' << exact_number_text(r.low) << ','
                      << exact_number_text(r.high) << ',' << r.status << '\n';
                  });
  report.files.push_back((out / "episodes.csv").string());
  write_csv_table(out / "fits.csv", "label,epsilon,model,points,slope,low,high,theory", report.fits,
                  [](std::ostream& o, const MarkovFitRow& r) {
                    o << r.label << ',' << exact_number_text(r.epsilon) << ',' << r.model << ',' << r.points << ','
                      << exact_number_text(r.slope) << ',' << exact_number_text(r.low) << ','
                      << exact_number_text(r.high) << ',' << exact_number_text(r.theory) << '\n';
                  });
  report.files.push_back((out / "fits.csv").string());
  if (report.epsilon_fits.empty()) return;
  write_csv_table(out / "eps_fits.csv", "game,label,points,slope,low,high", report.epsilon_fits,
                  [](std::ostream& o, const MarkovEpsilonFitRow& r) {
                    o << r.game << ',' << r.label << ',' << r.points << ',' << exact_number_text(r.slope) << ','
                      << exact_number_text(r.low) << ',' << exact_number_text(r.high) << '\n';
                  });
  report.files.push_back((out / "eps_fits.csv").string());
}

}  // namespace eqlab

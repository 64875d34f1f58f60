// The MARLHF coverage experiment (sim/marlhf/marlhf_experiment.hpp): the runs, their
// summary over seeds, the fitted slopes and the plots.
#include <eqlab/sim/marlhf/marlhf_experiment.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>

#include <tbb/parallel_for.h>

#include <eqlab/games/markov/markov_source.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/rng.hpp>
#include <eqlab/sim/experiment/config.hpp>
#include <eqlab/sim/marlhf/marlhf_evaluation.hpp>
#include <eqlab/sim/marlhf/preference_sampler.hpp>
#include <eqlab/sim/plot.hpp>
#include <eqlab/sim/result_files.hpp>
#include <eqlab/sim/statistics.hpp>

namespace eqlab {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kBootstrapStream = 0x6d61726c'66697431ULL;
constexpr int kResamples = 1000;

struct RunRow {
  std::size_t game = 0, behaviour = 0, variant = 0, size = 0, seed = 0;
  double gap = 0.0, reward_error = 0.0, seconds = 0.0;
};

// A policy file named in a behaviour is looked up beside the config first, like games.
std::string behaviour_beside_config(const std::string& folder, const std::string& spec) {
  if (spec == "equilibrium" || spec == "unilateral" || spec == "uniform") return spec;
  std::string out, part;
  std::stringstream files(spec);
  while (std::getline(files, part, ',')) out += (out.empty() ? "" : ",") + game_spec_beside_config(folder, part);
  return out;
}

// What each variant learns with, on one game: its options and its reward features.
struct Variant {
  MarlhfOptions options;
  RewardFeatures features;
};

// All runs of one (game, behaviour, seed): one dataset of the largest size, its prefixes.
void run_task(const MarlhfExperimentConfig& config, const MarkovModel& model, const PreferenceBehaviour& behaviour,
              const std::vector<Variant>& variants, std::size_t g, std::size_t b, std::size_t seed_index,
              std::vector<RunRow>& rows, const std::function<bool()>& should_stop) {
  PreferenceSampleOptions sample;
  sample.pairs = config.pairs.back();
  sample.temperature = config.temperature;
  sample.seed = config.seeds[seed_index];
  const PreferenceDataset all = sample_preference_data(model, behaviour, sample);
  // The sizes increase, so each prefix grows from the last one.
  PreferenceDataset data{all.game, all.temperature, all.behaviour, {}};
  for (std::size_t n = 0; n < config.pairs.size(); ++n) {
    data.pairs.insert(data.pairs.end(), all.pairs.begin() + static_cast<std::ptrdiff_t>(data.pairs.size()),
                      all.pairs.begin() + config.pairs[n]);
    for (std::size_t v = 0; v < variants.size(); ++v) {
      if (should_stop && should_stop()) return;
      const auto start = std::chrono::steady_clock::now();
      const MarlhfResult result = learn_from_preferences(model, data, variants[v].features, variants[v].options);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      const MarlhfEvaluation e = evaluate_marlhf(model, data, result);
      rows.push_back({g, b, v, n, seed_index, e.gap, e.max_reward_error, seconds});
    }
  }
}

std::string number(double x) { return exact_number_text(x); }

// The slope of log mean gap against log pairs over the sizes of positive mean.
double gap_slope(const std::vector<std::int64_t>& pairs, const std::vector<std::vector<double>>& gaps, int* points) {
  std::vector<double> xs, ys;
  for (std::size_t n = 0; n < pairs.size(); ++n) {
    double mean = 0.0;
    for (double x : gaps[n]) mean += x;
    mean /= static_cast<double>(gaps[n].size());
    if (mean > 1e-12) {
      xs.push_back(std::log(static_cast<double>(pairs[n])));
      ys.push_back(std::log(mean));
    }
  }
  if (points) *points = static_cast<int>(xs.size());
  if (xs.size() < 2) return std::nan("");
  // A gap that does not move has slope 0, not the rounding of a fit through equal values.
  if (std::ranges::max(ys) == std::ranges::min(ys)) return 0.0;
  return least_squares_slope(xs, ys);
}

MarlhfFitRow fit_row(const MarlhfExperimentConfig& config, const std::vector<std::vector<double>>& gaps,
                     std::uint64_t key) {
  MarlhfFitRow fit;
  fit.slope = gap_slope(config.pairs, gaps, &fit.points);
  fit.low = fit.high = std::nan("");
  if (std::isnan(fit.slope) || config.seeds.size() < 2) return fit;
  RngStream rng(key, kBootstrapStream);
  std::vector<std::vector<double>> draw(gaps.size());
  std::vector<double> slopes;
  for (int r = 0; r < kResamples; ++r) {
    for (std::size_t n = 0; n < gaps.size(); ++n) resample_with_replacement(gaps[n], rng, draw[n]);
    const double s = gap_slope(config.pairs, draw, nullptr);
    if (!std::isnan(s)) slopes.push_back(s);
  }
  std::tie(fit.low, fit.high) = percentile_interval_95(slopes);
  return fit;
}

// One figure: the mean gap against pairs for the (behaviour, variant) lines given.
void plot_lines(const MarlhfExperimentConfig& config, std::size_t g,
                const std::vector<std::pair<std::size_t, std::size_t>>& lines, bool label_by_variant,
                const std::vector<MarlhfSummaryRow>& summary, const std::string& title, const std::string& path) {
  // Each line is a curve whose one metric is named after the line, so that the legend reads
  // "unilateral" rather than "unilateral: gap"; its interval columns give the band.
  std::vector<LabelledCurve> curves;
  std::vector<std::string> names;
  for (const auto& [b, v] : lines) {
    const std::string name = label_by_variant ? config.variants[v].label : config.behaviours[b].label;
    Curve curve({name, name + "_low", name + "_high"});
    for (const MarlhfSummaryRow& row : summary)
      if (row.game == config.games[g].label && row.behaviour == config.behaviours[b].label &&
          row.variant == config.variants[v].label)
        curve.add_row(row.pairs, {row.gap_mean, row.gap_low, row.gap_high});
    curves.push_back({"", curve});
    names.push_back(name);
  }
  PlotOptions plot;
  plot.title = title;
  plot.metrics = names;
  plot.x_label = "preference pairs";
  plot.y_label = "Nash gap of the learned policy (mean over seeds, 95% interval)";
  plot.bands = true;
  plot_curves(curves, path, plot);
}

}  // namespace

MarlhfExperimentReport run_marlhf_experiment(const MarlhfExperimentConfig& config,
                                             const MarlhfExperimentOptions& options) {
  MarlhfExperimentReport report;
  std::error_code ec;
  fs::create_directories(options.out_dir, ec);
  if (ec || !fs::is_directory(options.out_dir))
    throw UsageError("cannot create the folder " + options.out_dir + (ec ? ": " + ec.message() : std::string()));

  // Games, variants and behaviours first, in this thread: a wrong spec fails before any run.
  std::vector<std::unique_ptr<MarkovModel>> models;
  std::vector<std::vector<Variant>> variants(config.games.size());
  std::vector<std::vector<PreferenceBehaviour>> behaviours(config.games.size());
  for (std::size_t g = 0; g < config.games.size(); ++g) {
    const std::string spec = game_spec_beside_config(config.folder, config.games[g].spec);
    models.push_back(load_markov_model(spec));
    for (const auto& variant : config.variants) {
      const MarlhfOptions variant_options = MarlhfOptions::from_params(variant.params);
      variants[g].push_back({variant_options, RewardFeatures::for_options(*models[g], spec, variant_options)});
    }
    for (const auto& b : config.behaviours)
      behaviours[g].emplace_back(*models[g], behaviour_beside_config(config.folder, b.spec));
  }

  const std::size_t G = config.games.size(), B = config.behaviours.size(), K = config.seeds.size();
  const std::size_t tasks = G * B * K;
  std::vector<std::vector<RunRow>> task_rows(tasks);
  std::atomic<std::int64_t> done{0};
  std::mutex report_lock;
  tbb::parallel_for(std::size_t{0}, tasks, [&](std::size_t t) {
    const std::size_t g = t / (B * K), b = (t / K) % B, k = t % K;
    run_task(config, *models[g], behaviours[g][b], variants[g], g, b, k, task_rows[t], options.should_stop);
    const std::int64_t now = ++done;
    if (options.on_task_done) {
      const std::lock_guard lock(report_lock);
      options.on_task_done(now, static_cast<std::int64_t>(tasks));
    }
  });
  if (options.should_stop && options.should_stop()) {
    report.interrupted = true;
    return report;
  }

  // gaps[g][b][v][n][k] and the same for the reward errors.
  const std::size_t V = config.variants.size(), N = config.pairs.size();
  const auto at = [&](std::size_t g, std::size_t b, std::size_t v, std::size_t n) { return ((g * B + b) * V + v) * N + n; };
  std::vector<std::vector<double>> gaps(G * B * V * N, std::vector<double>(K)), errors(gaps);
  std::ostringstream runs;
  runs << "game,behaviour,variant,pairs,seed,gap,reward_error,seconds\n";
  for (const std::vector<RunRow>& rows : task_rows)
    for (const RunRow& r : rows) {
      gaps[at(r.game, r.behaviour, r.variant, r.size)][r.seed] = r.gap;
      errors[at(r.game, r.behaviour, r.variant, r.size)][r.seed] = r.reward_error;
      runs << config.games[r.game].label << ',' << config.behaviours[r.behaviour].label << ','
           << config.variants[r.variant].label << ',' << config.pairs[r.size] << ',' << config.seeds[r.seed] << ','
           << number(r.gap) << ',' << number(r.reward_error) << ',' << number(r.seconds) << '\n';
      ++report.runs;
    }

  std::ostringstream summary, fits;
  summary << "game,behaviour,variant,pairs,seeds,gap_mean,gap_low,gap_high,error_mean,error_low,error_high\n";
  fits << "game,behaviour,variant,points,slope,low,high\n";
  for (std::size_t g = 0; g < G; ++g)
    for (std::size_t b = 0; b < B; ++b)
      for (std::size_t v = 0; v < V; ++v) {
        std::vector<std::vector<double>> series;
        for (std::size_t n = 0; n < N; ++n) {
          const MeanInterval gap = mean_interval_95(gaps[at(g, b, v, n)]);
          const MeanInterval error = mean_interval_95(errors[at(g, b, v, n)]);
          MarlhfSummaryRow row{config.games[g].label, config.behaviours[b].label, config.variants[v].label,
                               config.pairs[n], static_cast<int>(K), gap.mean, gap.low, gap.high, error.mean,
                               error.low, error.high};
          summary << row.game << ',' << row.behaviour << ',' << row.variant << ',' << row.pairs << ',' << row.seeds << ','
                  << number(row.gap_mean) << ',' << number(row.gap_low) << ',' << number(row.gap_high) << ','
                  << number(row.error_mean) << ',' << number(row.error_low) << ',' << number(row.error_high) << '\n';
          report.summary.push_back(std::move(row));
          series.push_back(gaps[at(g, b, v, n)]);
        }
        MarlhfFitRow fit = fit_row(config, series, at(g, b, v, 0));
        fit.game = config.games[g].label;
        fit.behaviour = config.behaviours[b].label;
        fit.variant = config.variants[v].label;
        fits << fit.game << ',' << fit.behaviour << ',' << fit.variant << ',' << fit.points << ',' << number(fit.slope)
             << ',' << number(fit.low) << ',' << number(fit.high) << '\n';
        report.fits.push_back(std::move(fit));
      }

  const fs::path dir(options.out_dir);
  const auto write = [&](const std::string& name, const std::string& text) {
    write_file_atomically(dir / name, [&](std::ostream& out) { out << text; });
    report.files.push_back((dir / name).string());
  };
  nlohmann::ordered_json echo;
  echo["type"] = "marlhf";
  echo["name"] = config.name;
  for (const auto& game : config.games) echo["games"].push_back({{"game", game.spec}, {"label", game.label}});
  for (const auto& b : config.behaviours) echo["behaviours"].push_back({{"behaviour", b.spec}, {"label", b.label}});
  for (const auto& v : config.variants) echo["variants"].push_back({{"label", v.label}, {"params", v.params}});
  echo["pairs"] = config.pairs;
  echo["seeds"] = config.seeds;
  echo["temperature"] = config.temperature;
  write("experiment.json", echo.dump(2) + "\n");
  write("runs.csv", runs.str());
  write("summary.csv", summary.str());
  write("fits.csv", fits.str());
  if (options.plots) {
    // Per game, the coverage regimes under the first variant; with several variants, one
    // figure of the variants per behaviour (the ablations).
    fs::create_directories(dir / "plots", ec);
    const auto draw = [&](std::size_t g, const std::vector<std::pair<std::size_t, std::size_t>>& lines, bool by_variant,
                          const std::string& title, const std::string& name) {
      const std::string path = (dir / "plots" / (name + ".png")).string();
      plot_lines(config, g, lines, by_variant, report.summary, title, path);
      report.files.push_back(path);
    };
    for (std::size_t g = 0; g < G; ++g) {
      const std::string& game = config.games[g].label;
      std::vector<std::pair<std::size_t, std::size_t>> lines;
      for (std::size_t b = 0; b < B; ++b) lines.emplace_back(b, 0);
      draw(g, lines, false, config.name + ": " + game + ", " + config.variants[0].label + ", by coverage", game);
      if (V < 2) continue;
      for (std::size_t b = 0; b < B; ++b) {
        lines.clear();
        for (std::size_t v = 0; v < V; ++v) lines.emplace_back(b, v);
        const std::string& behaviour = config.behaviours[b].label;
        draw(g, lines, true, config.name + ": " + game + ", " + behaviour + " data, by variant",
             game + "-" + behaviour);
      }
    }
  }
  return report;
}

}  // namespace eqlab

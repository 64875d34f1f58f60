#include "py_experiment.hpp"

#include <filesystem>
#include <optional>
#include <string>

#include <pybind11/stl.h>
#include <tbb/global_control.h>

#include <eqlab/lib/error.hpp>
#include <eqlab/sim/experiment.hpp>
#include <eqlab/sim/markov/markov_experiment.hpp>

#include "json_bridge.hpp"
#include "progress_hook.hpp"

namespace py = pybind11;

namespace eqlab::python {

namespace {

// A config given as a dict is named "<dict>" in errors; its relative game files are
// looked up from the working folder.
constexpr const char* kDictName = "<dict>";

py::dict rate_dict(const RateRow& r) {
  py::dict out;
  out["game"] = r.game;
  out["label"] = r.label;
  out["metric"] = r.metric;
  out["points"] = r.points;
  out["slope"] = r.slope;
  out["theory"] = r.theory;
  out["seed_slope_mean"] = r.seed_slope_mean;
  out["seed_slope_low"] = r.seed_slope_low;
  out["seed_slope_high"] = r.seed_slope_high;
  out["eps_slope"] = r.eps_slope;
  out["eps_theory"] = r.eps_theory;
  return out;
}

py::dict episodes_dict(const MarkovEpisodesRow& r) {
  py::dict out;
  out["game"] = r.game;
  out["label"] = r.label;
  out["x"] = r.x;
  out["epsilon"] = r.epsilon;
  out["seeds"] = r.seeds;
  out["reached"] = r.reached;
  out["median"] = r.median;
  out["low"] = r.low;
  out["high"] = r.high;
  out["status"] = r.status;
  return out;
}

py::dict markov_fit_dict(const MarkovFitRow& r) {
  py::dict out;
  out["label"] = r.label;
  out["epsilon"] = r.epsilon;
  out["model"] = r.model;
  out["points"] = r.points;
  out["slope"] = r.slope;
  out["low"] = r.low;
  out["high"] = r.high;
  out["theory"] = r.theory;
  return out;
}

py::dict run_markov(const MarkovExperimentConfig& config, const std::string& out_dir, bool resume, bool plots,
                    const py::object& progress) {
  MarkovExperimentOptions options;
  options.out_dir = out_dir;
  options.resume = resume;
  options.plots = plots;
  options.on_run_done = runs_progress_hook(progress);
  MarkovExperimentReport report;
  {
    py::gil_scoped_release release;
    report = run_markov_experiment(config, options);
  }
  py::dict out;
  out["name"] = config.name;
  out["type"] = "markov";
  out["runs"] = report.runs;
  out["refused"] = report.refused;
  out["runs_resumed"] = report.runs_resumed;
  py::list episodes, fits;
  for (const MarkovEpisodesRow& r : report.episodes) episodes.append(episodes_dict(r));
  for (const MarkovFitRow& r : report.fits) fits.append(markov_fit_dict(r));
  out["episodes"] = episodes;
  out["fits"] = fits;
  out["files"] = report.files;
  out["notes"] = report.notes;
  return out;
}

py::dict run_grid(const ExperimentConfig& config, const std::string& config_name, const std::string& out_dir,
                  bool resume, bool plots, const py::object& progress) {
  ExperimentOptions options;
  options.out_dir = out_dir;
  options.resume = resume;
  options.plots = plots;
  options.on_run_done = runs_progress_hook(progress);
  ExperimentReport report;
  {
    py::gil_scoped_release release;
    report = run_experiment(config, config_name, options);
  }
  py::dict out;
  out["name"] = config.name;
  out["type"] = "extensive";
  out["runs"] = report.runs;
  out["runs_resumed"] = report.runs_resumed;
  py::list rates;
  for (const RateRow& r : report.rates) rates.append(rate_dict(r));
  out["rates"] = rates;
  out["files"] = report.files;
  out["notes"] = report.notes;
  return out;
}

// eqlab.experiment: `eqlab experiment CONFIG --out DIR` from a config dict or file.
py::dict experiment(const py::object& config_spec, const std::string& out_dir, bool resume, bool plots, int threads,
                    const py::object& progress) {
  if (out_dir.empty()) throw py::value_error("out_dir must name the folder to write");
  if (threads < 0) throw py::value_error("threads must be >= 0 (0: all cores)");
  std::optional<tbb::global_control> limit;
  if (threads > 0) limit.emplace(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  const bool from_dict = py::isinstance<py::dict>(config_spec);
  const std::string path = from_dict ? std::string() : py::cast<std::string>(py::str(config_spec));
  const nlohmann::json document = from_dict ? from_python(config_spec) : nlohmann::json();
  if (from_dict ? is_markov_experiment(document) : is_markov_experiment_file(path)) {
    MarkovExperimentConfig config =
        from_dict ? parse_markov_experiment_config(document, kDictName) : load_markov_experiment_config(path);
    if (from_dict && !document.contains("name")) config.name = "experiment";
    return run_markov(config, out_dir, resume, plots, progress);
  }
  ExperimentConfig config = from_dict ? parse_experiment_config(document, kDictName) : load_experiment_config(path);
  if (config.name.empty()) config.name = "experiment";
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec || !std::filesystem::is_directory(out_dir))
    throw InputError(out_dir, "", "cannot create the folder" + (ec ? ": " + ec.message() : std::string()));
  return run_grid(config, from_dict ? kDictName : path, out_dir, resume, plots, progress);
}

}  // namespace

void bind_experiment(py::module_& m) {
  m.def("_experiment", &experiment, py::arg("config"), py::arg("out_dir"), py::arg("resume") = false,
        py::arg("plots") = true, py::arg("threads") = 0, py::arg("progress") = py::none());
}

}  // namespace eqlab::python

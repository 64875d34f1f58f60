#include "py_marlhf.hpp"

#include <chrono>
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <tbb/global_control.h>

#include <eqlab/algorithms/markov/marlhf/marlhf.hpp>
#include <eqlab/algorithms/markov/policy_file.hpp>
#include <eqlab/games/io/preference_data.hpp>
#include <eqlab/games/markov/reward_features_json.hpp>
#include <eqlab/sim/marlhf/marlhf_evaluation.hpp>
#include <eqlab/sim/marlhf/preference_sampler.hpp>
#include <eqlab/sim/result_files.hpp>

#include "json_bridge.hpp"
#include "progress_hook.hpp"
#include "py_markov.hpp"

namespace py = pybind11;

namespace eqlab::python {

namespace {

// The bound of `eqlab preferences-data --pairs`.
constexpr std::int64_t kMaxPairs = 1'000'000'000;

// A dataset with the game it was sampled from or read for: that game's names and horizon
// shape the arrays and the file. Immutable, so sharing it between objects is safe.
struct PyPreferenceData {
  std::shared_ptr<PyMarkovGame> game;
  std::shared_ptr<const PreferenceDataset> data;
};

// Writes `path` whole or not at all, with the interpreter lock released; a file that cannot
// be written raises OSError (write_file_atomically says why in a std::runtime_error).
template <class Write>
void write_atomically(const std::string& path, Write&& write) {
  std::string failure;
  {
    py::gil_scoped_release release;
    try {
      write_file_atomically(path, write);
    } catch (const std::runtime_error& e) {
      failure = e.what();
    }
  }
  if (!failure.empty()) {
    PyErr_SetString(PyExc_OSError, failure.c_str());
    throw py::error_already_set();
  }
}

void write_data(const PyPreferenceData& d, const std::string& path) {
  const MarkovModel& model = *d.game->model;
  write_atomically(path, [&](std::ostream& out) {
    write_preference_header(out, model, d.data->temperature, d.data->behaviour);
    for (const PreferencePairRecord& pair : d.data->pairs) write_preference_pair(out, model, pair);
  });
}

// One array over every pair's two trajectories, [pairs, 2, H] and then `per_step` when
// given (the players' actions: the axis stays for a one-player game too).
py::array_t<std::int32_t> trajectory_array(const PyPreferenceData& d, std::vector<int> PreferenceTrajectory::*field,
                                           std::optional<int> per_step) {
  const int horizon = d.game->model->horizon();
  std::vector<py::ssize_t> shape{static_cast<py::ssize_t>(d.data->pairs.size()), 2, horizon};
  if (per_step) shape.push_back(*per_step);
  py::array_t<std::int32_t> out(shape);
  std::int32_t* p = out.mutable_data();
  for (const PreferencePairRecord& pair : d.data->pairs)
    for (const PreferenceTrajectory* t : {&pair.first, &pair.second})
      for (const int v : t->*field) *p++ = v;
  return out;
}

py::array_t<std::int32_t> labels_array(const PyPreferenceData& d) {
  const int m = d.game->model->num_players();
  py::array_t<std::int32_t> out(std::vector<py::ssize_t>{static_cast<py::ssize_t>(d.data->pairs.size()), m});
  std::int32_t* p = out.mutable_data();
  for (const PreferencePairRecord& pair : d.data->pairs)
    for (const int label : pair.labels) *p++ = label;
  return out;
}

PyPreferenceData sample(const std::shared_ptr<PyMarkovGame>& game, const std::string& behaviour_spec,
                        std::int64_t pairs, double temperature, std::uint64_t seed, int threads,
                        const py::object& progress) {
  // Checked before the behaviour, whose equilibrium can take a while to compute.
  if (pairs < 1 || pairs > kMaxPairs)
    throw py::value_error("pairs must be between 1 and " + std::to_string(kMaxPairs) + ", not " +
                          std::to_string(pairs));
  if (!(temperature > 0.0) || !std::isfinite(temperature))
    throw py::value_error("temperature must be a positive number, not " + std::string(py::str(py::float_(temperature))));
  if (threads < 0) throw py::value_error("threads must be >= 0 (0: all cores)");
  PreferenceSampleOptions options;
  options.pairs = pairs;
  options.temperature = temperature;
  options.seed = seed;
  options.on_progress = run_progress_hook(progress, pairs);
  std::optional<tbb::global_control> limit;
  if (threads > 0) limit.emplace(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  // An unknown spec is a UsageError whose message names the behaviour: ValueError as it is.
  py::gil_scoped_release release;
  const PreferenceBehaviour behaviour(*game->model, behaviour_spec);
  return {game, std::make_shared<PreferenceDataset>(sample_preference_data(*game->model, behaviour, options))};
}

PyPreferenceData read(const std::string& path, const std::shared_ptr<PyMarkovGame>& game) {
  py::gil_scoped_release release;
  return {game, std::make_shared<PreferenceDataset>(read_preference_data(path, *game->model))};
}

// `eqlab solve GAME --solver marlhf --data FILE --out R [--policy P]`: the result document,
// with the seconds of learning alone, as the command line measures them.
py::object solve(const std::shared_ptr<PyMarkovGame>& game, const PyPreferenceData& data, const py::dict& params,
                 const std::optional<std::string>& policy_path) {
  const MarlhfOptions options = MarlhfOptions::from_params(from_python(params));
  const MarkovModel& model = *game->model;
  nlohmann::ordered_json document, policy;
  {
    py::gil_scoped_release release;
    const auto start = std::chrono::steady_clock::now();
    // features "game": the map of the file or dict the game was loaded from.
    const RewardFeatures features = options.features == "game" && game->document
                                        ? RewardFeatures::from_map(model, parse_reward_features(*game->document, "<dict>", model))
                                        : RewardFeatures::for_options(model, game->source, options);
    const MarlhfResult result = learn_from_preferences(model, *data.data, features, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const MarlhfEvaluation evaluation = evaluate_marlhf(model, *data.data, result);
    document = marlhf_result_json(model, *data.data, options, result, evaluation, seconds);
    if (policy_path)
      policy = result.equilibrium.product ? product_policy_json(model, *result.equilibrium.product)
                                          : correlated_policy_json(model, *result.equilibrium.correlated);
  }
  if (policy_path) write_atomically(*policy_path, [&](std::ostream& out) { out << policy.dump() << "\n"; });
  return to_python(document);
}

}  // namespace

void bind_marlhf(py::module_& m) {
  py::class_<PyPreferenceData>(m, "PreferenceData", R"doc(
A preference dataset of a Markov game (format eqlab-preferences/1): trajectory pairs, each
labelled with every player's preference between its two trajectories, and no reward. Made
by eqlab.marlhf.sample or eqlab.marlhf.read. The arrays are new copies on every access,
by index (states, actions, players as the game numbers them):
  states   int32 [pairs, 2, H]      the state of each step of the first and second trajectory
  actions  int32 [pairs, 2, H, m]   each player's action at each step
  labels   int32 [pairs, m]         1 where the player prefers the first trajectory)doc")
      .def_property_readonly("game", [](const PyPreferenceData& d) { return d.data->game; },
                             "the name of the game the data was sampled from, as recorded")
      .def_property_readonly("behaviour", [](const PyPreferenceData& d) { return d.data->behaviour; },
                             "how the trajectories were played, as recorded")
      .def_property_readonly("temperature", [](const PyPreferenceData& d) { return d.data->temperature; },
                             "the Bradley-Terry temperature of the labels, in the game's reward units")
      .def_property_readonly("num_pairs", [](const PyPreferenceData& d) { return d.data->pairs.size(); },
                             "the number of trajectory pairs")
      .def_property_readonly("players", [](const PyPreferenceData& d) { return d.game->model->shape().players; },
                             "the players' names, in the order of the arrays' last axis")
      .def_property_readonly("states",
                             [](const PyPreferenceData& d) { return trajectory_array(d, &PreferenceTrajectory::states, std::nullopt); },
                             "int32 [pairs, 2, H]: the states of the first and the second trajectory")
      .def_property_readonly("actions",
                             [](const PyPreferenceData& d) {
                               return trajectory_array(d, &PreferenceTrajectory::actions, d.game->model->num_players());
                             },
                             "int32 [pairs, 2, H, m]: every player's action at every step")
      .def_property_readonly("labels", &labels_array, "int32 [pairs, m]: 1 where the player prefers the first")
      .def("write", &write_data, py::arg("path"),
           "Writes the dataset as JSON Lines (as `eqlab preferences-data --out` does), whole or not at all: under "
           "PATH.partial, renamed when complete; OSError when it cannot be written.")
      .def("__len__", [](const PyPreferenceData& d) { return d.data->pairs.size(); })
      .def("__repr__", [](const PyPreferenceData& d) {
        return "<eqlab.marlhf.PreferenceData " + d.data->game + ": " + std::to_string(d.data->pairs.size()) +
               " pairs, behaviour " + d.data->behaviour + ", temperature " +
               std::string(py::str(py::float_(d.data->temperature))) + ">";
      });
  m.def("_sample_preferences", &sample, py::arg("game"), py::arg("behaviour"), py::arg("pairs"),
        py::arg("temperature"), py::arg("seed"), py::arg("threads"), py::arg("progress"),
        "Samples a preference dataset as `eqlab preferences-data` does (eqlab.marlhf.sample wraps it).");
  m.def("_read_preferences", &read, py::arg("path"), py::arg("game"),
        "Reads a preference dataset of the game (eqlab.marlhf.read wraps it).");
  m.def("_solve_marlhf", &solve, py::arg("game"), py::arg("data"), py::arg("params"), py::arg("policy"),
        "`eqlab solve GAME --solver marlhf`: the result document as a dict (eqlab.marlhf.solve wraps it).");
}

}  // namespace eqlab::python

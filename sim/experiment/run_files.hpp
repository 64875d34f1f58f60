#pragma once
// The files of an experiment's runs, shared by the extensive-form and Markov experiments:
//   DIR/experiment.json                   what the runs depend on (its content is the engine's)
//   DIR/runs/<game>/<label>/seed-<s>.csv  the curve of one run (write_curve_csv)
// Every file is written under a temporary name and renamed (sim/result_files.hpp).
#include <cstdint>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include <eqlab/sim/curve.hpp>

namespace eqlab {

// DIR/runs/<game>/<label>: the folder of one (game, algorithm) pair's runs.
std::filesystem::path run_folder(const std::filesystem::path& out_dir, const std::string& game_label,
                                 const std::string& algorithm_label);

// "seed-<s>": the name of one run's files without their extension.
std::string run_file_stem(std::uint64_t seed);

// The curve of one run, written as CSV.
void write_run_curve(const std::filesystem::path& path, const Curve& curve);

// DIR/experiment.json: `manifest` with an indent of 2 and a final newline.
void write_experiment_manifest(const std::filesystem::path& out_dir, const nlohmann::json& manifest);

}  // namespace eqlab

#include <eqlab/sim/experiment/run_files.hpp>

#include <eqlab/sim/result_files.hpp>

namespace eqlab {

std::filesystem::path run_folder(const std::filesystem::path& out_dir, const std::string& game_label,
                                 const std::string& algorithm_label) {
  return out_dir / "runs" / game_label / algorithm_label;
}

std::string run_file_stem(std::uint64_t seed) { return "seed-" + std::to_string(seed); }

void write_run_curve(const std::filesystem::path& path, const Curve& curve) {
  write_file_atomically(path, [&](std::ostream& out) { write_curve_csv(curve, out); });
}

void write_experiment_manifest(const std::filesystem::path& out_dir, const nlohmann::json& manifest) {
  write_file_atomically(out_dir / "experiment.json", [&](std::ostream& out) { out << manifest.dump(2) << '\n'; });
}

}  // namespace eqlab

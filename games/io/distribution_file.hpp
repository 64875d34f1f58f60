#pragma once
// Distribution files (see docs/FORMAT.md): a correlated output, the mixture of the product
// profiles a learner played, as JSON Lines. Each line is one profile and its weight,
//   {"weight": w, "strategies": [...]}
// with `strategies` in the shape of a result file's, so that anyone holding the game can
// recompute the mixture's gaps. Weights are relative: readers divide them by their sum.
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/games/io/game_source.hpp>

namespace eqlab {

// Writes one line: the profile `x` (sequence form) with its weight, then '\n'. With
// `behavioural` (the same profile in behavioural form), the strategies written are those,
// which keep the learner's strategy at infosets x never reaches (a K-EFCE deviator with
// K >= 2 can reach them). Probabilities are written with as many digits as read back to
// the same double.
void write_distribution_line(std::ostream& out, const CompiledGame& game, const Profile& x,
                             double weight, const Profile* behavioural = nullptr);

struct WeightedProfile {
  double weight = 0.0;
  Profile profile;
};

// Reads a distribution file line by line and hands each profile to `visit` in file order,
// with its weight as written (not normalised) and its line number, without keeping the
// others in memory. Lines holding only white space are skipped. Throws InputError naming
// the file and "line N" for a line that is not a JSON object {"weight": w, "strategies":
// [...]} (members starting with "x-" are ignored), a weight that is not a positive finite
// number, or strategies that strategies_from_json refuses (pointer "line N: /strategies/...");
// for a file without any profile; and for a file over limits.max_bytes (the whole file)
// or a line nested deeper than limits.max_nesting. Returns the number of profiles read.
std::int64_t visit_distribution_file(
    const std::string& path, const CompiledGame& game, const LoadLimits& limits,
    const std::function<void(double weight, const Profile& x, std::int64_t line)>& visit);
// The same, each profile also in behavioural form as written in the file.
std::int64_t visit_distribution_file(
    const std::string& path, const CompiledGame& game, const LoadLimits& limits,
    const std::function<void(double weight, const Profile& x, const Profile& behavioural, std::int64_t line)>& visit);

// The whole file at once, weights divided by their sum (so they sum to 1 up to rounding).
std::vector<WeightedProfile> read_distribution_file(const std::string& path, const CompiledGame& game, const LoadLimits& limits = {});

}  // namespace eqlab

#pragma once
// Preference datasets (docs/FORMAT.md, "Preference datasets"): trajectory pairs of an
// episodic Markov game, each labelled with every player's preference between its two
// trajectories and nothing else (no reward), as JSON Lines. The first line is a header,
//   {"format": "eqlab-preferences/1", "game": NAME, "players": [...], "horizon": H,
//    "temperature": β, "behaviour": SPEC}
// and every further line one pair,
//   {"first": T, "second": T, "labels": {"PLAYER": 1 or 0, ...}}
// with T = {"states": [s_0, ..., s_{H-1}], "actions": [[a_0 of each player], ...]};
// states and actions by index or by label, label 1 when the player prefers `first`.
#include <iosfwd>
#include <string>
#include <vector>

#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

inline constexpr const char* kPreferenceFormat = "eqlab-preferences/1";

struct PreferenceTrajectory {
  std::vector<int> states;   // per step
  std::vector<int> actions;  // per step, one per player: actions[h * m + i]
};

struct PreferencePairRecord {
  PreferenceTrajectory first, second;
  std::vector<int> labels;  // per player: 1 if it prefers `first`, else 0
};

struct PreferenceDataset {
  std::string game;
  double temperature = 1.0;
  std::string behaviour;  // how the trajectories were sampled, as recorded
  std::vector<PreferencePairRecord> pairs;
};

// The header line and one line per pair, states and actions by index.
void write_preference_header(std::ostream& out, const MarkovModel& model, double temperature,
                             const std::string& behaviour);
void write_preference_pair(std::ostream& out, const MarkovModel& model, const PreferencePairRecord& pair);

// Reads a dataset of `model`. Throws InputError naming the file, "line N" and the JSON
// pointer within the line for: a missing or wrong header (format, players other than the
// model's, a horizon other than its H, a temperature that is not a positive number); a
// line that is not JSON (a truncated one among them) or not an object of first, second
// and labels (members starting with "x-" are ignored); a trajectory whose states or
// actions are not H entries, a state or an action outside the game (by index or label),
// a joint action with the wrong number of players; labels that are not an object with a
// 0 or 1 for every player, or that name a player the game does not have; a file without
// any pair, or over limits.max_bytes.
PreferenceDataset read_preference_data(const std::string& path, const MarkovModel& model,
                                       const LoadLimits& limits = {});

}  // namespace eqlab

#pragma once
// The certified policy of CCE-/CE-V-learning as the run that made it: "eqlab-markov-play/1".
// A visit log stores every player's distribution at every visit (Σ_i A_i numbers per step
// and episode); the play log stores the state and every player's choice (a few bits each),
// and `eqlab eval` replays it through the same learner to rebuild the visit log exactly.
// 16 players with 2 actions, H = 2, 200,000 episodes: 1.2 MB against 253 MB of JSON.
//
// The file: one line of JSON (the header), a newline, then the play log's records
// (play_log.hpp), `payload_bytes` of them in all:
//   {"format": "eqlab-markov-play/1", "game": NAME, "kind": "certified", "horizon": H,
//    "states": [...], "actions": [[...], ...],          (as in eqlab-markov-policy/1)
//    "solver": "cce-v"|"ce-v", "seed": N, "params": {the solver's recorded params},
//    "episodes": K, "written_by": "eqlab VERSION",
//    "record": {"bytes": R, "state_bytes": B, "choices": [per player], "choice_bits": [per player]},
//    "payload_bytes": K·H·R, "visit_log_checksum": "fnv1a64:HEX"}
// The checksum is the written run's VisitLog::checksum(); a replay that gives another one
// (another eqlab, or another machine's floating point) is reported, never hidden.
//
// See docs/FORMAT.md, "Markov play files", and docs/algorithms/markov-learning.md.
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

#include <eqlab/algorithms/markov/visit_log.hpp>
#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

class MarkovSolver;
class VLearningSolver;

inline constexpr std::string_view kPlayFormat = "eqlab-markov-play/1";

// Whether `path` names a play file (it ends in ".eqplay"): the command line and the Python
// package write a certified policy as a play file under such a name, as JSON otherwise.
bool is_play_file_name(std::string_view path);
// The solver as the writer of a play file: a V-learner that keeps its log, else nullptr.
const VLearningSolver* play_file_writer(const MarkovSolver& solver);
// Why `solver` cannot write a play file, for the refusal.
std::string no_play_file_reason(const MarkovSolver& solver);

// Whether `text` begins like a play file (its first line names the format).
bool looks_like_play_file(std::string_view text);

// Writes the solver's run as a play file; UsageError when it keeps no log (log=false).
void write_play_file(std::ostream& out, const MarkovModel& model, const VLearningSolver& solver, std::uint64_t seed);
// The bytes write_play_file would write, before it writes them.
std::uint64_t play_file_bytes(const MarkovModel& model, const VLearningSolver& solver, std::int64_t episodes);

struct ReplayedPlay {
  std::string game, solver, written_by;
  VisitLog log;
  bool checksum_matches = true;  // the replayed log is the one the writer had
};

// Reads a play file for `model` and replays it. The header is checked member by member
// (InputError with a JSON pointer), the payload by size and by replay (InputError naming
// the episode and step of a state or choice the game or learner gives probability 0).
ReplayedPlay replay_play_file(std::string_view text, const std::string& file, const MarkovModel& model,
                              const LoadLimits& limits = {});

}  // namespace eqlab

#pragma once
// Result files, format "eqlab-result/1" (see docs/FORMAT.md): what a solver ran on, with
// which parameters, the strategies it output (by label, behavioural), the metrics measured
// at the end and the learning curve. Strategies read back into sequence form, so anyone
// can re-evaluate a result against the game. Objects keep their members in the order
// written (format first, infosets in game order), so that result files read and diff well;
// reading takes any member order.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/games/io/game_source.hpp>

namespace eqlab {

inline constexpr const char* kResultFormat = "eqlab-result/1";

struct ResultHeader {
  std::string game;                                   // the game's name or file name
  std::string solver;                                 // the solver's name
  nlohmann::json params = nlohmann::json::object();   // every parameter in effect
  std::string concept_name = "nash";
  std::int64_t iterations = 0;
};

// The `strategies` member. Extensive games: per player {infoset label: {action label:
// probability}}, the behavioural strategy of the sequence-form profile (infosets the
// profile never reaches get the uniform strategy). Normal games (`game.from_normal_form`: the
// compiled game comes from a NormalGame): per player {action label: probability}.
nlohmann::ordered_json strategies_to_json(const CompiledGame& game, const Profile& x);
// The same from behavioural strategies (entry s: the probability of sequence s's action at
// its infoset), which keep the strategy at infosets the profile never reaches.
nlohmann::ordered_json behavioural_strategies_to_json(const CompiledGame& game, const Profile& behavioural);

// The whole result object. `metrics` and `curve` are written as given (curve: null for
// none).
nlohmann::ordered_json result_to_json(const ResultHeader& header, const CompiledGame& game, const Profile& x, nlohmann::ordered_json metrics,
                              nlohmann::ordered_json curve = nullptr);

// Reads `strategies` (the JSON at `pointer` in `file`, for messages) back into sequence
// form. Infosets that are not given get the uniform strategy; each infoset given must
// have known action labels and probabilities >= 0 that sum to 1 within 1e-6 (they are
// then rescaled to sum to 1 exactly). Anything else throws InputError naming the value,
// e.g. "/strategies/1/Kb/call".
Profile strategies_from_json(const nlohmann::json& strategies, const CompiledGame& game, const std::string& file = {},
                             const std::string& pointer = "/strategies");
// The same in behavioural form, every infoset's strategy as written (uniform where none is).
Profile behavioural_strategies_from_json(const nlohmann::json& strategies, const CompiledGame& game, const std::string& file = {},
                                         const std::string& pointer = "/strategies");

// Parses a result file and checks its `format`; throws InputError naming the file. The
// file is held to the same limits as game files: its size is checked before it is read,
// its nesting before it is parsed.
nlohmann::json read_result_file(const std::string& path, const LoadLimits& limits = {});

// The strategies of a parsed result as a profile of `game`.
Profile result_profile(const nlohmann::json& result, const CompiledGame& game,
                       const std::string& file = {});

}  // namespace eqlab

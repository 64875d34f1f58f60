#pragma once
// What the two experiment config readers share: the extensive-form one
// (sim/experiment_config.cpp) and the Markov one (sim/markov/markov_experiment_config.cpp).
// Both also refuse unknown members with check_config_members (sim/config_members.hpp).
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace eqlab {

// The characters of a label, which names a folder under runs/: letters, digits and "._+-".
bool is_label_char(char c);

// The config file at `path` as a JSON document, with the size and nesting limits of game
// files checked before parsing (a number too large for a double is invalid JSON like any
// other). Throws InputError naming the file.
nlohmann::json read_config_document(const std::string& path);

// The game `spec` of a config in folder `folder`: a relative file beside the config when
// there is one there, so that configs travel with their games; `spec` itself otherwise (a
// built-in game, or a file found from the current folder).
std::string game_spec_beside_config(const std::string& folder, const std::string& spec);

// A config member that must be a non-empty string; InputError(file, pointer) otherwise.
std::string config_text(const nlohmann::json& value, const std::string& file, const std::string& pointer);

// The member "seeds" of the Markov and preference configs: a number N of seeds 0..N-1 (1 to
// 10000), or a non-empty list of distinct whole numbers. InputError with its pointer.
std::vector<std::uint64_t> config_seeds(const nlohmann::json& doc, const std::string& file);

}  // namespace eqlab

#pragma once
// The solution concepts eqlab learns and measures, one enum with one table of the names
// that result files, curves and the command line use.
#include <optional>
#include <string>
#include <string_view>

namespace eqlab {

enum class Concept {
  nash,   // Nash equilibrium (exploitability, NashConv)
  nfcce,  // normal-form coarse correlated equilibrium of an extensive-form game
  efce,   // extensive-form correlated equilibrium (trigger deviations)
  kefce,  // K-EFCE: deviators that observe K recommendations after deviating
  cce,    // coarse correlated equilibrium of a Markov game
  ce,     // correlated equilibrium of a Markov game
};

// "nash", "nfcce", "efce", "kefce", "cce", "ce".
std::string_view concept_name(Concept c);
// The inverse; nullopt for any other text.
std::optional<Concept> parse_concept(std::string_view name);
// The concepts of extensive-form games whose output is a mixture of product profiles.
bool is_correlated(Concept c);

}  // namespace eqlab

#include <eqlab/algorithms/concept.hpp>

#include <array>
#include <utility>

namespace eqlab {

namespace {

constexpr std::array<std::pair<Concept, std::string_view>, 6> kConceptNames = {{
    {Concept::nash, "nash"},
    {Concept::nfcce, "nfcce"},
    {Concept::efce, "efce"},
    {Concept::kefce, "kefce"},
    {Concept::cce, "cce"},
    {Concept::ce, "ce"},
}};

}  // namespace

std::string_view concept_name(Concept c) {
  for (const auto& [concept_value, name] : kConceptNames)
    if (concept_value == c) return name;
  return "nash";
}

std::optional<Concept> parse_concept(std::string_view name) {
  for (const auto& [concept_value, text] : kConceptNames)
    if (text == name) return concept_value;
  return std::nullopt;
}

bool is_correlated(Concept c) { return c == Concept::nfcce || c == Concept::efce || c == Concept::kefce; }

}  // namespace eqlab

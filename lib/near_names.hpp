#pragma once
// "Did you mean ...?": the names a mistyped word is closest to, by edit distance
// (insertions, deletions, substitutions and swaps of two neighbouring characters, each 1).
#include <string>
#include <string_view>
#include <vector>

namespace eqlab {

// The distance between a and b as above (the optimal string alignment distance).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The names within max(1, |word| / 3) edits of `word`, closest first (ties in the order
// given), at most `max_results` of them; none when the word is a name.
std::vector<std::string> near_names(std::string_view word, const std::vector<std::string>& names,
                                    std::size_t max_results = 3);

// " (did you mean leduc_poker?)", " (did you mean a, b or c?)", or "" when none is near.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& names);

}  // namespace eqlab

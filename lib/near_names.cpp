#include <eqlab/lib/near_names.hpp>

#include <algorithm>
#include <numeric>

namespace eqlab {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rows of the dynamic programme: the swap of neighbours looks two rows back.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  std::iota(previous.begin(), previous.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::vector<std::string> near_names(std::string_view word, const std::vector<std::string>& names,
                                    std::size_t max_results) {
  const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  std::vector<std::pair<std::size_t, std::size_t>> near;  // (distance, index)
  for (std::size_t k = 0; k < names.size(); ++k) {
    const std::size_t d = edit_distance(word, names[k]);
    if (d == 0) return {};
    if (d <= limit) near.emplace_back(d, k);
  }
  std::stable_sort(near.begin(), near.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (const auto& [distance, k] : near) {
    if (out.size() == max_results) break;
    if (std::find(out.begin(), out.end(), names[k]) == out.end()) out.push_back(names[k]);
  }
  return out;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& names) {
  const std::vector<std::string> near = near_names(word, names);
  if (near.empty()) return {};
  std::string text = " (did you mean ";
  for (std::size_t k = 0; k < near.size(); ++k) {
    if (k > 0) text += k + 1 == near.size() ? " or " : ", ";
    text += near[k];
  }
  return text + "?)";
}

}  // namespace eqlab

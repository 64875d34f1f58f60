#include <eqlab/games/io/gambit_profile.hpp>

#include <charconv>
#include <cmath>
#include <optional>
#include <stdexcept>

#include <eqlab/lib/error.hpp>
#include <eqlab/lib/number.hpp>

namespace eqlab {

namespace {

// A probability as Gambit prints one: a decimal, or p/q, whose integers may exceed 64 bits
// (gambit-lcp's exact arithmetic does); the value is the nearest double.
std::optional<double> gambit_probability(std::string_view text) {
  if (const std::optional<Number> n = Number::parse(text)) return n->value;
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  double num = 0.0, den = 0.0;
  const std::string_view a = text.substr(0, slash), b = text.substr(slash + 1);
  const auto [end_a, ec_a] = std::from_chars(a.data(), a.data() + a.size(), num);
  const auto [end_b, ec_b] = std::from_chars(b.data(), b.data() + b.size(), den);
  if (ec_a != std::errc() || ec_b != std::errc() || end_a != a.data() + a.size() || end_b != b.data() + b.size() ||
      !(den > 0.0))
    return std::nullopt;
  return num / den;
}

}  // namespace

std::vector<std::vector<int>> gambit_infoset_order(const CompiledGame& game) {
  const NodeArrays& nodes = game.nodes;
  std::vector<std::vector<int>> order(static_cast<std::size_t>(game.num_players()));
  std::vector<std::vector<char>> seen(static_cast<std::size_t>(game.num_players()));
  for (int p = 0; p < game.num_players(); ++p) seen[p].assign(game.treeplex[p].num_infosets(), 0);
  if (nodes.kind.empty()) return order;
  // Preorder with an explicit stack: children pushed last to first come off first to last.
  std::vector<int> stack{0};
  while (!stack.empty()) {
    const int v = stack.back();
    stack.pop_back();
    if (nodes.kind[v] == NodeKind::decision) {
      const int p = nodes.player[v], j = nodes.infoset[v];
      if (!seen[p][j]) {
        seen[p][j] = 1;
        order[p].push_back(j);
      }
    }
    for (int a = nodes.num_children[v] - 1; a >= 0; --a) stack.push_back(nodes.children[nodes.first_child[v] + a]);
  }
  return order;
}

std::string gambit_behaviour_profile(const CompiledGame& game, const Profile& behavioural) {
  if (static_cast<int>(behavioural.size()) != game.num_players())
    throw std::invalid_argument("gambit_behaviour_profile: the profile does not match the game");
  std::string line;
  char text[32];
  const std::vector<std::vector<int>> order = gambit_infoset_order(game);
  for (int p = 0; p < game.num_players(); ++p) {
    const Treeplex& tp = game.treeplex[p];
    for (const int j : order[p])
      for (int s = tp.first_seq[j]; s < tp.first_seq[j] + tp.num_actions[j]; ++s) {
        const auto [end, ec] = std::to_chars(text, text + sizeof text, behavioural[p][s]);
        if (!line.empty()) line += ',';
        line.append(text, end);
      }
  }
  return line;
}

Profile read_gambit_behaviour_profile(const CompiledGame& game, std::string_view line, const std::string& file) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
  std::vector<std::string_view> entries;
  for (std::size_t start = 0;;) {
    const std::size_t comma = line.find(',', start);
    entries.push_back(line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  std::size_t first = !entries.empty() && entries[0] == "NE" ? 1 : 0;  // Gambit's tag for an equilibrium
  const std::vector<std::vector<int>> order = gambit_infoset_order(game);
  std::size_t expected = 0;
  for (int p = 0; p < game.num_players(); ++p)
    for (const int j : order[p]) expected += static_cast<std::size_t>(game.treeplex[p].num_actions[j]);
  if (entries.size() - first != expected)
    throw InputError(file, "", "a behaviour profile of this game has " + std::to_string(expected) +
                                   " probabilities, one per action of every information set, not " +
                                   std::to_string(entries.size() - first));
  Profile behavioural(static_cast<std::size_t>(game.num_players()));
  std::size_t k = first;
  for (int p = 0; p < game.num_players(); ++p) {
    const Treeplex& tp = game.treeplex[p];
    behavioural[p].assign(tp.num_sequences(), 0.0);
    std::vector<int> unspecified;  // all zero: Gambit's reduced profiles leave sets the player's own play avoids so
    for (const int j : order[p]) {
      double sum = 0.0;
      const std::size_t start = k;
      for (int s = tp.first_seq[j]; s < tp.first_seq[j] + tp.num_actions[j]; ++s, ++k) {
        const std::optional<double> q = gambit_probability(entries[k]);
        if (!q || !(*q >= 0.0) || !std::isfinite(*q))
          throw InputError(file, "entry " + std::to_string(k + 1),
                           "expected a probability, found '" + std::string(entries[k]) + "'");
        behavioural[p][s] = *q;
        sum += *q;
      }
      if (sum == 0.0) {
        unspecified.push_back(j);
        for (int s = tp.first_seq[j]; s < tp.first_seq[j] + tp.num_actions[j]; ++s)
          behavioural[p][s] = 1.0 / tp.num_actions[j];
        continue;
      }
      if (std::fabs(sum - 1.0) > 1e-4)
        throw InputError(file, "entries " + std::to_string(start + 1) + " to " + std::to_string(k),
                         "the probabilities of player " + std::to_string(p + 1) + "'s information set \"" +
                             tp.infoset_labels[j] + "\" sum to " + std::to_string(sum) + ", not 1");
      for (int s = tp.first_seq[j]; s < tp.first_seq[j] + tp.num_actions[j]; ++s) behavioural[p][s] /= sum;
    }
    // An unspecified set must be one the player's own play never reaches; there any
    // strategy (the uniform one here) gives the same outcomes.
    if (unspecified.empty()) continue;
    std::vector<double> plan(tp.num_sequences());
    tp.to_sequence_form(behavioural[p], plan);
    for (const int j : unspecified)
      if (plan[tp.parent_seq[j]] > 0.0)
        throw InputError(file, "", "player " + std::to_string(p + 1) + "'s information set \"" + tp.infoset_labels[j] +
                                       "\" has no probabilities, but the player's own play reaches it");
  }
  return behavioural;
}

}  // namespace eqlab

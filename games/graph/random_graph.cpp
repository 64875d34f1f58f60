#include <eqlab/games/graph/random_graph.hpp>

#include <string>

#include <eqlab/lib/error.hpp>
#include <eqlab/lib/rng.hpp>

namespace eqlab {

TurnGame make_random_graph(const RandomGraphParams& p) {
  if (p.vertices < 2 || p.vertices > 50'000'000) throw UsageError("random graph: vertices must be from 2 to 5e7");
  if (p.max_actions < 1 || p.max_actions > 64) throw UsageError("random graph: max_actions must be from 1 to 64");
  if (p.targets < 1 || p.targets > p.vertices) throw UsageError("random graph: targets must be from 1 to vertices");
  RngStream rng(p.seed, 0x67726170ULL);  // "grap"
  const int n = p.vertices;
  std::vector<std::uint8_t> target(n, 0);
  for (int k = 0; k < p.targets; ++k) target[rng.below(n)] = 1;

  TurnGameBuilder b("random-graph(vertices=" + std::to_string(n) + ",max_actions=" + std::to_string(p.max_actions) +
                    ",targets=" + std::to_string(p.targets) + ",seed=" + std::to_string(p.seed) + ")");
  for (int v = 0; v < n; ++v) {
    GraphVertexSpec spec;
    spec.name = std::string("s").append(std::to_string(v));  // append: GCC 12 warns on "s" + string
    spec.owner = v % 2 == 1 ? GraphPlayer::defender : GraphPlayer::attacker;
    spec.target = target[v] != 0;
    b.add_vertex(std::move(spec));
  }
  // The other player's vertices: odd indices for an even vertex and the other way round.
  const std::uint64_t odd = static_cast<std::uint64_t>(n / 2), even = static_cast<std::uint64_t>(n - n / 2);
  for (int v = 0; v < n; ++v) {
    const int actions = 1 + static_cast<int>(rng.below(static_cast<std::uint64_t>(p.max_actions)));
    for (int a = 0; a < actions; ++a) {
      const int to = v % 2 == 0 ? 2 * static_cast<int>(rng.below(odd)) + 1 : 2 * static_cast<int>(rng.below(even));
      b.add_edge(v, to, std::string("a").append(std::to_string(a)));
    }
  }
  return std::move(b).build();
}

}  // namespace eqlab

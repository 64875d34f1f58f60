#include <eqlab/games/graph/turn_game.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include <eqlab/lib/error.hpp>

namespace eqlab {

int TurnGame::find_vertex(const std::string& name) const {
  const auto it = std::find(vertex_names_.begin(), vertex_names_.end(), name);
  return it == vertex_names_.end() ? -1 : static_cast<int>(it - vertex_names_.begin());
}

int TurnGameBuilder::add_vertex(GraphVertexSpec spec) {
  vertices_.push_back(std::move(spec));
  return static_cast<int>(vertices_.size()) - 1;
}

void TurnGameBuilder::add_edge(int from, int to, std::string action) {
  edges_.push_back({from, to, std::move(action)});
}

void TurnGameBuilder::set_budgets(int traps, int fakes) {
  trap_budget_ = traps;
  fake_budget_ = fakes;
}

TurnGame TurnGameBuilder::build() && {
  const int n = num_vertices();
  auto vertex_error = [](int v, const std::string& what) {
    return InputError("", "/vertices/" + std::to_string(v), what);
  };
  auto edge_error = [](std::size_t e, const std::string& what) {
    return InputError("", "/edges/" + std::to_string(e), what);
  };
  if (n == 0) throw InputError("", "/vertices", "a graph game needs at least one vertex");

  TurnGame g;
  g.name_ = std::move(name_);
  g.trap_budget_ = trap_budget_;
  g.fake_budget_ = fake_budget_;
  std::unordered_map<std::string, int> index_of;
  for (int v = 0; v < n; ++v) {
    const GraphVertexSpec& spec = vertices_[v];
    if (spec.name.empty()) throw vertex_error(v, "a vertex needs a non-empty id");
    if (!index_of.emplace(spec.name, v).second)
      throw vertex_error(v, "duplicate vertex id '" + spec.name + "' (first at /vertices/" +
                                std::to_string(index_of[spec.name]) + ")");
    if (!(spec.weight >= 0.0) || spec.weight == std::numeric_limits<double>::infinity())
      throw vertex_error(v, "the weight must be a finite number >= 0");
    if (!(spec.cost > 0.0) || spec.cost == std::numeric_limits<double>::infinity())
      throw vertex_error(v, "the cost must be a finite number > 0");
    if (spec.target && (spec.trap_ok || spec.fake_ok))
      throw vertex_error(v, "target '" + spec.name + "' cannot be a decoy site (trap_ok/fake_ok)");
  }

  // Out-edges grouped by source in the order added; actions unique per source.
  std::vector<std::vector<std::size_t>> out(n);
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    const Edge& edge = edges_[e];
    if (edge.from < 0 || edge.from >= n || edge.to < 0 || edge.to >= n)
      throw edge_error(e, "the edge names a vertex that does not exist");
    out[edge.from].push_back(e);
  }
  for (int v = 0; v < n; ++v) {
    if (out[v].empty()) {
      if (vertices_[v].target || deadlock_self_loop_) {
        // Targets end the play; a self-loop keeps every vertex with a successor.
        edges_.push_back({v, v, {}});
        out[v].push_back(edges_.size() - 1);
      } else {
        throw vertex_error(v, "vertex '" + vertices_[v].name +
                                  "' has no outgoing edge: give it one (a sink carries a self-loop)");
      }
    }
    std::set<std::string> actions;
    for (std::size_t k = 0; k < out[v].size(); ++k) {
      Edge& edge = edges_[out[v][k]];
      if (edge.action.empty()) edge.action = std::to_string(k);
      if (!actions.insert(edge.action).second)
        throw edge_error(out[v][k], "action '" + edge.action + "' is used twice at vertex '" + vertices_[v].name + "'");
    }
  }

  g.vertex_names_.resize(n);
  g.owner_.resize(n);
  g.target_.resize(n);
  g.initial_.resize(n);
  g.weight_.resize(n);
  g.labels_.resize(n);
  g.out_begin_.assign(1, 0);
  std::vector<std::size_t> in_count(n + 1, 0);
  for (int v = 0; v < n; ++v) {
    GraphVertexSpec& spec = vertices_[v];
    g.vertex_names_[v] = spec.name;
    g.owner_[v] = static_cast<std::uint8_t>(spec.owner);
    g.target_[v] = spec.target;
    g.initial_[v] = spec.initial;
    g.weight_[v] = spec.weight;
    g.labels_[v] = std::move(spec.labels);
    if (spec.target) g.targets_.push_back(v);
    for (std::size_t e : out[v]) {
      g.edge_target_.push_back(edges_[e].to);
      g.edge_action_.push_back(std::move(edges_[e].action));
      ++in_count[edges_[e].to + 1];
    }
    g.out_begin_.push_back(g.edge_target_.size());
  }
  g.in_begin_.resize(n + 1);
  for (int v = 0; v < n; ++v) in_count[v + 1] += in_count[v];
  g.in_begin_.assign(in_count.begin(), in_count.end());
  g.in_source_.resize(g.edge_target_.size());
  std::vector<std::size_t> fill(in_count.begin(), in_count.end() - 1);
  for (int u = 0; u < n; ++u)
    for (std::size_t e = g.out_begin_[u]; e < g.out_begin_[u + 1]; ++e) g.in_source_[fill[g.edge_target_[e]]++] = u;

  // Sites, in the order of their first vertex.
  const bool any_allowed = std::any_of(vertices_.begin(), vertices_.end(),
                                       [](const GraphVertexSpec& s) { return s.trap_ok || s.fake_ok; });
  g.site_of_.assign(n, -1);
  std::map<std::string, int> site_index;
  for (int v = 0; v < n; ++v) {
    const GraphVertexSpec& spec = vertices_[v];
    const std::string site = spec.site.empty() ? spec.name : spec.site;
    const auto [it, inserted] = site_index.emplace(site, static_cast<int>(g.sites_.size()));
    if (inserted) {
      DecoySite s;
      s.name = site;
      s.trap_ok = any_allowed ? spec.trap_ok : !spec.target;
      s.fake_ok = any_allowed ? spec.fake_ok : !spec.target;
      s.cost = spec.cost;
      g.sites_.push_back(std::move(s));
    }
    DecoySite& s = g.sites_[it->second];
    const bool site_has_target = std::any_of(s.vertices.begin(), s.vertices.end(), [&](int u) { return g.target_[u]; });
    if (!s.vertices.empty() && site_has_target != spec.target)
      throw vertex_error(v, "site '" + site + "' mixes targets and other vertices: a target cannot be decoyed");
    s.vertices.push_back(v);
  }
  // A site of targets is no site; keep only sites that may hold a decoy.
  std::vector<DecoySite> kept;
  for (DecoySite& s : g.sites_) {
    if (g.target_[s.vertices.front()] || !(s.trap_ok || s.fake_ok)) continue;
    for (int v : s.vertices) g.site_of_[v] = static_cast<int>(kept.size());
    kept.push_back(std::move(s));
  }
  g.sites_ = std::move(kept);
  return g;
}

}  // namespace eqlab

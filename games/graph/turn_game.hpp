#pragma once
// Two-player turn-based games on graphs (docs/algorithms/graph-decoys.md): vertices owned by
// the defender (P1, index 0) or the attacker (P2, index 1), deterministic action-labelled
// edges, the attacker's targets F, and the decoy sites where traps and fake targets may go.
//
// The solvers read flat arrays: out-edges and in-edges in CSR form (vertex order, then
// edge order within a vertex), so an attractor is one pass over them. Loaders and
// generators fill a TurnGameBuilder; build() checks every rule and compiles the arrays.
// File formats with their own graph structure (GraphML, DOT) are read through Boost.Graph
// first (games/graph/graph_files.hpp).
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace eqlab {

enum class GraphPlayer : std::uint8_t { defender = 0, attacker = 1 };

// A decoy site: the vertices that one trap or one fake target covers (a single vertex by
// default; in the gridworld, every state with the attacker in one cell).
struct DecoySite {
  std::string name;
  std::vector<int> vertices;  // ascending
  bool trap_ok = true, fake_ok = true;
  double cost = 1.0;
};

class TurnGame {
 public:
  int num_vertices() const { return static_cast<int>(owner_.size()); }
  std::size_t num_edges() const { return edge_target_.size(); }
  const std::string& name() const { return name_; }
  const std::string& vertex_name(int v) const { return vertex_names_[v]; }
  // The vertex with this name, or -1.
  int find_vertex(const std::string& name) const;

  GraphPlayer owner(int v) const { return static_cast<GraphPlayer>(owner_[v]); }
  bool is_target(int v) const { return target_[v] != 0; }
  const std::vector<int>& targets() const { return targets_; }  // ascending
  double weight(int v) const { return weight_[v]; }
  bool is_initial(int v) const { return initial_[v] != 0; }
  const std::vector<std::string>& labels(int v) const { return labels_[v]; }

  // Out-edges of v: indices [out_begin(v), out_end(v)) into edge_target/edge_action.
  std::size_t out_begin(int v) const { return out_begin_[v]; }
  std::size_t out_end(int v) const { return out_begin_[v + 1]; }
  int edge_target(std::size_t e) const { return edge_target_[e]; }
  const std::string& edge_action(std::size_t e) const { return edge_action_[e]; }
  // In-edges of v, one entry per edge (an edge u -> v twice under two actions appears twice).
  std::span<const int> predecessors(int v) const {
    return {in_source_.data() + in_begin_[v], in_source_.data() + in_begin_[v + 1]};
  }

  const std::vector<DecoySite>& sites() const { return sites_; }
  // The site of vertex v, or -1 when v is in none (targets never are).
  int site_of(int v) const { return site_of_[v]; }

  // Decoy budgets written in the file ("decoys": {"traps": k, "fake_targets": k}); -1 when absent.
  int trap_budget() const { return trap_budget_; }
  int fake_budget() const { return fake_budget_; }

 private:
  friend class TurnGameBuilder;
  std::string name_;
  std::vector<std::string> vertex_names_;
  std::vector<std::uint8_t> owner_, target_, initial_;
  std::vector<double> weight_;
  std::vector<std::vector<std::string>> labels_;
  std::vector<int> targets_;
  std::vector<std::size_t> out_begin_{0};
  std::vector<int> edge_target_;
  std::vector<std::string> edge_action_;
  std::vector<std::size_t> in_begin_;
  std::vector<int> in_source_;
  std::vector<DecoySite> sites_;
  std::vector<int> site_of_;
  int trap_budget_ = -1, fake_budget_ = -1;
};

// What a loader knows about a vertex before the game is built.
struct GraphVertexSpec {
  std::string name;
  GraphPlayer owner = GraphPlayer::attacker;
  bool target = false;
  bool initial = false;
  double weight = 1.0;
  std::vector<std::string> labels;
  // Decoy site: empty means "the vertex's own name". Vertices sharing a site name are
  // decoyed together; the site's trap_ok/fake_ok/cost come from its first vertex.
  std::string site;
  bool trap_ok = false, fake_ok = false;
  double cost = 1.0;
};

class TurnGameBuilder {
 public:
  explicit TurnGameBuilder(std::string name) : name_(std::move(name)) {}

  // Returns the vertex index (vertices are numbered in the order they are added).
  int add_vertex(GraphVertexSpec spec);
  // An edge u -> v under `action` (empty: the edge's position among u's edges, "0", "1", ...).
  void add_edge(int from, int to, std::string action = {});
  void set_budgets(int traps, int fakes);
  // A sink without out-edges gets a self-loop instead of being refused (deadlock=self_loop).
  void allow_deadlocks(bool self_loop) { deadlock_self_loop_ = self_loop; }

  int num_vertices() const { return static_cast<int>(vertices_.size()); }

  // Checks the rules and compiles the flat arrays. Throws InputError("", pointer, what)
  // with the pointer "/vertices/<index>" or "/edges/<index>" (in the order added): duplicate vertex names, an action used twice at one vertex,
  // a non-target vertex without out-edges (unless allowed), a target marked as a decoy
  // site, a site whose vertices disagree on being a target. When no vertex allows a trap
  // or a fake, every non-target vertex is a candidate site for both kinds.
  TurnGame build() &&;

 private:
  struct Edge {
    int from, to;
    std::string action;
  };
  std::string name_;
  std::vector<GraphVertexSpec> vertices_;
  std::vector<Edge> edges_;
  int trap_budget_ = -1, fake_budget_ = -1;
  bool deadlock_self_loop_ = false;
};

}  // namespace eqlab

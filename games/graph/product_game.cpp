#include <eqlab/games/graph/product_game.hpp>

#include <algorithm>
#include <map>
#include <tuple>

#include <eqlab/lib/error.hpp>

namespace eqlab {

ProductGame build_product(const TurnGame& graph, const std::vector<GoalAutomaton>& goals, std::size_t max_states) {
  const int n = graph.num_vertices();
  std::vector<std::vector<std::string>> labels(n);
  for (int v = 0; v < n; ++v) {
    labels[v] = graph.labels(v);
    std::sort(labels[v].begin(), labels[v].end());
  }
  // A product state: the vertex, then one automaton state per goal.
  using Key = std::vector<int>;
  std::map<Key, int> index;
  std::vector<Key> states;
  auto enter = [&](int v, const Key* from) {
    Key key(goals.size() + 1);
    key[0] = v;
    for (std::size_t k = 0; k < goals.size(); ++k)
      key[k + 1] = goals[k].step(from ? (*from)[k + 1] : goals[k].initial, labels[v]);
    const auto [it, inserted] = index.emplace(key, static_cast<int>(states.size()));
    if (inserted) {
      if (states.size() >= max_states)
        throw UsageError("the product of the graph and the goal automata has more than " + std::to_string(max_states) +
                         " states");
      states.push_back(std::move(key));
    }
    return it->second;
  };

  ProductGame p;
  for (int v = 0; v < n; ++v)
    if (graph.is_initial(v)) p.initial.push_back(enter(v, nullptr));
  if (p.initial.empty())
    throw InputError(graph.name(), "", "no initial vertex: mark where plays start with \"init\": true");
  std::vector<std::tuple<int, int, std::size_t>> edges;  // from, to, graph edge
  for (std::size_t s = 0; s < states.size(); ++s) {  // states grows as it is walked
    const Key from = states[s];  // a copy: entering new states may move `states`
    for (std::size_t e = graph.out_begin(from[0]); e < graph.out_end(from[0]); ++e)
      edges.emplace_back(static_cast<int>(s), enter(graph.edge_target(e), &from), e);
  }

  TurnGameBuilder builder(graph.name() + " x goals");
  for (const Key& key : states) {
    GraphVertexSpec spec;
    spec.name = graph.vertex_name(key[0]) + "|";
    GoalClass c = 0;
    for (std::size_t k = 0; k < goals.size(); ++k) {
      spec.name += (k ? "," : "") + goals[k].states[key[k + 1]];
      if (goals[k].accepting[key[k + 1]]) c |= GoalClass{1} << k;
    }
    spec.owner = graph.owner(key[0]);
    spec.initial = false;
    spec.labels = labels[key[0]];
    builder.add_vertex(std::move(spec));
    p.goal_class.push_back(c);
    p.vertex.push_back(key[0]);
  }
  for (const auto& [from, to, e] : edges) builder.add_edge(from, to, graph.edge_action(e));
  p.game = std::move(builder).build();
  return p;
}

}  // namespace eqlab

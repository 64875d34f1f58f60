#include <eqlab/algorithms/graph/almost_sure.hpp>

#include <algorithm>
#include <climits>

namespace eqlab {

int OneAndHalfGraph::add_node(Kind kind) {
  kind_.push_back(static_cast<std::uint8_t>(kind));
  return static_cast<int>(kind_.size()) - 1;
}

void OneAndHalfGraph::clear() {
  kind_.clear();
  edges_.clear();
}

void OneAndHalfGraph::finish() {
  const std::size_t n = kind_.size();
  out_begin_.assign(n + 1, 0);
  in_begin_.assign(n + 1, 0);
  for (const Edge& e : edges_) {
    ++out_begin_[e.from + 1];
    ++in_begin_[e.to + 1];
  }
  for (std::size_t u = 0; u < n; ++u) {
    out_begin_[u + 1] += out_begin_[u];
    in_begin_[u + 1] += in_begin_[u];
  }
  out_.resize(edges_.size());
  in_.resize(edges_.size());
  out_fill_.assign(out_begin_.begin(), out_begin_.end() - 1);
  in_fill_.assign(in_begin_.begin(), in_begin_.end() - 1);
  for (const Edge& e : edges_) {
    out_[out_fill_[e.from]++] = e.to;
    in_[in_fill_[e.to]++] = e.from;
  }
}

const std::vector<std::uint8_t>& almost_sure_reach(OneAndHalfGraph& graph, const std::vector<std::uint8_t>& goal,
                                                   std::vector<int>* level) {
  graph.finish();
  const int n = graph.num_nodes();
  std::vector<std::uint8_t>& in_x = graph.in_x_;
  std::vector<std::uint8_t>& in_y = graph.in_y_;
  std::vector<std::uint8_t>& all_in_x = graph.all_in_x_;
  std::vector<int>& depth = graph.depth_;
  std::vector<int>& queue = graph.queue_;
  in_x.assign(n, 1);
  in_y.assign(n, 0);
  all_in_x.assign(n, 0);
  depth.assign(n, INT_MAX);
  queue.reserve(n);
  for (;;) {
    // A random node may join only if all its successors are still in X.
    for (int u = 0; u < n; ++u) {
      all_in_x[u] = 1;
      for (std::size_t k = graph.out_begin_[u]; k < graph.out_begin_[u + 1]; ++k)
        if (!in_x[graph.out_[k]]) {
          all_in_x[u] = 0;
          break;
        }
    }
    std::fill(in_y.begin(), in_y.end(), 0);
    std::fill(depth.begin(), depth.end(), INT_MAX);
    queue.clear();
    for (int u = 0; u < n; ++u)
      if (goal[u] && in_x[u]) {
        in_y[u] = 1;
        depth[u] = 0;
        queue.push_back(u);
      }
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const int v = queue[head];
      for (std::size_t k = graph.in_begin_[v]; k < graph.in_begin_[v + 1]; ++k) {
        const int u = graph.in_[k];
        if (in_y[u] || !in_x[u]) continue;
        if (graph.kind(u) == OneAndHalfGraph::Kind::random && !all_in_x[u]) continue;
        in_y[u] = 1;
        depth[u] = depth[v] + 1;
        queue.push_back(u);
      }
    }
    if (in_y == in_x) break;
    in_x.swap(in_y);
  }
  if (level) *level = depth;
  return in_x;
}

}  // namespace eqlab

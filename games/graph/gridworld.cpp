#include <eqlab/games/graph/gridworld.hpp>

#include <eqlab/lib/error.hpp>

namespace eqlab {

// Built with append: GCC 12 warns (wrongly, -Wrestrict) on "literal" + std::string here.
std::string cell_site_name(int row, int col) {
  return std::string("(").append(std::to_string(row)).append(",").append(std::to_string(col)).append(")");
}

TurnGame make_gridworld(const GridworldParams& p) {
  if (p.rows < 5 || p.cols < 4 || p.rows > 40 || p.cols > 40)
    throw UsageError("gridworld: rows must be from 5 to 40 and cols from 4 to 40");
  const int rows = p.rows, cols = p.cols;
  auto obstacle = [&](int r, int c) { return c == cols - 3 && r % 2 == 0; };
  auto cheese = [&](int r, int c) { return c == cols - 1 && (r == 1 || r == rows - 3); };
  std::vector<std::pair<int, int>> free;
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      if (!obstacle(r, c)) free.push_back({r, c});
  const int cells = static_cast<int>(free.size());
  std::vector<int> cell_index(rows * cols, -1);
  for (int k = 0; k < cells; ++k) cell_index[free[k].first * cols + free[k].second] = k;
  // The cell reached by a move, or the same cell when the move is blocked.
  auto step = [&](int k, int action) {
    static constexpr int dr[] = {1, 0, -1, 0}, dc[] = {0, 1, 0, -1};  // N, E, S, W
    const int r = free[k].first + dr[action], c = free[k].second + dc[action];
    if (r < 0 || r >= rows || c < 0 || c >= cols || obstacle(r, c)) return k;
    return cell_index[r * cols + c];
  };
  // Vertex (mouse cell, cat cell, turn) in that nesting order; turn 0: the cat moves.
  auto vertex = [&](int mouse, int cat, int turn) { return (mouse * cells + cat) * 2 + turn; };

  TurnGameBuilder b(std::string("gridworld(rows=").append(std::to_string(rows)).append(",cols=").append(std::to_string(cols)).append(")"));
  for (int mouse = 0; mouse < cells; ++mouse)
    for (int cat = 0; cat < cells; ++cat)
      for (int turn = 0; turn < 2; ++turn) {
        const auto [mr, mc] = free[mouse];
        const auto [cr, cc] = free[cat];
        GraphVertexSpec v;
        v.name = std::string("cat").append(cell_site_name(cr, cc)).append("mouse").append(cell_site_name(mr, mc));
        v.name.append(turn == 0 ? "cat" : "mouse");
        v.owner = turn == 0 ? GraphPlayer::defender : GraphPlayer::attacker;
        v.target = cheese(mr, mc);
        v.site = cell_site_name(mr, mc);
        v.trap_ok = v.fake_ok = !v.target;
        b.add_vertex(std::move(v));
      }
  static const char* const names[] = {"N", "E", "S", "W"};
  for (int mouse = 0; mouse < cells; ++mouse)
    for (int cat = 0; cat < cells; ++cat)
      for (int turn = 0; turn < 2; ++turn)
        for (int a = 0; a < 4; ++a) {
          int to_mouse = mouse, to_cat = cat;
          if (mouse != cat) (turn == 0 ? to_cat : to_mouse) = step(turn == 0 ? cat : mouse, a);
          b.add_edge(vertex(mouse, cat, turn), vertex(to_mouse, to_cat, 1 - turn), names[a]);
        }
  return std::move(b).build();
}

}  // namespace eqlab

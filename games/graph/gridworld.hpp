#pragma once
// The cat-and-mouse gridworld of the decoy-placement experiments
// (docs/algorithms/graph-decoys.md). A rows x cols grid; the cat (defender) and the
// mouse (attacker) each stand on a free cell and move in turn, N (row + 1), E (col + 1),
// S (row - 1) or W (col - 1); a move into the border or an obstacle leaves the mover in
// place. Once the cat has caught the mouse (same cell) every action only passes the turn.
// The mouse wins by reaching a cheese cell: the targets are the states with the mouse on
// cheese. A decoy site is a free cell that is not cheese and covers every state with the
// mouse on it.
//
// Default layout (the published 7 x 7 instance): obstacles at (0,4), (2,4), (4,4), (6,4),
// cheese at (1,6) and (4,6). Other sizes keep its shape: obstacles in column cols - 3 on
// the even rows, cheese at (1, cols - 1) and (rows - 3, cols - 1).
#include <string>
#include <utility>
#include <vector>

#include <eqlab/games/graph/turn_game.hpp>

namespace eqlab {

struct GridworldParams {
  int rows = 7, cols = 7;
};

TurnGame make_gridworld(const GridworldParams& params);

// The name of the site of a mouse cell, "(row,col)", as the published results write cells.
std::string cell_site_name(int row, int col);

}  // namespace eqlab

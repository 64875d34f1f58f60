// The control of upward_include.cpp: the same kind of file, including headers of the
// layers the algorithms layer may use, compiles.
#include <eqlab/algorithms/solver.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/lib/treeplex.hpp>

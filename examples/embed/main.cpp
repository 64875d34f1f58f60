// Solves a game with CFR+ through eqlab's library interface.
// usage: eqlab_embed [GAME] [ITERATIONS]   (GAME: a file or a built-in game, default kuhn)
#include <cstdio>
#include <string>

#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/games/io/game_source.hpp>

int main(int argc, char** argv) {
  const std::string spec = argc > 1 ? argv[1] : "kuhn";
  const int iterations = argc > 2 ? std::stoi(argv[2]) : 1000;
  try {
    const eqlab::LoadedGame game = eqlab::load_game(spec);
    const eqlab::CompiledGame compiled = eqlab::compile(game.tree);
    auto solver = eqlab::make_solver("cfr+", compiled, eqlab::SolverOptions{}, iterations);
    for (int t = 0; t < iterations; ++t) solver->step();

    const eqlab::NashReport report = eqlab::evaluate_nash(compiled, solver->output_profile());
    std::printf("%s after %d iterations of %s\n", game.name.c_str(), iterations, solver->name().c_str());
    for (int p = 0; p < compiled.num_players(); ++p)
      std::printf("value of %s: %.6f\n", compiled.players[p].c_str(), report.values[p]);
    std::printf("exploitability %.6g\n", report.exploitability);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "eqlab_embed: %s\n", e.what());
    return 1;
  }
}

// eqlab info: the size and shape of a game.
#include <algorithm>
#include <cstdint>
#include <iostream>

#include <eqlab/lib/augmented_states.hpp>
#include <eqlab/algorithms/graph/attractor.hpp>
#include <eqlab/games/graph/graph_source.hpp>
#include <eqlab/lib/memory_text.hpp>

#include "cli.hpp"
#include "game_input.hpp"
#include "markov_commands.hpp"
#include "report.hpp"

namespace eqlab::cli {

const std::string_view kInfoHelp =
    R"help(usage: eqlab info GAME [--k K]

Prints the players of GAME (a game file or a built-in game), the number of
nodes (decision, chance, terminal), each player's infosets and sequences, and
whether the game is zero-sum. For a Markov game, its players, states, actions
and the memory its learners need; for a graph game, its vertices, edges,
targets, decoy sites and the attacker's winning region.

With --k K, also each player's K-EFCE augmented states (infoset plus the
depths and recommendations of up to K deviations): how many observe the
recommendation (fewer than K deviations so far), how many are blind, the total,
and the memory the exact K-EFCE gap needs for them. They are counted, not built,
so this is the way to choose K before 'eqlab eval --k' or 'eqlab solve --k'.

options:
  --k K               count the K-EFCE augmented states (K from 0 to 64)
  --max-bytes N       read game files of up to N bytes (default 2^30)
  --max-nesting N     accept JSON nested up to N levels (default 1000000)
)help";

namespace {

void print_kefce_states(const CompiledGame& g, int k) {
  std::uint64_t total = 0, bytes = 0;
  for (int p = 0; p < g.num_players(); ++p) {
    const AugmentedStateCount c = AugmentedStates::count(g.treeplex[p], k);
    std::cout << field(p == 0 ? "kefce states" : "") << "player " << p << " (" << g.players[p] << "): " << c.observing
              << " observing, " << c.blind << " blind, " << c.total << " total, about " << memory_text(c.bytes())
              << "\n";
    total = c.total > UINT64_MAX - total ? UINT64_MAX : total + c.total;
    bytes = c.bytes() > UINT64_MAX - bytes ? UINT64_MAX : bytes + c.bytes();
  }
  std::cout << field("") << "K = " << k << ": " << total << " states in all, about " << memory_text(bytes);
  if (total > kDefaultMaxAugmentedStates)
    std::cout << " (over the default budget of " << kDefaultMaxAugmentedStates << " states: raise --max-states)";
  std::cout << "\n";
}

// A graph game: its size, owners, targets, decoy sites and who wins where.
int print_graph_info(const Args& args) {
  const TurnGame g = load_graph_game(args.positional[0], load_limits(args));
  int defender = 0, traps = 0, fakes = 0;
  for (int v = 0; v < g.num_vertices(); ++v) defender += g.owner(v) == GraphPlayer::defender;
  for (const DecoySite& s : g.sites()) {
    traps += s.trap_ok;
    fakes += s.fake_ok;
  }
  const ReachabilitySolution base = solve_reachability(g);
  std::cout << field("game") << g.name() << " (graph)\n"
            << field("vertices") << g.num_vertices() << " (" << defender << " defender, " << g.num_vertices() - defender
            << " attacker)\n"
            << field("edges") << g.num_edges() << "\n"
            << field("targets") << g.targets().size() << "\n"
            << field("decoy sites") << g.sites().size() << " (" << traps << " may hold a trap, " << fakes
            << " a fake target)\n";
  if (g.trap_budget() >= 0 || g.fake_budget() >= 0)
    std::cout << field("budgets") << std::max(g.trap_budget(), 0) << " traps, " << std::max(g.fake_budget(), 0)
              << " fake targets\n";
  std::cout << field("attacker wins") << base.win2_size << " vertices (Attr2 of the targets); the defender "
            << g.num_vertices() - static_cast<int>(base.win2_size) << "\n";
  return kExitOk;
}

}  // namespace

int run_info(std::span<const std::string> argv) {
  const Args args = parse_args("info", argv, {{"--k"}, kMaxBytesFlag, kMaxNestingFlag}, {"GAME"}, 1);
  if (is_graph_game(args.positional[0])) {
    if (args.has("--k")) throw CommandLineError("info", "--k counts K-EFCE states of extensive-form games");
    return print_graph_info(args);
  }
  if (is_markov_argument(args.positional[0])) {
    if (args.has("--k")) throw CommandLineError("info", "--k counts K-EFCE states of extensive-form games");
    return run_markov_info(args);
  }
  const int kefce_k = static_cast<int>(args.integer("--k", -1, 0, 64));
  const GameInput game = load_and_compile(args.positional[0], load_limits(args));
  const GameTree& tree = game.loaded.tree;
  const CompiledGame& g = game.compiled;

  int decision = 0, chance = 0, terminal = 0;
  for (const TreeNode& node : tree.nodes) {
    if (node.kind == NodeKind::decision) ++decision;
    else if (node.kind == NodeKind::chance) ++chance;
    else ++terminal;
  }
  std::cout << field("game") << game.loaded.name << " (" << game.loaded.type << " form)\n";
  std::string players;
  for (const std::string& p : g.players) players += (players.empty() ? "" : ", ") + p;
  std::cout << field("players") << g.num_players() << ": " << players << "\n";
  std::cout << field("nodes") << tree.num_nodes() << " (" << decision << " decision, " << chance << " chance, "
            << terminal << " terminal)\n";
  for (int p = 0; p < g.num_players(); ++p) {
    const Treeplex& tp = g.treeplex[p];
    std::cout << field(p == 0 ? "infosets" : "") << "player " << p << " (" << g.players[p]
              << "): " << tp.num_infosets() << " infosets, " << tp.num_sequences() << " sequences\n";
  }
  if (game.loaded.normal) {
    std::string shape;
    for (const auto& actions : game.loaded.normal->actions)
      shape += (shape.empty() ? "" : " x ") + std::to_string(actions.size());
    std::cout << field("actions") << shape << "\n";
  }
  std::cout << field("zero-sum") << (g.zero_sum ? "yes" : "no");
  if (!g.zero_sum && g.constant_sum) std::cout << " (constant-sum, payoffs sum to " << value_text(g.payoff_sum) << ")";
  std::cout << "\n";
  if (kefce_k >= 0) print_kefce_states(g, kefce_k);
  return kExitOk;
}

}  // namespace eqlab::cli

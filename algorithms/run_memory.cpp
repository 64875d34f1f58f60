#include <eqlab/algorithms/run_memory.hpp>

#include <algorithm>
#include <vector>

#include <eqlab/lib/augmented_states.hpp>
#include <eqlab/lib/treeplex_subtrees.hpp>

namespace eqlab {

namespace {

template <class T>
std::uint64_t vector_bytes(const std::vector<T>& v) {
  return static_cast<std::uint64_t>(v.capacity()) * sizeof(T);
}

std::uint64_t strings_bytes(const std::vector<std::string>& v) {
  std::uint64_t bytes = vector_bytes(v);
  for (const std::string& s : v)
    if (s.capacity() > 15) bytes += s.capacity() + 1;  // beyond the small-string buffer
  return bytes;
}

std::uint64_t treeplex_bytes(const Treeplex& tp) {
  return vector_bytes(tp.parent_seq) + vector_bytes(tp.first_seq) + vector_bytes(tp.num_actions) +
         vector_bytes(tp.seq_infoset) + strings_bytes(tp.infoset_labels) + strings_bytes(tp.action_labels);
}

// One player's sizes, the quantities every learner's layout is made of.
struct PlayerSizes {
  std::uint64_t sequences = 0, infosets = 0;
  SubtreeSizes subtrees;  // trigger blocks (EFCE learners and evaluator)
};

// TreeplexSubtrees: members (12 bytes), ancestor blocks (8), a block size and member
// start per infoset, and a trigger offset per sequence.
std::uint64_t subtrees_bytes(const PlayerSizes& p) {
  return 20 * p.subtrees.members + 12 * p.infosets + 8 * p.sequences;
}

}  // namespace

std::uint64_t compiled_game_bytes(const CompiledGame& game) {
  std::uint64_t bytes = strings_bytes(game.players);
  for (const Treeplex& tp : game.treeplex) bytes += treeplex_bytes(tp);
  const TerminalList& t = game.terminals;
  bytes += vector_bytes(t.seq) + vector_bytes(t.chance) + vector_bytes(t.payoff) + vector_bytes(t.node);
  for (const GradientIndex& g : game.gradient_index)
    bytes += vector_bytes(g.row_begin) + vector_bytes(g.others) + vector_bytes(g.weight);
  const NodeArrays& n = game.nodes;
  bytes += vector_bytes(n.kind) + vector_bytes(n.player) + vector_bytes(n.infoset) + vector_bytes(n.first_child) +
           vector_bytes(n.num_children) + vector_bytes(n.children) + vector_bytes(n.child_prob) +
           vector_bytes(n.terminal);
  return bytes + vector_bytes(game.compiled_infoset);
}

std::uint64_t sequence_learner_bytes(const CompiledGame&, const RunMemoryRequest&) { return 0; }

std::uint64_t trigger_learner_bytes(const CompiledGame& game, const RunMemoryRequest&) {
  std::uint64_t bytes = 0;
  for (const Treeplex& tp : game.treeplex) {
    PlayerSizes sizes;
    sizes.sequences = static_cast<std::uint64_t>(tp.num_sequences());
    sizes.infosets = static_cast<std::uint64_t>(tp.num_infosets());
    sizes.subtrees = measure_subtrees(tp);
    // Four doubles per trigger entry (the per-trigger arrays), the subtrees with the full
    // learner's level lists (a member and a level entry per subtree member) and the runs
    // of its trigger sums (lib/trigger_sums.hpp), the fixed
    // point's per-sequence and per-infoset weights, and a thread's batch scratch for one
    // group of infosets (8,192 trigger entries, or one infoset's blocks when larger).
    const std::uint64_t widest = static_cast<std::uint64_t>(tp.max_actions()) * sizes.subtrees.largest_block;
    const std::uint64_t scratch = 20 * std::min(sizes.subtrees.trigger_storage, 8192 + widest);
    bytes = saturating_add(bytes, 32 * sizes.subtrees.trigger_storage + subtrees_bytes(sizes) +
                                      52 * sizes.subtrees.members + 24 * sizes.sequences + 64 * sizes.infosets +
                                      scratch);
  }
  return bytes;
}

std::uint64_t augmented_state_learner_bytes(const CompiledGame& game, const RunMemoryRequest& request) {
  std::uint64_t bytes = 0;
  for (const Treeplex& tp : game.treeplex) bytes = saturating_add(bytes, AugmentedStates::count(tp, request.k).bytes());
  return bytes;
}

MemoryEstimate estimate_run_memory(const CompiledGame& game, const RunMemoryRequest& request) {
  const SolverEntry& entry = solver_entry(request.solver, GameKind::extensive, request.feedback);
  std::vector<PlayerSizes> players(game.num_players());
  std::uint64_t sequences = 0;
  for (int p = 0; p < game.num_players(); ++p) {
    const Treeplex& tp = game.treeplex[p];
    players[p].sequences = static_cast<std::uint64_t>(tp.num_sequences());
    players[p].infosets = static_cast<std::uint64_t>(tp.num_infosets());
    sequences += players[p].sequences;
  }
  // Learners of correlated concepts on this game (NFCCE, EFCE, K-EFCE) output mixtures,
  // which the runner measures with every gap: the NFCCE learners too, whose meter holds
  // the EFCE sums as well.
  const bool correlated = is_correlated(entry.concept_on(game));
  const bool mixture = correlated || request.measure_mixture || request.kefce_k.has_value();
  if (mixture)
    for (int p = 0; p < game.num_players(); ++p) players[p].subtrees = measure_subtrees(game.treeplex[p]);

  MemoryEstimate estimate;
  estimate.add("game", compiled_game_bytes(game));
  // The learner: a few doubles per sequence for every learner (strategies, sums, the
  // gradient), plus its own layout.
  estimate.add("learner state", saturating_add(96 * sequences, entry.learner_bytes(game, request)));
  // Bandit feedback: the simulator's per-node tables and each learner's path buffers,
  // about 64 bytes per node as measured.
  if (request.feedback == Feedback::bandit)
    estimate.add("simulator", 64 * static_cast<std::uint64_t>(game.nodes.kind.size()));

  // Evaluation: best responses (a few doubles per sequence and per node), and for a
  // mixture the NFCCE sums, the EFCE evaluator's subtrees and W per trigger block (with
  // its per-infoset plan of the sums, their runs and the deferred stretches' plan and
  // gradient per sequence), and the K-EFCE evaluator's augmented states.
  std::uint64_t evaluation = 48 * sequences + 16 * static_cast<std::uint64_t>(game.nodes.kind.size());
  if (mixture) {
    for (int p = 0; p < game.num_players(); ++p)
      evaluation = saturating_add(evaluation, 8 * players[p].subtrees.trigger_storage + subtrees_bytes(players[p]) +
                                                  64 * players[p].sequences + 16 * players[p].subtrees.members +
                                                  36 * players[p].infosets);
  }
  const std::optional<int> k = request.kefce_k ? request.kefce_k
                               : entry.learns == Concept::kefce ? std::optional<int>(request.k)
                                                                : std::nullopt;
  if (k)
    for (int p = 0; p < game.num_players(); ++p)
      evaluation = saturating_add(evaluation, AugmentedStates::count(game.treeplex[p], *k).bytes());
  estimate.add("evaluation", evaluation);
  return estimate;
}

}  // namespace eqlab

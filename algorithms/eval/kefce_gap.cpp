#include <eqlab/algorithms/eval/kefce_gap.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include <eqlab/lib/error.hpp>
#include <eqlab/lib/memory_text.hpp>
#include <eqlab/lib/parallel.hpp>

namespace eqlab {

KefceGap::KefceGap(const CompiledGame& game, int k, std::uint64_t max_states) : game_(game), k_(k) {
  // Count everyone before building anyone: the budget covers the whole evaluator.
  std::uint64_t total = 0, bytes = 0;
  for (const Treeplex& tp : game.treeplex) {
    const AugmentedStateCount c = AugmentedStates::count(tp, k);
    total = c.total > std::numeric_limits<std::uint64_t>::max() - total ? std::numeric_limits<std::uint64_t>::max()
                                                                         : total + c.total;
    bytes = c.bytes() > std::numeric_limits<std::uint64_t>::max() - bytes ? std::numeric_limits<std::uint64_t>::max()
                                                                           : bytes + c.bytes();
  }
  if (total > max_states)
    throw UsageError("the K-EFCE gap with K = " + std::to_string(k) + " needs " + std::to_string(total) +
                     " augmented states (about " + memory_text(bytes) + "), more than the budget of " +
                     std::to_string(max_states) + " states; lower K or raise the budget (--max-states)");

  players_.reserve(game.num_players());
  for (int p = 0; p < game.num_players(); ++p) {
    const Treeplex& tp = game.treeplex[p];
    PlayerSums& sums = players_.emplace_back(AugmentedStates(tp, k, max_states));
    const AugmentedStates& s = sums.states;
    sums.row.assign(s.num_states() + 1, 0);
    for (int st = 0; st < s.num_states(); ++st) {
      const std::size_t a = static_cast<std::size_t>(tp.num_actions[s.infoset(st)]);
      sums.row[st + 1] = sums.row[st] + (s.observing(st) ? a * a : a);
    }
    sums.sums.assign(sums.row.back(), 0.0);
    sums.gradient.assign(tp.num_sequences(), 0.0);
    sums.weight.assign(s.num_states(), 0.0);
    converted_.emplace_back(tp.num_sequences(), 0.0);
    work_per_round_ += sums.sums.size() + static_cast<std::size_t>(tp.num_sequences());
  }
}

void KefceGap::check_shape(const Profile& profile, const char* what) const {
  const std::size_t players = static_cast<std::size_t>(game_.num_players());
  bool fits = profile.size() == players;
  for (std::size_t p = 0; fits && p < players; ++p)
    fits = profile[p].size() == static_cast<std::size_t>(game_.treeplex[p].num_sequences());
  if (!fits) throw UsageError(std::string("KefceGap::") + what + ": the profile does not match the game's sequence counts");
}

void KefceGap::add(const Profile& x, double weight) {
  check_shape(x, "add");
  for (std::size_t p = 0; p < x.size(); ++p) game_.treeplex[p].to_behavioural(x[p], converted_[p]);
  accumulate(x, converted_, weight);
}

void KefceGap::add_behavioural(const Profile& b, double weight) {
  check_shape(b, "add_behavioural");
  for (std::size_t p = 0; p < b.size(); ++p) game_.treeplex[p].to_sequence_form(b[p], converted_[p]);
  accumulate(converted_, b, weight);
}

void KefceGap::accumulate(const Profile& x, const Profile& b, double weight) {
  if (!(weight > 0.0) || !std::isfinite(weight))
    throw UsageError("KefceGap::add: a weight must be positive and finite");
  ++rounds_;
  total_weight_ += weight;
  // Every player writes only its own sums, so players are independent tasks.
  parallel_ranges(players_.size(), work_per_round_, 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t p = begin; p < end; ++p) add_player(static_cast<int>(p), x, b, weight);
  });
}

void KefceGap::add_player(int player, const Profile& x, const Profile& b, double weight) {
  PlayerSums& ps = players_[player];
  const AugmentedStates& s = ps.states;
  const Treeplex& tp = game_.treeplex[player];
  const std::vector<double>& pi = b[player];
  std::vector<double>& g = ps.gradient;
  game_.utility_gradient(player, x, g);

  double follow = 0.0;
  for (int seq = 0; seq < tp.num_sequences(); ++seq) follow += x[player][seq] * g[seq];
  ps.follow += weight * follow;
  ps.empty += weight * g[0];

  // Reach weights top-down (docs/algorithms/kefce.md, "Reach weights"): a state reached
  // under recommendation r at its parent infoset p carries π(r|p); below a blind parent the
  // factor is 1. The mixture weight is folded in at the roots.
  std::vector<double>& w = ps.weight;
  double* sums = ps.sums.data();
  for (int st = 0; st < s.num_states(); ++st) {
    const int parent = s.parent(st);
    w[st] = parent < 0 ? weight : s.child_weight(st, w[parent], pi);
    if (w[st] == 0.0) continue;
    const int xi = s.infoset(st);
    const int first = tp.first_seq[xi];
    const int actions = tp.num_actions[xi];
    double* row = sums + ps.row[st];
    if (s.observing(st)) {
      for (int r = 0; r < actions; ++r) {
        const double c = w[st] * pi[first + r];
        if (c == 0.0) continue;
        for (int a = 0; a < actions; ++a) row[r * actions + a] += c * g[first + a];
      }
    } else {
      for (int a = 0; a < actions; ++a) row[a] += w[st] * g[first + a];
    }
  }
}

double KefceGap::best_value(int player, KefceModification* modification) const {
  const PlayerSums& ps = players_[player];
  const AugmentedStates& s = ps.states;
  const Treeplex& tp = game_.treeplex[player];
  std::vector<double> value(s.num_states(), 0.0);
  if (modification) {
    modification->offset.assign(s.num_states() + 1, 0);
    for (int st = 0; st < s.num_states(); ++st)
      modification->offset[st + 1] =
          modification->offset[st] + (s.observing(st) ? static_cast<std::size_t>(tp.num_actions[s.infoset(st)]) : 1);
    modification->choice.assign(modification->offset.back(), 0);
  }
  // Children come after their parents, so a reverse sweep sees every child's value first.
  for (int st = s.num_states() - 1; st >= 0; --st) {
    const int xi = s.infoset(st);
    const int first = tp.first_seq[xi];
    const int actions = tp.num_actions[xi];
    const double* row = ps.sums.data() + ps.row[st];
    const bool observing = s.observing(st);
    const int recommendations = observing ? actions : 1;
    double total = 0.0;
    for (int r = 0; r < recommendations; ++r) {
      double best = -std::numeric_limits<double>::infinity();
      int best_action = 0;
      for (int a = 0; a < actions; ++a) {
        const int local = observing ? s.child_local(st, r, a) : s.child_local(st);
        double v = observing ? row[r * actions + a] : row[a];
        for (int child : s.child_infosets(first + a)) v += value[s.first_state(child) + local];
        if (v > best) {
          best = v;
          best_action = a;
        }
      }
      total += best;
      if (modification) modification->choice[modification->offset[st] + r] = best_action;
    }
    value[st] = total;
  }
  double best = ps.empty;
  for (int root : s.child_infosets(0)) best += value[s.first_state(root)];
  return best;
}

std::vector<double> KefceGap::player_gaps() const {
  std::vector<double> gaps(game_.num_players(), 0.0);
  if (rounds_ == 0) return gaps;
  for (int p = 0; p < game_.num_players(); ++p)
    gaps[p] = (best_value(p, nullptr) - players_[p].follow) / total_weight_;
  return gaps;
}

std::vector<double> KefceGap::values() const {
  std::vector<double> values(game_.num_players(), 0.0);
  if (rounds_ == 0) return values;
  for (int p = 0; p < game_.num_players(); ++p) values[p] = players_[p].follow / total_weight_;
  return values;
}

double KefceGap::gap() const {
  double worst = 0.0;
  for (double g : player_gaps()) worst = std::max(worst, g);
  return worst;
}

KefceModification KefceGap::best_modification(int player) const {
  if (player < 0 || player >= game_.num_players())
    throw UsageError("KefceGap::best_modification: no player " + std::to_string(player));
  KefceModification out;
  best_value(player, &out);
  return out;
}

}  // namespace eqlab

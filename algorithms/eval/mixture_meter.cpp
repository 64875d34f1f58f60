#include <eqlab/algorithms/eval/mixture_meter.hpp>

namespace eqlab {

MixtureMeter::MixtureMeter(const CompiledGame& game, std::optional<int> kefce_k, std::uint64_t max_states)
    : game_(game), nfcce_(game), efce_(game), gradients_(static_cast<std::size_t>(game.num_players())) {
  for (int p = 0; p < game.num_players(); ++p)
    gradients_[p].resize(static_cast<std::size_t>(game.treeplex[p].num_sequences()));
  if (kefce_k) kefce_.emplace(game, *kefce_k, max_states);
}

void MixtureMeter::add(const Profile& x, const Profile* behavioural, double weight) {
  // One gradient per player serves both gaps (each used to take its own).
  for (int p = 0; p < game_.num_players(); ++p) game_.utility_gradient(p, x, gradients_[p]);
  nfcce_.add(x, gradients_, weight);
  efce_.add(x, gradients_, weight);
  if (!kefce_) return;
  if (behavioural) kefce_->add_behavioural(*behavioural, weight);
  else kefce_->add(x, weight);
}

MixtureReport MixtureMeter::report() const {
  MixtureReport report;
  report.nfcce_gap = nfcce_.gap();
  report.efce_gap = efce_.gap();
  report.values = nfcce_.values();
  if (kefce_) {
    report.kefce_gap = kefce_->gap();
    report.kefce_k = kefce_->k();
  }
  return report;
}

}  // namespace eqlab

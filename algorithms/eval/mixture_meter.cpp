#include <eqlab/algorithms/eval/mixture_meter.hpp>

namespace eqlab {

MixtureMeter::MixtureMeter(const CompiledGame& game, std::optional<int> kefce_k, std::uint64_t max_states)
    : nfcce_(game), efce_(game) {
  if (kefce_k) kefce_.emplace(game, *kefce_k, max_states);
}

void MixtureMeter::add(const Profile& x, const Profile* behavioural, double weight) {
  nfcce_.add(x, weight);
  efce_.add(x, weight);
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

#include <eqlab/algorithms/markov/visit_log.hpp>

#include <algorithm>

#include <eqlab/lib/error.hpp>

namespace eqlab {

std::int64_t sample_alpha_index(int alpha_horizon, std::int64_t t, RngStream& rng) {
  for (std::int64_t j = t; j > 1; --j)
    if (rng.uniform() < v_learning_alpha(alpha_horizon, j)) return j;
  return 1;
}

VisitLog::VisitLog(const MarkovModel& model, int alpha_horizon)
    : horizon_(model.horizon()),
      states_(model.num_states()),
      alpha_horizon_(alpha_horizon),
      row_(static_cast<std::size_t>(model.total_actions())),
      cells_(static_cast<std::size_t>(model.horizon()) * model.num_states()) {
  if (alpha_horizon < 1) throw UsageError("the alpha horizon must be >= 1");
  for (int i = 0; i < model.num_players(); ++i) {
    offsets_.push_back(static_cast<std::size_t>(model.action_offset(i)));
    sizes_.push_back(static_cast<std::size_t>(model.num_actions(i)));
  }
}

std::span<float> VisitLog::add_visit(int h, int s, std::uint32_t episode) {
  Cell& c = cell(h, s);
  if (!c.episodes.empty() && episode < c.episodes.back())
    throw UsageError("VisitLog: visits of one state must come in episode order");
  c.episodes.push_back(episode);
  c.probs.resize(c.probs.size() + row_);
  return {c.probs.data() + c.probs.size() - row_, row_};
}

std::int64_t VisitLog::visits_before(int h, int s, std::int64_t episode) const {
  const std::vector<std::uint32_t>& e = cell(h, s).episodes;
  if (episode <= 0) return 0;
  const auto bound = static_cast<std::uint64_t>(episode);
  return std::lower_bound(e.begin(), e.end(), bound, [](std::uint32_t x, std::uint64_t k) { return x < k; }) -
         e.begin();
}

std::span<const float> VisitLog::distribution(int h, int s, std::int64_t j, int player) const {
  const Cell& c = cell(h, s);
  return {c.probs.data() + static_cast<std::size_t>(j) * row_ + offsets_[player], sizes_[player]};
}

std::uint64_t VisitLog::checksum() const {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  const auto mix = [&hash](const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (std::size_t b = 0; b < size; ++b) hash = (hash ^ bytes[b]) * 0x100000001b3ULL;
  };
  const auto k = static_cast<std::uint64_t>(episodes_);
  mix(&k, sizeof k);
  for (const Cell& c : cells_) {
    const auto n = static_cast<std::uint64_t>(c.episodes.size());
    mix(&n, sizeof n);
    mix(c.episodes.data(), c.episodes.size() * sizeof(std::uint32_t));
    mix(c.probs.data(), c.probs.size() * sizeof(float));
  }
  return hash;
}

std::size_t VisitLog::memory_bytes() const {
  std::size_t bytes = 0;
  for (const Cell& c : cells_) bytes += c.episodes.capacity() * sizeof(std::uint32_t) + c.probs.capacity() * sizeof(float);
  return bytes;
}

}  // namespace eqlab

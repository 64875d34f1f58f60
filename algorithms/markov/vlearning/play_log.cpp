#include <eqlab/algorithms/markov/vlearning/play_log.hpp>

#include <utility>

#include <eqlab/lib/error.hpp>

namespace eqlab {

int bits_for(int n) {
  int bits = 0;
  while (bits < 31 && (1LL << bits) < n) ++bits;
  return bits;
}

PlayLog::PlayLog(int horizon, int states, std::vector<int> choices)
    : horizon_(horizon), states_(states), choices_(std::move(choices)) {
  if (horizon < 1 || states < 1 || choices_.empty())
    throw UsageError("PlayLog: the horizon, the states and the players must be at least 1");
  int total_bits = 0;
  for (int n : choices_) {
    if (n < 1) throw UsageError("PlayLog: every player needs at least one choice");
    bits_.push_back(bits_for(n));
    total_bits += bits_.back();
  }
  state_bytes_ = states <= (1 << 8) ? 1 : states <= (1 << 16) ? 2 : 4;
  record_bytes_ = static_cast<std::size_t>(state_bytes_) + static_cast<std::size_t>(total_bits + 7) / 8;
}

void PlayLog::add_step(int state, std::span<const int> choices) {
  const std::size_t at = bytes_.size();
  bytes_.resize(at + record_bytes_, 0);
  std::uint8_t* r = bytes_.data() + at;
  const auto s = static_cast<std::uint32_t>(state);
  for (int b = 0; b < state_bytes_; ++b) r[b] = static_cast<std::uint8_t>(s >> (8 * b));
  std::uint8_t* packed = r + state_bytes_;
  std::size_t bit = 0;
  for (std::size_t i = 0; i < choices_.size(); ++i) {
    const auto c = static_cast<std::uint32_t>(choices[i]);
    for (int b = 0; b < bits_[i]; ++b, ++bit)
      if ((c >> b) & 1U) packed[bit / 8] = static_cast<std::uint8_t>(packed[bit / 8] | (1U << (bit % 8)));
  }
}

const std::uint8_t* PlayLog::record(std::int64_t k, int h) const {
  return bytes_.data() + (static_cast<std::size_t>(k) * static_cast<std::size_t>(horizon_) + static_cast<std::size_t>(h)) *
                             record_bytes_;
}

int PlayLog::state(std::int64_t k, int h) const {
  const std::uint8_t* r = record(k, h);
  std::uint32_t s = 0;
  for (int b = 0; b < state_bytes_; ++b) s |= static_cast<std::uint32_t>(r[b]) << (8 * b);
  return static_cast<int>(s);
}

void PlayLog::choices(std::int64_t k, int h, std::span<int> out) const {
  const std::uint8_t* packed = record(k, h) + state_bytes_;
  std::size_t bit = 0;
  for (std::size_t i = 0; i < choices_.size(); ++i) {
    std::uint32_t c = 0;
    for (int b = 0; b < bits_[i]; ++b, ++bit) c |= static_cast<std::uint32_t>((packed[bit / 8] >> (bit % 8)) & 1U) << b;
    out[i] = static_cast<int>(c);
  }
}

void PlayLog::assign_bytes(std::vector<std::uint8_t> bytes) {
  if (bytes.size() % (record_bytes_ * static_cast<std::size_t>(horizon_)) != 0)
    throw UsageError("PlayLog: the bytes do not hold whole episodes");
  bytes_ = std::move(bytes);
}

}  // namespace eqlab

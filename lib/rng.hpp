#pragma once
// Counter-based random streams. A stream is keyed by (seed, purpose, player): the k-th
// number of a stream is a pure function of the key and k, so results do not depend on
// thread count or on the order in which streams are used.
#include <cstdint>
#include <limits>

namespace eqlab {

// SplitMix64's finaliser: a bijective mix with good avalanche.
constexpr std::uint64_t mix64(std::uint64_t z) {
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class RngStream {
 public:
  using result_type = std::uint64_t;

  RngStream(std::uint64_t seed, std::uint64_t purpose = 0, std::uint64_t player = 0)
      : key_(mix64(mix64(mix64(seed) ^ purpose) ^ (player + 0x632be59bd9b4e019ULL))) {}

  std::uint64_t operator()() { return mix64(key_ ^ mix64(counter_++)); }
  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>((*this)() >> 11) * 0x1.0p-53; }
  // Uniform integer in [0, n), n > 0 (Lemire's multiply-shift; bias below 2^-64 * n).
  std::uint64_t below(std::uint64_t n) {
    __extension__ typedef unsigned __int128 u128;
    return static_cast<std::uint64_t>((static_cast<u128>((*this)()) * n) >> 64);
  }
  std::uint64_t counter() const { return counter_; }
  void seek(std::uint64_t counter) { counter_ = counter; }

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }

 private:
  std::uint64_t key_;
  std::uint64_t counter_ = 0;
};

}  // namespace eqlab

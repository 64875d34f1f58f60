#pragma once
// Deterministic parallel loops over TBB. Work is cut into fixed chunks that do not depend
// on the thread count, and any reduction combines the chunk results in chunk order, so the
// same input gives the same bits on 1 or 16 threads.
#include <cstddef>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

namespace eqlab {

// Below this many units of work a loop runs inline: TBB's overhead would dominate.
inline constexpr std::size_t kParallelThreshold = 1 << 15;

// Calls body(begin, end) on disjoint ranges covering [0, n). `work` estimates the total
// cost; small loops stay on the calling thread.
template <class Body>
void parallel_ranges(std::size_t n, std::size_t work, std::size_t chunk, Body&& body) {
  if (n == 0) return;
  if (work < kParallelThreshold || n <= chunk) {
    body(std::size_t{0}, n);
    return;
  }
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, chunk),
                    [&](const tbb::blocked_range<std::size_t>& r) { body(r.begin(), r.end()); },
                    tbb::simple_partitioner());
}

// Sum of f(i) over [0, n) with a result independent of the thread count: fixed chunks,
// each summed in order, then the chunk sums added in order.
template <class F>
double deterministic_sum(std::size_t n, std::size_t chunk, F&& f) {
  if (n == 0) return 0.0;
  std::size_t chunks = (n + chunk - 1) / chunk;
  std::vector<double> partial(chunks, 0.0);
  auto run_chunk = [&](std::size_t c) {
    double s = 0.0;
    for (std::size_t i = c * chunk, e = std::min(n, (c + 1) * chunk); i < e; ++i) s += f(i);
    partial[c] = s;
  };
  if (n < kParallelThreshold) {
    for (std::size_t c = 0; c < chunks; ++c) run_chunk(c);
  } else {
    tbb::parallel_for(std::size_t{0}, chunks, run_chunk);
  }
  double total = 0.0;
  for (double p : partial) total += p;
  return total;
}

}  // namespace eqlab

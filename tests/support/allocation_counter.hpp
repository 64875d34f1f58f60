#pragma once
// Test support: the global operator new of the test binary counts, per thread, the
// allocations made and the bytes held (malloc's usable sizes, so that frees match), with
// the peak since the last reset. Per thread, so that work on other threads never enters a
// measurement: run the code under test on the calling thread (e.g. in a one-slot
// tbb::task_arena) to see all of it.
#include <cstddef>
#include <cstdint>

namespace eqlab::test {

std::size_t allocations_on_this_thread();
std::int64_t live_bytes_on_this_thread();
std::int64_t peak_bytes_on_this_thread();
// Sets the peak to the bytes live now.
void reset_peak_on_this_thread();

}  // namespace eqlab::test

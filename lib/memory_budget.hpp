#pragma once
// The memory a run may use and the estimate it is checked against before it starts, so
// that a run too large for the machine stops at once with a message instead of swapping
// for an hour or being killed by the kernel halfway through.
#include <cstdint>
#include <string>
#include <vector>

namespace eqlab {

// What a run will hold at its peak, part by part ("game", "learner state", ...).
class MemoryEstimate {
 public:
  struct Part {
    std::string what;
    std::uint64_t bytes = 0;
  };

  // Adds a part; sizes saturate at UINT64_MAX instead of wrapping.
  void add(std::string what, std::uint64_t bytes);
  std::uint64_t total() const;
  const std::vector<Part>& parts() const { return parts_; }
  // "1.2 GiB (game 200.0 MiB, learner state 1.0 GiB)".
  std::string text() const;

 private:
  std::vector<Part> parts_;
};

// Saturating arithmetic for estimates, whose factors can come from hostile input.
std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b);
std::uint64_t saturating_multiply(std::uint64_t a, std::uint64_t b);

struct MemoryBudget {
  std::uint64_t bytes = 0;  // 0: no limit (the available memory is unknown)
  std::string origin;       // how it was set, for messages: "80% of the 21.3 GiB available"
};

// The memory this process can still use: MemAvailable of /proc/meminfo, lowered to the
// room left under the cgroup's memory.max when one is set (containers, batch jobs); 0
// when neither is known.
std::uint64_t available_memory();

inline constexpr const char* kDefaultMemoryBudget = "80%";

// A budget as users write it: a share of the available memory ("80%", from 1% to 100%),
// or a size with an optional binary unit ("512MiB", "4G", "1.5GiB", "1000000"). Throws
// UsageError for anything else or a zero size.
MemoryBudget parse_memory_budget(const std::string& text);

// Throws ResourceError when the estimate exceeds the budget. `run` names the run in the
// message ("solve leduc with efce-omd"); the message lists the parts and says how to raise
// the budget (--memory-budget) or shrink the run.
void check_memory_budget(const MemoryEstimate& estimate, const MemoryBudget& budget, const std::string& run);

}  // namespace eqlab

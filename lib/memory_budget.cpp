#include <eqlab/lib/memory_budget.hpp>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

#include <eqlab/lib/error.hpp>
#include <eqlab/lib/memory_text.hpp>

namespace eqlab {

namespace {

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

// A number from a one-line file of /sys, or kMax for "max", a missing file or anything else.
std::uint64_t read_limit(const std::string& path) {
  std::ifstream in(path);
  std::string text;
  if (!(in >> text)) return kMax;
  try {
    std::size_t used = 0;
    const unsigned long long value = std::stoull(text, &used);
    return used == text.size() ? value : kMax;
  } catch (const std::exception&) {
    return kMax;
  }
}

std::uint64_t meminfo_available() {
  std::ifstream in("/proc/meminfo");
  std::string key;
  std::uint64_t kib = 0;
  std::string unit;
  while (in >> key >> kib >> unit)
    if (key == "MemAvailable:") return kib * 1024;
  return 0;
}

}  // namespace

void MemoryEstimate::add(std::string what, std::uint64_t bytes) { parts_.push_back({std::move(what), bytes}); }

std::uint64_t MemoryEstimate::total() const {
  std::uint64_t sum = 0;
  for (const Part& part : parts_) sum = saturating_add(sum, part.bytes);
  return sum;
}

std::string MemoryEstimate::text() const {
  std::string text = memory_text(total()) + " (";
  for (std::size_t i = 0; i < parts_.size(); ++i)
    text += (i ? ", " : "") + parts_[i].what + " " + memory_text(parts_[i].bytes);
  return text + ")";
}

std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) { return a > kMax - b ? kMax : a + b; }

std::uint64_t saturating_multiply(std::uint64_t a, std::uint64_t b) {
  if (a == 0 || b == 0) return 0;
  return a > kMax / b ? kMax : a * b;
}

std::uint64_t available_memory() {
  std::uint64_t available = meminfo_available();
  // cgroup v2: the limit of this process's group and what it uses now.
  std::ifstream cgroup("/proc/self/cgroup");
  std::string line;
  while (std::getline(cgroup, line)) {
    if (line.rfind("0::", 0) != 0) continue;
    const std::string folder = "/sys/fs/cgroup" + line.substr(3);
    const std::uint64_t limit = read_limit(folder + "/memory.max");
    const std::uint64_t used = read_limit(folder + "/memory.current");
    if (limit != kMax && used != kMax) {
      const std::uint64_t room = limit > used ? limit - used : 0;
      available = available == 0 ? room : std::min(available, room);
    }
  }
  return available;
}

MemoryBudget parse_memory_budget(const std::string& text) {
  const auto bad = [&] {
    return UsageError("--memory-budget " + text +
                      ": expected a share of the available memory such as 80%, or a size such as 512MiB, 4G "
                      "or 1.5GiB");
  };
  std::size_t used = 0;
  double amount = 0.0;
  try {
    amount = std::stod(text, &used);
  } catch (const std::exception&) {
    throw bad();
  }
  if (!std::isfinite(amount) || amount <= 0.0) throw bad();
  std::string unit = text.substr(used);
  if (unit == "%") {
    if (amount < 1.0 || amount > 100.0) throw UsageError("--memory-budget " + text + ": a share from 1% to 100%");
    const std::uint64_t available = available_memory();
    if (available == 0) return {0, "no limit: the available memory is unknown"};
    std::ostringstream origin;
    origin << text << " of the " << memory_text(available) << " available";
    return {static_cast<std::uint64_t>(static_cast<double>(available) * amount / 100.0), origin.str()};
  }
  if (unit.size() == 3 && unit.substr(1) == "iB") unit = unit.substr(0, 1);  // KiB, MiB, GiB, TiB
  if (unit.size() == 2 && unit[1] == 'B' && unit[0] != 'i') unit = unit.substr(0, 1);  // KB, MB, ...: binary too
  double scale = 1.0;
  if (unit.empty() || unit == "B") scale = 1.0;
  else if (unit == "K" || unit == "k") scale = 1024.0;
  else if (unit == "M") scale = 1024.0 * 1024.0;
  else if (unit == "G") scale = 1024.0 * 1024.0 * 1024.0;
  else if (unit == "T") scale = 1024.0 * 1024.0 * 1024.0 * 1024.0;
  else throw bad();
  const double bytes = amount * scale;
  if (bytes < 1.0 || bytes >= 1.8e19) throw bad();
  return {static_cast<std::uint64_t>(bytes), "--memory-budget " + text};
}

void check_memory_budget(const MemoryEstimate& estimate, const MemoryBudget& budget, const std::string& run) {
  if (budget.bytes == 0 || estimate.total() <= budget.bytes) return;
  throw ResourceError(run + " needs about " + estimate.text() + ", more than the memory budget of " +
                      memory_text(budget.bytes) + " (" + budget.origin +
                      "); raise it with --memory-budget (a size such as 16GiB, or a share such as 95%), or make "
                      "the run smaller");
}

}  // namespace eqlab

#include "progress_hook.hpp"

#include <chrono>
#include <memory>

namespace py = pybind11;

namespace eqlab::python {

namespace {

// Iterations between two reads of the clock: a step of a small game takes about a
// microsecond, a clock read a few tens of nanoseconds.
constexpr std::int64_t kStepsBetweenClockReads = 64;
constexpr std::chrono::milliseconds kReportEvery{100};

// The Python function, shared by the copies of the callback: copying a shared_ptr needs no
// interpreter lock, copying a py::object does. The last copy is the caller's, released
// with the lock held.
std::shared_ptr<py::object> hold(const py::object& report) {
  return report.is_none() ? nullptr : std::make_shared<py::object>(report);
}

}  // namespace

std::function<void(std::int64_t)> run_progress_hook(const py::object& report, std::int64_t total) {
  using Clock = std::chrono::steady_clock;
  auto next_report = std::make_shared<Clock::time_point>(Clock::now() + kReportEvery);
  return [function = hold(report), next_report, total](std::int64_t done) {
    if (done % kStepsBetweenClockReads != 0 && done != total) return;
    const Clock::time_point now = Clock::now();
    if (now < *next_report && done != total) return;
    *next_report = now + kReportEvery;
    py::gil_scoped_acquire lock;
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    if (function) (*function)(done, total);
  };
}

void run_interruptibly(const std::function<bool()>& chunk) {
  for (bool more = true; more;) {
    {
      py::gil_scoped_release release;
      more = chunk();
    }
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();
  }
}

std::function<void(std::int64_t, std::int64_t)> runs_progress_hook(const py::object& report) {
  if (report.is_none()) return {};
  return [function = hold(report)](std::int64_t done, std::int64_t total) {
    py::gil_scoped_acquire lock;
    (*function)(done, total);
  };
}

}  // namespace eqlab::python

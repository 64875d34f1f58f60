#pragma once
// Long runs called from Python: the runners' progress callbacks, turned into calls of a
// Python progress function (tqdm's, from eqlab's Python layer) and checks for Ctrl-C.
#include <cstdint>
#include <functional>

#include <pybind11/pybind11.h>

namespace eqlab::python {

// For RunOptions::on_progress and MarkovRunOptions::on_progress, called with the
// interpreter lock released on the thread that holds it otherwise: about ten times a second
// it takes the lock, raises KeyboardInterrupt (as an exception that stops the run) when
// Ctrl-C was pressed, and calls report(done, total) unless report is None. Made with the
// lock held.
std::function<void(std::int64_t)> run_progress_hook(const pybind11::object& report, std::int64_t total);

// Calls `chunk` with the interpreter lock released until it returns false, checking for
// Ctrl-C after each call (KeyboardInterrupt, raised with the lock held): the loop of
// Solver.step and MarkovSolver.step. A call should do a small part of the work, so that
// Ctrl-C is answered at once.
void run_interruptibly(const std::function<bool()>& chunk);

// For the experiments' on_run_done, called from any thread: takes the lock and calls
// report(done, total); an empty function when report is None. Made with the lock held.
std::function<void(std::int64_t, std::int64_t)> runs_progress_hook(const pybind11::object& report);

}  // namespace eqlab::python

#include "interrupt.hpp"

namespace eqlab::cli {

namespace {

volatile std::sig_atomic_t signal_seen = 0;

// Async-signal-safe: a flag, and the default action back for the next signal.
extern "C" void on_signal(int number) {
  signal_seen = 1;
  struct sigaction fallback {};
  fallback.sa_handler = SIG_DFL;
  sigemptyset(&fallback.sa_mask);
  sigaction(number, &fallback, nullptr);
}

}  // namespace

InterruptWatch::InterruptWatch() {
  signal_seen = 0;
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, &previous_int_);
  sigaction(SIGTERM, &action, &previous_term_);
}

InterruptWatch::~InterruptWatch() {
  sigaction(SIGINT, &previous_int_, nullptr);
  sigaction(SIGTERM, &previous_term_, nullptr);
}

bool InterruptWatch::requested() { return signal_seen != 0; }

}  // namespace eqlab::cli

#pragma once
// Ctrl-C (SIGINT) and SIGTERM during a long run. The first signal asks the run to stop at
// its next iteration; the command then writes what it has, complete and marked
// "interrupted", and exits with kExitInterrupted. A second signal ends the process at once
// (the default action): files being written are under ".partial" names, so nothing on
// disk looks complete that is not.
#include <csignal>

namespace eqlab::cli {

inline constexpr int kExitInterrupted = 130;  // 128 + SIGINT, as shells report it

class InterruptWatch {
 public:
  // Installs the handlers; the destructor restores the ones before.
  InterruptWatch();
  ~InterruptWatch();
  InterruptWatch(const InterruptWatch&) = delete;
  InterruptWatch& operator=(const InterruptWatch&) = delete;

  // Whether a signal has come since the watch began.
  static bool requested();

 private:
  struct sigaction previous_int_ {}, previous_term_ {};
};

}  // namespace eqlab::cli

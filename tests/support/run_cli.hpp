#pragma once
// Test support: runs the built eqlab binary as a user does, in a scratch folder, and
// captures its exit code and output. Only for tests compiled with EQLAB_HAVE_CLI.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

namespace eqlab::test {

// A folder of its own for each test process (ctest runs test cases in parallel).
inline std::filesystem::path scratch(const std::string& name) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("eqlab-cli-" + name + "-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

inline int count_lines(const std::string& text) {
  int n = 0;
  for (char c : text) n += c == '\n';
  return n;
}

struct Run {
  int code = -1;
  std::string out, err;
};

// Runs a shell command that writes eqlab's output to dir/stdout.txt and dir/stderr.txt
// (the names `make_command` is given), and reads back its exit code and both files.
template <class MakeCommand>
Run run_collecting_output(const std::filesystem::path& dir, MakeCommand make_command) {
  const std::filesystem::path out = dir / "stdout.txt", err = dir / "stderr.txt";
  const std::string command = make_command(out.string(), err.string());
  const int status = std::system(command.c_str());
  Run run;
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = read_text(out);
  run.err = read_text(err);
  return run;
}

// Runs `eqlab ARGS` through the shell (ARGS is quoted by the caller), in `dir`, after the
// environment assignments `env` ("PATH=/x") when given.
inline Run run_eqlab(const std::string& args, const std::filesystem::path& dir, const std::string& env = {}) {
  return run_collecting_output(dir, [&](const std::string& out, const std::string& err) {
    return "cd '" + dir.string() + "' && " + env + " '" EQLAB_BINARY_DIR "/bin/eqlab' " + args + " >'" + out +
           "' 2>'" + err + "' </dev/null";
  });
}

// Runs eqlab in the background and sends it SIGINT (Ctrl-C) once `marker` has appeared on
// its standard error and `settle_seconds` more have passed, so that the signal reaches the
// run rather than the start-up, however loaded the machine (a fixed delay does not). The
// code is the process's exit status (128 + 2 if the signal killed it). `marker` must not
// hold a single quote.
inline Run run_eqlab_interrupted(const std::string& args, const std::filesystem::path& dir, const std::string& marker,
                                 double settle_seconds = 0.5) {
  return run_collecting_output(dir, [&](const std::string& out, const std::string& err) {
    return "cd '" + dir.string() + "' && { '" EQLAB_BINARY_DIR "/bin/eqlab' " + args + " >'" + out + "' 2>'" + err +
           "' </dev/null & pid=$!; i=0; while ! grep -qF '" + marker + "' '" + err +
           "' && kill -0 $pid 2>/dev/null && [ $i -lt 1200 ]; do sleep 0.05; i=$((i+1)); done; sleep " +
           std::to_string(settle_seconds) + "; kill -INT $pid 2>/dev/null; wait $pid; }";
  });
}

}  // namespace eqlab::test

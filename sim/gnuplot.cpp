#include <eqlab/sim/gnuplot.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace eqlab::gnuplot {

namespace fs = std::filesystem;

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += "''";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out + "'";
}

std::string terminal_lines(PlotFormat format, int width, int height) {
  const std::string size = std::to_string(width) + "," + std::to_string(height);
  if (format == PlotFormat::svg)
    return "set terminal svg noenhanced size " + size + " font 'sans,11' background '#ffffff'\n";
  // pdfcairo measures in inches: 100 pixels to the inch keeps the proportions and the
  // font's size relative to the figure.
  if (format == PlotFormat::pdf)
    return "set terminal pdfcairo noenhanced size " + std::to_string(width / 100.0) + "in," +
           std::to_string(height / 100.0) + "in font 'sans,8'\n";
  return "if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {\n"
         "  set terminal pngcairo noenhanced size " + size + " font 'sans,11'\n"
         "} else {\n"
         "  set terminal png noenhanced size " + size + "\n"
         "}\n";
}

TempFolder::TempFolder() {
  std::string pattern = (fs::temp_directory_path() / "eqlab-plot-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr)
    throw PlotError("cannot create a temporary folder for gnuplot: " + std::string(std::strerror(errno)));
  path_ = pattern;
}

TempFolder::~TempFolder() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

namespace {

// Runs `program script` with stdout and stderr into `log`; returns the exit status, or
// -1 when the program did not exit normally.
int run_child(const std::string& program, const std::string& script, const std::string& log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  std::string arg0 = program, arg1 = script;
  char* argv[] = {arg0.data(), arg1.data(), nullptr};
  pid_t pid = 0;
  const int spawn_error = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawn_error != 0) throw PlotError("cannot run " + program + ": " + std::strerror(spawn_error));
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw PlotError("waiting for " + program + ": " + std::strerror(errno));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The first line of gnuplot's output that reports a problem, else its last line.
std::string first_complaint(const std::string& log_path) {
  std::ifstream in(log_path);
  std::string line, last;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t^") == std::string::npos) continue;
    if (line.find("rror") != std::string::npos) return line;
    last = line;
  }
  return last;
}

}  // namespace

void run(const std::string& program, const std::string& script, const std::string& log, const std::string& output) {
  if (run_child(program, script, log) != 0) {
    const std::string why = first_complaint(log);
    throw PlotError("gnuplot failed to draw " + output + (why.empty() ? std::string() : ": " + why));
  }
  std::error_code ec;
  if (!fs::exists(output, ec) || fs::file_size(output, ec) == 0)
    throw PlotError("gnuplot did not write " + output + ": is its folder writable?");
}

}  // namespace eqlab::gnuplot

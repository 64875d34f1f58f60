#include "output_file.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <eqlab/sim/plot.hpp>
#include <eqlab/sim/result_files.hpp>

#include "cli.hpp"

namespace eqlab::cli {

namespace fs = std::filesystem;

namespace {
bool new_folders_allowed = false;
}  // namespace

void allow_new_folders(const Args& args) { new_folders_allowed = args.has("--mkdir"); }

void prepare_output(const std::string& path) {
  if (path == "-") return;
  const fs::path parent = fs::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty() && !fs::is_directory(parent, ec)) {
    if (!new_folders_allowed)
      throw BadInputError("cannot write " + path + ": the folder " + parent.string() +
                          " does not exist (give --mkdir to create it)");
    fs::create_directories(parent, ec);
    if (ec) throw BadInputError("cannot create the folder " + parent.string() + ": " + ec.message());
  }
  if (fs::is_directory(path, ec)) throw BadInputError("cannot write " + path + ": it is a folder");
  const bool existed = fs::exists(path, ec);
  {
    std::ofstream probe(path, std::ios::app);
    if (!probe) throw BadInputError("cannot write " + path + ": " + std::strerror(errno));
  }
  if (!existed) fs::remove(path, ec);
}

void check_figure_name(const std::string& command, const std::string& flag, const std::string& path) {
  try {
    plot_format_for(path);
  } catch (const std::invalid_argument& e) {
    throw CommandLineError(command, flag + " " + e.what());
  }
}

void write_text_file(const std::string& path, const std::string& text) {
  if (path == "-") {
    std::cout << text;
    std::cout.flush();
    return;
  }
  prepare_output(path);
  try {
    write_file_atomically(path, [&](std::ostream& out) { out << text; });
  } catch (const std::runtime_error& e) {
    throw BadInputError(e.what());
  }
}

}  // namespace eqlab::cli

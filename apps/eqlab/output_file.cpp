#include "output_file.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <eqlab/sim/plot.hpp>

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
  const std::string partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (out) out << text;
    out.flush();
    if (!out) {
      const std::string reason = std::strerror(errno);
      std::error_code ignored;
      fs::remove(partial, ignored);
      throw BadInputError("cannot write " + path + ": " + reason);
    }
  }
  std::error_code ec;
  fs::rename(partial, path, ec);
  if (ec) throw BadInputError("cannot write " + path + ": " + ec.message());
}

}  // namespace eqlab::cli

#pragma once
// What every experiment writes its files with: numbers as the shortest text that reads
// back exactly ("nan", "inf" and "-inf" spelled out), and files that appear under their
// name only once complete.
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace eqlab {

// The shortest decimal text that reads back as v exactly.
std::string exact_number_text(double v);

// Writes a file under "<path>.partial" and renames it, so that `path` only ever names a
// complete file. `write(std::ostream&)` fills it; when the file cannot be written the
// partial one is removed and std::runtime_error says "cannot write PATH: why".
template <class Write>
void write_file_atomically(const std::filesystem::path& path, Write&& write) {
  const std::filesystem::path partial = path.string() + ".partial";
  const auto fail = [&](const std::string& why) {
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    throw std::runtime_error("cannot write " + path.string() + ": " + why);
  };
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) fail(std::strerror(errno));
    write(out);
    out.flush();
    if (!out) fail(std::strerror(errno));
  }
  std::error_code ec;
  std::filesystem::rename(partial, path, ec);
  if (ec) fail(ec.message());
}

}  // namespace eqlab

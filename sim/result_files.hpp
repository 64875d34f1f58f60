#pragma once
// What every experiment writes its files with: numbers as the shortest text that reads
// back exactly ("nan", "inf" and "-inf" spelled out), and files that appear under their
// name only once complete.
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace eqlab {

// The shortest decimal text that reads back as v exactly.
std::string exact_number_text(double v);

// Writes a file under "<path>.partial" and renames it, so that `path` only ever names a
// complete file. `write(std::ostream&)` fills it; throws std::runtime_error naming the
// file when it cannot be written.
template <class Write>
void write_file_atomically(const std::filesystem::path& path, Write&& write) {
  const std::filesystem::path partial = path.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot write " + partial.string());
    write(out);
    out.flush();
    if (!out) throw std::runtime_error("cannot write " + partial.string());
  }
  std::filesystem::rename(partial, path);
}

}  // namespace eqlab

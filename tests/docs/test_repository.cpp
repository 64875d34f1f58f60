// The repository stands alone: every registered solver names a note in docs/algorithms/
// that exists, and no source or document refers to a file outside the repository.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <eqlab/algorithms/solver_registry.hpp>

namespace fs = std::filesystem;

TEST_CASE("docs: every registered solver's note exists in docs/algorithms/") {
  int solvers = 0;
  for (const eqlab::SolverEntry* entry : eqlab::registered_solvers()) {
    CAPTURE(entry->name);
    ++solvers;
    CHECK(fs::is_regular_file(fs::path(EQLAB_SOURCE_DIR) / "docs" / "algorithms" / entry->note));
  }
  CHECK(solvers >= 21);  // the library's 21, and any a test registers
}

// The two folders beside a checkout that the sources once named, spelled in pieces so that
// this file does not name them itself.
const std::string kSpecFolder = std::string("spec") + "s/";
const std::string kSharedFolder = std::string("..") + "/shared";

TEST_CASE("docs: no source or document refers to a path outside the repository") {
  const fs::path root(EQLAB_SOURCE_DIR);
  int files = 0;
  auto check_file = [&](const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string line;
    int number = 0;
    ++files;
    while (std::getline(in, line)) {
      ++number;
      const bool outside = line.find(kSpecFolder) != std::string::npos || line.find(kSharedFolder) != std::string::npos;
      if (outside) FAIL_CHECK(fs::relative(path, root).string() << ":" << number << ": " << line);
    }
  };
  for (const char* folder : {"lib", "games", "algorithms", "sim", "apps", "docs"})
    for (const auto& entry : fs::recursive_directory_iterator(root / folder))
      if (entry.is_regular_file()) check_file(entry.path());
  check_file(root / "README.md");
  CHECK(files > 100);
}

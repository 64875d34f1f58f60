// The loaders' fuzz entry points (fuzz/fuzz_inputs.hpp) on files kept in the repository:
// every input a fuzzer once crashed on (tests/data/fuzz/TARGET/) must now be accepted or
// refused with a user-facing error, and every seed of fuzz/seeds/TARGET/ must be accepted,
// so that the seeds stay valid inputs as the formats evolve.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_inputs.hpp"

namespace {

namespace fs = std::filesystem;

std::string file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<fs::path> files_in(const fs::path& folder) {
  std::vector<fs::path> files;
  if (fs::is_directory(folder))
    for (const auto& entry : fs::directory_iterator(folder))
      if (entry.is_regular_file() && entry.path().filename() != "README.md") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("fuzz regressions: inputs that once crashed a loader are accepted or refused cleanly") {
  int inputs = 0;
  for (const eqlab::fuzz::FuzzTarget& target : eqlab::fuzz::fuzz_targets()) {
    for (const fs::path& file : files_in(fs::path(EQLAB_TEST_DATA) / "fuzz" / target.name)) {
      CAPTURE(file.string());
      CHECK_NOTHROW((void)target.run(file_bytes(file)));
      ++inputs;
    }
  }
  MESSAGE(inputs << " fuzz regression inputs");
  CHECK(inputs > 0);
}

TEST_CASE("fuzz seeds: every committed seed is an accepted input of its target") {
  int seeds = 0;
  for (const eqlab::fuzz::FuzzTarget& target : eqlab::fuzz::fuzz_targets()) {
    for (const fs::path& file : files_in(fs::path(EQLAB_SOURCE_DIR) / "fuzz" / "seeds" / target.name)) {
      CAPTURE(file.string());
      CHECK(target.run(file_bytes(file)));
      ++seeds;
    }
  }
  CHECK(seeds >= 15);
}

TEST_CASE("fuzz targets: the names scripts/fuzz and fuzz/CMakeLists.txt use") {
  std::vector<std::string> names;
  for (const auto& target : eqlab::fuzz::fuzz_targets()) names.emplace_back(target.name);
  CHECK(names == std::vector<std::string>{"game_json", "gambit", "graphml", "dot", "reference_model", "result",
                                          "distribution", "markov_policy", "experiment_config", "goals",
                                          "preference_data"});
  CHECK_THROWS_AS(eqlab::fuzz::fuzz_target("nope"), std::invalid_argument);
}

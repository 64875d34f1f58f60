// eqlab experiment over MPI: `mpirun -n 2 eqlab experiment` writes byte for byte the files
// of a single process. Without MPI (or without mpirun) the test says it is skipped and
// checks instead that a launcher-started eqlab built without MPI refuses to run.
#include <doctest/doctest.h>

#ifdef EQLAB_HAVE_CLI

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "support/run_cli.hpp"

namespace fs = std::filesystem;

namespace {

using eqlab::test::read_text;
using eqlab::test::Run;
using eqlab::test::run_eqlab;
using eqlab::test::write_text;

// 2 games × 2 algorithms × 3 seeds: 12 runs, so each of 2 processes makes 6.
const char* const kGrid = R"json({
  "name": "mpi-grid",
  "games": [{"game": "kuhn", "label": "kuhn"}, {"game": "kuhn(players=3)", "label": "kuhn3"}],
  "algorithms": [{"solver": "omd"}, {"solver": "efce-omd"}],
  "seeds": 3, "iterations": 150, "checkpoints": 8, "metric": "efce_gap"})json";

std::vector<fs::path> files_under(const fs::path& root) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file()) files.push_back(fs::relative(entry.path(), root));
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

#ifdef EQLAB_MPIEXEC

TEST_CASE("cli: mpirun -n 2 eqlab experiment writes the files of a single process") {
  const fs::path dir = eqlab::test::scratch("mpi");
  write_text(dir / "grid.json", kGrid);
  const Run single = run_eqlab("experiment grid.json --out single --no-plots --no-progress", dir);
  REQUIRE_MESSAGE(single.code == 0, single.err);
  // Open MPI refuses root without these, and two ranks may exceed the cores of a CI machine.
  // Under AddressSanitizer, leak checks stay off in the MPI processes: Open MPI never frees
  // what MPI_Init allocates (some of it in plugins already unloaded, so no suppression
  // can name it); the single-process run above checks eqlab's own code for leaks.
  const std::string launcher = "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 "
                               "OMPI_MCA_rmaps_base_oversubscribe=1 ASAN_OPTIONS=\"${ASAN_OPTIONS}:detect_leaks=0\" '"
                               EQLAB_MPIEXEC "' -n 2";
  const Run spread = run_eqlab("experiment grid.json --out spread --no-plots --no-progress", dir, launcher);
  REQUIRE_MESSAGE(spread.code == 0, (spread.out + spread.err));
  CHECK_MESSAGE(spread.out.find("12 over 2 processes") != std::string::npos, spread.out);

  const std::vector<fs::path> files = files_under(dir / "single");
  CHECK(files == files_under(dir / "spread"));
  CHECK(files.size() == 12 + 5);  // the runs, experiment.json, summary, rates, sizes and size_rates
  for (const fs::path& file : files) {
    CAPTURE(file.string());
    CHECK(read_text(dir / "single" / file) == read_text(dir / "spread" / file));
  }
  CHECK(read_text(dir / "spread/summary.csv").find("\nkuhn3,efce-omd,efce_gap,150,3,") != std::string::npos);
}

#else

TEST_CASE("cli: an eqlab built without MPI refuses to run under an MPI launcher") {
  MESSAGE("skipped: mpirun over 2 processes (eqlab was built without MPI; Debian: libopenmpi-dev)");
  const fs::path dir = eqlab::test::scratch("mpi");
  write_text(dir / "grid.json", kGrid);
  const Run r = run_eqlab("experiment grid.json --out spread --no-progress", dir, "OMPI_COMM_WORLD_SIZE=2");
  CHECK(r.code != 0);
  CHECK_MESSAGE(r.err.find("built without MPI") != std::string::npos, r.err);
  CHECK_FALSE(fs::exists(dir / "spread/summary.csv"));
}

#endif
#endif

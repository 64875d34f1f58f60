#include "process_group.hpp"

#include <cstdlib>

#include <eqlab/lib/error.hpp>

#ifdef EQLAB_HAVE_MPI
#include <mpi.h>
#endif

namespace eqlab::cli {

bool ProcessGroup::launched_by_mpi() {
  // Open MPI's mpirun, PMI-2 launchers (MPICH's, Slurm's srun --mpi=pmi2) and PMIx ones.
  for (const char* variable : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK"})
    if (std::getenv(variable) != nullptr) return true;
  return false;
}

#ifdef EQLAB_HAVE_MPI

ProcessGroup::ProcessGroup() {
  if (!launched_by_mpi()) return;
  int initialised = 0;
  MPI_Initialized(&initialised);
  if (!initialised) {
    MPI_Init(nullptr, nullptr);
    started_ = true;
  }
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  MPI_Comm local;
  MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, rank_, MPI_INFO_NULL, &local);
  MPI_Comm_size(local, &local_size_);
  MPI_Comm_free(&local);
}

ProcessGroup::~ProcessGroup() {
  if (started_) MPI_Finalize();
}

bool ProcessGroup::all(bool value) const {
  if (size_ == 1) return value;
  int mine = value ? 1 : 0, every = 0;
  MPI_Allreduce(&mine, &every, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
  return every != 0;
}

long long ProcessGroup::sum(long long value) const {
  if (size_ == 1) return value;
  long long total = 0;
  MPI_Allreduce(&value, &total, 1, MPI_LONG_LONG, MPI_SUM, MPI_COMM_WORLD);
  return total;
}

#else

ProcessGroup::ProcessGroup() {
  if (launched_by_mpi())
    throw UsageError(
        "started by an MPI launcher, but this eqlab was built without MPI, so every process would run "
        "the whole grid into the same folder; install an MPI library (Debian: libopenmpi-dev) and "
        "rebuild, or run eqlab without mpirun");
}

ProcessGroup::~ProcessGroup() = default;
bool ProcessGroup::all(bool value) const { return value; }
long long ProcessGroup::sum(long long value) const { return value; }

#endif

}  // namespace eqlab::cli

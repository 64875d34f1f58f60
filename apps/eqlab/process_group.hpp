#pragma once
// The processes a command runs in: one, or the ranks of an MPI job when eqlab was built
// with MPI (EQLAB_HAVE_MPI) and started by an MPI launcher (mpirun, srun). MPI is started
// only then, so a plain run never touches it.
namespace eqlab::cli {

class ProcessGroup {
 public:
  // Starts MPI when an MPI launcher started this process. Throws UsageError when one did
  // but this eqlab was built without MPI: each process would run the whole job alone.
  ProcessGroup();
  ~ProcessGroup();
  ProcessGroup(const ProcessGroup&) = delete;
  ProcessGroup& operator=(const ProcessGroup&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }
  int local_size() const { return local_size_; }  // processes of the group on this machine

  // Collective: every process calls them, in the same order.
  bool all(bool value) const;  // true when `value` is true on every process
  long long sum(long long value) const;

  // Whether an MPI launcher started this process (its environment says so).
  static bool launched_by_mpi();

 private:
  bool started_ = false;
  int rank_ = 0, size_ = 1, local_size_ = 1;
};

}  // namespace eqlab::cli

#pragma once
// The loaders under fuzzing, one entry point per input format. An entry point reads its
// bytes the way the command line reads that format and returns whether the input was
// accepted or refused with a user-facing error (InputError, UsageError). Anything else
// escaping it — another exception, a sanitizer report, a crash — is a defect.
//
// The same entry points run the fuzzers (fuzz/fuzz_main.cpp, one binary per target)
// and the regression test over inputs the fuzzers once crashed on
// (tests/test_fuzz_regressions.cpp, tests/data/fuzz/TARGET/).
#include <string>
#include <string_view>
#include <vector>

namespace eqlab::fuzz {

struct FuzzTarget {
  const char* name;
  const char* summary;
  // True when the input is accepted, false when it is refused with a user-facing error.
  bool (*run)(std::string_view input);
};

const std::vector<FuzzTarget>& fuzz_targets();
// Throws std::invalid_argument for an unknown name.
const FuzzTarget& fuzz_target(std::string_view name);

}  // namespace eqlab::fuzz

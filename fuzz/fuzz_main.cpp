// One libFuzzer binary per format: EQLAB_FUZZ_TARGET names the entry point it drives.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_inputs.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const eqlab::fuzz::FuzzTarget& target = eqlab::fuzz::fuzz_target(EQLAB_FUZZ_TARGET);
  (void)target.run(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}

#pragma once
// Byte counts as people read them in messages: "512 B", "1.5 KiB", "3.2 GiB".
#include <cstdint>
#include <string>

namespace eqlab {

std::string memory_text(std::uint64_t bytes);

}  // namespace eqlab

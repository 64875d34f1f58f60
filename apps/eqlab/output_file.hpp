#pragma once
// Output files of the command line. Folders are created as needed, and every output is
// checked before a long run starts, so a typo in a path fails in a second, not after it.
#include <string>

namespace eqlab::cli {

// Creates the parent folders of `path` and checks that the file can be written (a file
// created by the check is removed again). Throws BadInputError.
void prepare_output(const std::string& path);

// Writes `text` to `path`, or to stdout when `path` is "-". Throws BadInputError.
void write_text_file(const std::string& path, const std::string& text);

}  // namespace eqlab::cli

#pragma once
// Output files of the command line. Folders are created as needed, and every output is
// checked before a long run starts, so a typo in a path fails in a second, not after it.
#include <string>

namespace eqlab::cli {

// Creates the parent folders of `path` and checks that the file can be written (a file
// created by the check is removed again). Throws BadInputError.
void prepare_output(const std::string& path);

// Checks that a figure's name asks for a format eqlab draws (.png, .svg or .pdf).
// Throws CommandLineError for `command`, naming `flag`.
void check_figure_name(const std::string& command, const std::string& flag, const std::string& path);

// Writes `text` to `path` (under "<path>.partial", renamed when complete, so that `path`
// only ever names a whole file), or to stdout when `path` is "-". Throws BadInputError.
void write_text_file(const std::string& path, const std::string& text);

}  // namespace eqlab::cli

#pragma once
// Output files of the command line. Every output is checked before a long run starts, so
// a typo in a path fails in a second, not after it; a missing folder is an error (a typo
// in a folder's name would otherwise become a new folder) unless --mkdir is given.
#include <cstdint>
#include <string>

#include "cli.hpp"

namespace eqlab::cli {

// The flag of the commands that write files: create missing folders of output paths.
inline const FlagSpec kMkdirFlag{"--mkdir", false};

// Outputs estimated above this size are announced before the run that writes them.
inline constexpr std::uint64_t kAnnouncedOutputBytes = 100'000'000;

// Whether prepare_output may create folders: --mkdir among `args`.
void allow_new_folders(const Args& args);

// Checks that `path` can be written: its folder exists (or is created, with --mkdir) and
// a file there can be opened (a file created by the check is removed again). Throws
// BadInputError.
void prepare_output(const std::string& path);

// Checks that a figure's name asks for a format eqlab draws (.png, .svg or .pdf).
// Throws CommandLineError for `command`, naming `flag`.
void check_figure_name(const std::string& command, const std::string& flag, const std::string& path);

// Writes `text` to `path` (under "<path>.partial", renamed when complete, so that `path`
// only ever names a whole file), or to stdout when `path` is "-". Throws BadInputError.
void write_text_file(const std::string& path, const std::string& text);

}  // namespace eqlab::cli

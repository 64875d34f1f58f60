#pragma once
// The forms of an experiment's summaries, shared by the extensive-form and Markov
// experiments: CSV tables written whole or not at all, and the band curves that the
// per-game plots draw (sim/plot.hpp). The statistics themselves are sim/statistics.hpp.
#include <filesystem>
#include <ostream>
#include <string>

#include <eqlab/sim/curve.hpp>
#include <eqlab/sim/result_files.hpp>

namespace eqlab {

// Writes a CSV table to `path` (under a temporary name, then renamed): the header line,
// then write_row(out, row) for each of `rows`, which writes the row's line, newline
// included. Numbers are written with exact_number_text (sim/result_files.hpp).
template <class Rows, class WriteRow>
void write_csv_table(const std::filesystem::path& path, const char* header, const Rows& rows, WriteRow&& write_row) {
  write_file_atomically(path, [&](std::ostream& out) {
    out << header << '\n';
    for (const auto& row : rows) write_row(out, row);
  });
}

// A curve of one metric with the ends of its band: the columns METRIC, METRIC_low and
// METRIC_high, which plot_curves shades with PlotOptions::bands.
Curve band_curve(const std::string& metric);

}  // namespace eqlab

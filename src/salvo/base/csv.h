// Reading Salvo's comma-separated data files (RFC 4180): one header line naming the columns, then
// records; a quoted field may hold commas, doubled quotes and line breaks. The curated tables
// (installations.csv, lexicon/actors.csv) are CSV because they are edited in spreadsheets and their
// notes contain commas. Every error names the file and the line its record starts on.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "salvo/base/result.h"
#include "salvo/base/tsv.h"

namespace salvo {

// Reads `path` and checks that the header is exactly `expected_header` and every record has as
// many fields. Blank lines are skipped; there are no comment lines (a '#' may start a note).
// TsvRow::line is the line a record starts on.
Result<TsvFile> read_csv(const std::filesystem::path& path, const std::vector<std::string>& expected_header);
// The same on a file's content; `path` names it in messages.
Result<TsvFile> parse_csv(std::string_view content, std::string path, const std::vector<std::string>& expected_header);

}  // namespace salvo

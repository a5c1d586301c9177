// Reading Salvo's tab-separated data files: '#' comment lines, one header line naming the
// columns, then rows. Every error names the file and line.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "salvo/base/result.h"

namespace salvo {

struct TsvRow {
  size_t line = 0;  // 1-based line number in the file
  std::vector<std::string> fields;
};

struct TsvFile {
  std::string path;
  std::vector<std::string> header;
  std::vector<TsvRow> rows;
  // "path:line: message", for a validation error found after reading.
  std::string where(const TsvRow& row) const { return path + ":" + std::to_string(row.line); }
};

// Reads `path` and checks that the header is exactly `expected_header` and every row has as many
// fields. Blank lines and lines starting with '#' are skipped.
Result<TsvFile> read_tsv(const std::filesystem::path& path, const std::vector<std::string>& expected_header);
// The same on a file's content; `path` names it in messages.
Result<TsvFile> parse_tsv(std::string_view content, std::string path, const std::vector<std::string>& expected_header);

// Splits "a|b|c" into its non-empty, trimmed parts.
std::vector<std::string> split_list(std::string_view list, char separator = '|');

}  // namespace salvo

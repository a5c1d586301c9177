#include "salvo/base/csv.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <fstream>
#include <sstream>

namespace salvo {

Result<TsvFile> read_csv(const std::filesystem::path& path, const std::vector<std::string>& expected_header) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{fmt::format("{}: cannot open data file", path.string())};
  std::ostringstream content;
  content << in.rdbuf();
  return parse_csv(content.str(), path.string(), expected_header);
}

Result<TsvFile> parse_csv(std::string_view text, std::string path, const std::vector<std::string>& expected_header) {
  TsvFile file;
  file.path = std::move(path);
  auto error_at = [&](size_t line, std::string_view what) { return Error{fmt::format("{}:{}: {}", file.path, line, what)}; };
  std::vector<TsvRow> records;
  TsvRow current{1, {std::string()}};
  size_t line = 1;
  bool quoted = false;
  bool field_started_quoted = false;
  auto end_record = [&] {
    if (!(current.fields.size() == 1 && current.fields[0].empty())) records.push_back(std::move(current));
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    std::string& field = current.fields.back();
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"') {
      if (!field.empty() || field_started_quoted) return error_at(line, "stray quote inside an unquoted field");
      quoted = true;
      field_started_quoted = true;
    } else if (c == ',') {
      current.fields.emplace_back();
      field_started_quoted = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_record();
      ++line;
      current = TsvRow{line, {std::string()}};
      field_started_quoted = false;
    } else {
      if (field_started_quoted) return error_at(line, "text after the closing quote of a field");
      field += c;
    }
  }
  if (quoted) return error_at(current.line, "quoted field is not closed");
  end_record();

  if (records.empty()) return Error{fmt::format("{}: no header line", file.path)};
  file.header = std::move(records.front().fields);
  if (file.header != expected_header) {
    return error_at(records.front().line, fmt::format("header should be \"{}\", found \"{}\"", fmt::join(expected_header, ","),
                                                      fmt::join(file.header, ",")));
  }
  for (size_t r = 1; r < records.size(); ++r) {
    if (records[r].fields.size() != expected_header.size()) {
      return error_at(records[r].line, fmt::format("expected {} comma-separated fields, found {}", expected_header.size(),
                                                   records[r].fields.size()));
    }
    file.rows.push_back(std::move(records[r]));
  }
  return file;
}

}  // namespace salvo

#include "salvo/base/tsv.h"

#include "salvo/base/lines.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <fstream>
#include <sstream>

namespace salvo {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string> split_fields(std::string_view line) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    fields.emplace_back(trim(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start)));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

}  // namespace

std::vector<std::string> split_list(std::string_view list, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= list.size()) {
    size_t end = list.find(separator, start);
    if (end == std::string_view::npos) end = list.size();
    const std::string_view part = trim(list.substr(start, end - start));
    if (!part.empty()) parts.emplace_back(part);
    start = end + 1;
  }
  return parts;
}

Result<TsvFile> read_tsv(const std::filesystem::path& path, const std::vector<std::string>& expected_header) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{fmt::format("{}: cannot open data file", path.string())};
  std::ostringstream content;
  content << in.rdbuf();
  return parse_tsv(content.str(), path.string(), expected_header);
}

Result<TsvFile> parse_tsv(std::string_view content, std::string path, const std::vector<std::string>& expected_header) {
  TsvFile file;
  file.path = std::move(path);
  Lines lines(content);
  while (const auto line = lines.next()) {
    const size_t number = lines.number();
    const std::string_view view = trim(*line);
    if (view.empty() || view.front() == '#') continue;
    std::vector<std::string> fields = split_fields(*line);
    if (file.header.empty()) {
      file.header = std::move(fields);
      if (file.header != expected_header) {
        return Error{fmt::format("{}:{}: header should be \"{}\", found \"{}\"", file.path, number,
                                 fmt::join(expected_header, "\\t"), fmt::join(file.header, "\\t"))};
      }
      continue;
    }
    if (fields.size() != expected_header.size()) {
      return Error{fmt::format("{}:{}: expected {} tab-separated fields, found {}", file.path, number,
                               expected_header.size(), fields.size())};
    }
    file.rows.push_back({number, std::move(fields)});
  }
  if (file.header.empty()) return Error{fmt::format("{}: no header line", file.path)};
  return file;
}

}  // namespace salvo

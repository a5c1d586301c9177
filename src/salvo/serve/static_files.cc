#include "salvo/serve/static_files.h"

#include <array>
#include <utility>

#include "salvo/base/ascii.h"
#include "salvo/serve/api.h"

namespace salvo {

std::string_view media_type_of(const std::filesystem::path& file) {
  // What a built dashboard holds (web/build.mjs), and what a page commonly links.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".geojson", "application/geo+json"},
      {".map", "application/json; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
  }};
  const std::string extension = lower_ascii(file.extension().string());
  for (const auto& [suffix, type] : kTypes) {
    if (extension == suffix) return type;
  }
  return "application/octet-stream";
}

std::optional<HttpResponse> static_file(const std::filesystem::path& root, std::string_view path) {
  if (unsafe_path(path)) return std::nullopt;
  // Built segment by segment: "//x" or "/tmp/x" would otherwise be an absolute path that
  // std::filesystem puts in place of the root.
  std::filesystem::path file = root;
  for (size_t start = 0; start <= path.size();) {
    const size_t end = std::min(path.find('/', start), path.size());
    const std::string_view segment = path.substr(start, end - start);
    if (!segment.empty() && segment != ".") file /= std::string(segment);
    start = end + 1;
  }
  std::error_code error;
  if (std::filesystem::is_directory(file, error)) file /= "index.html";
  if (!std::filesystem::is_regular_file(file, error)) return std::nullopt;
  // A symbolic link below the root may point anywhere: what is served is what lies under it.
  const std::filesystem::path real = std::filesystem::canonical(file, error);
  const std::filesystem::path real_root = std::filesystem::canonical(root, error);
  if (error) return std::nullopt;
  const auto [root_end, file_at] = std::mismatch(real_root.begin(), real_root.end(), real.begin(), real.end());
  if (root_end != real_root.end()) return std::nullopt;
  HttpResponse response;
  response.content_type = std::string(media_type_of(real));
  response.file = real;
  return response;
}

}  // namespace salvo

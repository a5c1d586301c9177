// The dashboard's files (web/dist) as `salvo serve` sends them: a request path to the file it
// names under the web root, never a file outside it, whatever the path spells.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "salvo/serve/http_server.h"

namespace salvo {

// The file a (percent-decoded) request path names under `root`: "/" and a folder are its
// index.html. None for a path with a ".." segment, a backslash or a NUL, for a missing file, and
// for a file a symbolic link puts outside the root.
std::optional<HttpResponse> static_file(const std::filesystem::path& root, std::string_view path);

// The media type a browser needs for the file's extension ("application/octet-stream" when unknown).
std::string_view media_type_of(const std::filesystem::path& file);

}  // namespace salvo

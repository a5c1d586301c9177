// What Salvo reads of a URL: whether a reader may follow it, and the host an outlet is known by.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace salvo {

// An http or https URL with a host: the only links a dashboard or an export offers to follow
// (javascript:, data: and file: are never links).
bool is_web_url(std::string_view url);

// The host of a web URL, lower-cased, without user info, port or a leading "www."
// ("https://www.Reuters.com:443/world/x" → "reuters.com"); nothing for any other text.
std::optional<std::string> url_host(std::string_view url);

}  // namespace salvo

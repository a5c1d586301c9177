#include "salvo/base/url.h"

#include "salvo/base/ascii.h"

namespace salvo {
namespace {

// The authority of an http(s) URL: what lies between "//" and the path, query or fragment.
std::optional<std::string_view> authority(std::string_view url) {
  const size_t colon = url.find("://");
  if (colon == std::string_view::npos) return std::nullopt;
  const std::string_view scheme = url.substr(0, colon);
  if (!equals_ignoring_ascii_case(scheme, "http") && !equals_ignoring_ascii_case(scheme, "https")) return std::nullopt;
  std::string_view rest = url.substr(colon + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  return rest;
}

}  // namespace

bool is_web_url(std::string_view url) { return url_host(url).has_value(); }

std::optional<std::string> url_host(std::string_view url) {
  const std::optional<std::string_view> auth = authority(url);
  if (!auth) return std::nullopt;
  std::string_view host = *auth;
  if (const size_t at = host.rfind('@'); at != std::string_view::npos) host = host.substr(at + 1);
  if (!host.empty() && host.front() == '[') {
    // An IPv6 literal keeps its colons.
    const size_t close = host.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = host.substr(0, close + 1);
  } else if (const size_t port = host.find(':'); port != std::string_view::npos) {
    host = host.substr(0, port);
  }
  while (!host.empty() && host.back() == '.') host.remove_suffix(1);  // "example.com." is example.com
  if (host.empty()) return std::nullopt;
  for (char c : host) {
    // Whitespace or a quote in a host is not a URL a reader can follow.
    if (static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\') return std::nullopt;
  }
  std::string lowered = lower_ascii(host);
  if (lowered.rfind("www.", 0) == 0 && lowered.size() > 4) lowered.erase(0, 4);
  return lowered;
}

}  // namespace salvo

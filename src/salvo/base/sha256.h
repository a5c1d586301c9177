#pragma once

#include <string>
#include <string_view>

namespace salvo {

// Lower-case hex SHA-256 of `bytes` (OpenSSL's implementation).
std::string sha256_hex(std::string_view bytes);

}  // namespace salvo

// Secrets handed to clients (session cookies, bearer tokens, CSRF tokens): random bytes
// from OpenSSL, and the SHA-256 under which they are stored so a leaked table reveals none.
#pragma once
#include <string>
#include <string_view>

namespace hubgate::auth {

// `bytes` random bytes, base64url without padding. Aborts if the RNG fails, as nothing safe
// could be issued.
std::string random_token(std::size_t bytes = 32);

// Lower-case hex SHA-256 of the text.
std::string sha256_hex(std::string_view text);

// Constant-time equality for secrets of possibly different lengths.
bool constant_time_equal(std::string_view a, std::string_view b);

std::string base64_encode(std::string_view bytes);  // standard alphabet, no padding
bool base64_decode(std::string_view text, std::string& out);

}  // namespace hubgate::auth

// One-time enrolment tokens for door controllers: 32 random bytes as base64url, handed to the
// admin once; the store keeps only their SHA-256, so a copy of the database enrols nobody.
#pragma once
#include <string>
#include <string_view>

namespace hubgate::controllers {

// 43 characters of [A-Za-z0-9_-]. Aborts if the system RNG fails: nothing safe could be issued.
std::string make_enrollment_token();

// Lower-case hex SHA-256 of the token text; empty for a token that cannot be one of ours
// (wrong length or alphabet), so garbage never reaches the store.
std::string enrollment_token_hash(std::string_view token);

}  // namespace hubgate::controllers

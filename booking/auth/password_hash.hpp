// Password storage: scrypt through OpenSSL's EVP_KDF with a random salt, encoded as a
// self-describing string so the cost can rise later without breaking stored hashes.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace hubgate::auth {

struct scrypt_cost {
  unsigned log2_n = 15;  // N = 2^15: ~32 MiB and tens of milliseconds per hash
  unsigned r = 8;
  unsigned p = 1;
};

// "$scrypt$ln=15,r=8,p=1$<salt b64>$<hash b64>"; nullopt only if OpenSSL fails.
std::optional<std::string> hash_password(std::string_view password, scrypt_cost cost = {});

// Recomputes with the stored salt and cost and compares in constant time. A malformed
// encoding, or a cost beyond what the service would ever set, is a mismatch.
bool verify_password(std::string_view password, std::string_view encoded);

}  // namespace hubgate::auth

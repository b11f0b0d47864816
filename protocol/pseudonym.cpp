#include "protocol/pseudonym.hpp"

#include <openssl/evp.h>

#include <cstdlib>

#include "protocol/hex.hpp"

namespace hubgate::protocol {

pseudonym make_pseudonym(std::span<const std::uint8_t> list_key,
                         std::span<const std::uint8_t> card_id) {
  // HMAC pads the key with zeros to the block size, so an empty key equals the key "\0";
  // substituting it keeps the result standard where OpenSSL would refuse an empty key.
  static constexpr std::uint8_t zero_key[1] = {0};
  static constexpr std::uint8_t no_data[1] = {0};
  const std::uint8_t* key = list_key.empty() ? zero_key : list_key.data();
  const std::size_t key_len = list_key.empty() ? 1 : list_key.size();
  const std::uint8_t* data = card_id.empty() ? no_data : card_id.data();

  unsigned char mac[EVP_MAX_MD_SIZE];
  std::size_t mac_len = 0;
  if (EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, key, key_len, data, card_id.size(),
                mac, sizeof mac, &mac_len) == nullptr ||
      mac_len < 16)
    std::abort();
  pseudonym p{};
  std::copy_n(mac, p.size(), p.begin());
  return p;
}

std::string to_hex(const pseudonym& p) {
  return to_hex(std::span<const std::uint8_t>(p));
}

result<pseudonym> parse_pseudonym(std::string_view hex) {
  pseudonym p{};
  if (!from_hex(hex, p)) return errc::bad_hex;
  return p;
}

}  // namespace hubgate::protocol

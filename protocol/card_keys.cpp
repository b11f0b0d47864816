#include "protocol/card_keys.hpp"

#include <openssl/evp.h>

namespace hubgate::protocol {

result<aes128_key> diversify_an10922(const aes128_key& master,
                                     std::span<const std::uint8_t> input) {
  if (input.size() < min_diversification_input || input.size() > max_diversification_input)
    return make_error_code(errc::bad_field);
  // The AES-128 diversification constant, then M.
  std::array<std::uint8_t, 1 + max_diversification_input> data{0x01};
  std::copy(input.begin(), input.end(), data.begin() + 1);
  aes128_key out{};
  std::size_t written = 0;
  if (EVP_Q_mac(nullptr, "CMAC", nullptr, "AES-128-CBC", nullptr, master.data(), master.size(),
                data.data(), 1 + input.size(), out.data(), out.size(), &written) == nullptr ||
      written != out.size())
    return make_error_code(errc::crypto_error);
  return out;
}

}  // namespace hubgate::protocol

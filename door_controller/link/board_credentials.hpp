// The board's TLS identity: an EC P-256 key made on the board and a CSR for the service to
// sign, and the fingerprint (SHA-256 of the DER) by which enrolment pins the service's CA.
#pragma once
#include <boost/system/result.hpp>
#include <string>
#include <string_view>

namespace hubgate::door {

struct board_key_and_csr {
  std::string private_key_pem;  // PKCS#8; written 0600, never logged
  std::string csr_pem;
};

// errc: protocol::errc::crypto_error when OpenSSL fails.
boost::system::result<board_key_and_csr> make_board_key(std::string_view common_name);

// Lower-case hex SHA-256 of the DER of the first certificate in `pem`; key_error when `pem`
// holds no certificate.
boost::system::result<std::string> certificate_fingerprint(std::string_view pem);

}  // namespace hubgate::door

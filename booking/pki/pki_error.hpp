// Errors of the TLS material layer (booking/pki), as a boost::system error category so they
// travel in boost::system::result like every other layer's errors.
#pragma once
#include <boost/system/error_code.hpp>
#include <system_error>

namespace hubgate::pki {

enum class pki_error {
  io_failed = 1,         // a file could not be read, written or given its permissions
  bad_pem,               // input is not the PEM object expected
  bad_csr_signature,     // the CSR is not signed by its own key
  crypto_failed,         // OpenSSL refused an operation (details are logged)
  invalid_argument,      // e.g. a non-positive validity or an empty name
  unsupported_key_type,  // a CSR key other than EC P-256 or Ed25519
};

const boost::system::error_category& pki_category();
boost::system::error_code make_error_code(pki_error e);

}  // namespace hubgate::pki

template <>
struct boost::system::is_error_code_enum<hubgate::pki::pki_error> : std::true_type {};

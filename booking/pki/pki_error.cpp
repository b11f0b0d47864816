#include "booking/pki/pki_error.hpp"

#include <string>

namespace hubgate::pki {
namespace {

class category final : public boost::system::error_category {
 public:
  const char* name() const noexcept override { return "hubgate.pki"; }
  std::string message(int value) const override {
    switch (static_cast<pki_error>(value)) {
      case pki_error::io_failed:
        return "TLS material file could not be read or written";
      case pki_error::bad_pem:
        return "not the expected PEM object";
      case pki_error::bad_csr_signature:
        return "certificate signing request signature is invalid";
      case pki_error::crypto_failed:
        return "OpenSSL operation failed";
      case pki_error::invalid_argument:
        return "invalid argument";
      case pki_error::unsupported_key_type:
        return "only P-256 or Ed25519 keys are accepted";
    }
    return "unknown pki error";
  }
};

}  // namespace

const boost::system::error_category& pki_category() {
  static const category instance;
  return instance;
}

boost::system::error_code make_error_code(pki_error e) {
  return {static_cast<int>(e), pki_category()};
}

}  // namespace hubgate::pki

#include "booking/controllers/errc.hpp"

#include <string>

namespace hubgate::controllers {
namespace {

class category final : public boost::system::error_category {
 public:
  const char* name() const noexcept override { return "hubgate.controllers"; }
  std::string message(int ev) const override {
    switch (static_cast<errc>(ev)) {
      case errc::ok:
        return "ok";
      case errc::enrollment_token_invalid:
        return "the enrolment token is unknown, used or expired";
      case errc::invalid_csr:
        return "the certificate signing request is not valid";
      case errc::unsupported_csr_key:
        return "the certificate signing request's key is neither P-256 nor Ed25519";
      case errc::controller_revoked:
        return "the controller is revoked";
      case errc::key_unavailable:
        return "the list-signing key is not available";
    }
    return "unknown controllers error";
  }
};

}  // namespace

const boost::system::error_category& controllers_category() noexcept {
  static const category instance;
  return instance;
}

}  // namespace hubgate::controllers

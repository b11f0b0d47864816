#include "protocol/errc.hpp"

#include <string>

namespace hubgate::protocol {
namespace {

class category final : public boost::system::error_category {
 public:
  const char* name() const noexcept override { return "hubgate.protocol"; }

  std::string message(int value) const override {
    switch (static_cast<errc>(value)) {
      case errc::malformed_json:
        return "malformed JSON";
      case errc::unsupported_version:
        return "unsupported envelope version";
      case errc::bad_field:
        return "missing or invalid field";
      case errc::bad_hex:
        return "invalid hex text";
      case errc::bad_base64:
        return "invalid base64 text";
      case errc::too_large:
        return "input beyond protocol limits";
      case errc::missing_signature:
        return "envelope is not signed";
      case errc::bad_signature:
        return "signature does not verify";
      case errc::foreign_controller:
        return "envelope addressed to another controller";
      case errc::stale_epoch:
        return "envelope from an older epoch";
      case errc::replayed_sequence:
        return "sequence number already seen";
      case errc::sequence_gap:
        return "sequence gap: a snapshot is needed";
      case errc::unexpected_type:
        return "unexpected envelope type";
      case errc::key_error:
        return "key cannot be loaded or generated";
      case errc::crypto_error:
        return "cryptographic primitive failed";
      case errc::io_error:
        return "file cannot be read";
    }
    return "unknown protocol error";
  }
};

}  // namespace

const boost::system::error_category& protocol_category() noexcept {
  static const category instance;
  return instance;
}

}  // namespace hubgate::protocol

// Error codes of the service<->board wire protocol: malformed input, bad signatures and the
// ordering rules (foreign controller, old epoch, replay, gap), as a boost::system category.
#pragma once
#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>
#include <type_traits>

namespace hubgate::protocol {

template <class T>
using result = boost::system::result<T>;

enum class errc {
  malformed_json = 1,   // not JSON at all, or not the expected JSON shape
  unsupported_version,  // envelope "v" other than the one we speak
  bad_field,            // a field is missing, has the wrong type or an insane value
  bad_hex,              // hex text of the wrong length or with non-hex characters
  bad_base64,           // signature text is not base64 of the right length
  too_large,            // input or counts beyond the protocol's limits
  missing_signature,    // envelope without "sig"
  bad_signature,        // signature does not verify under the key
  foreign_controller,   // envelope addressed to another controller
  stale_epoch,          // epoch older than the one the board holds
  replayed_sequence,    // sequence already seen in this epoch
  sequence_gap,         // a delta skipped sequences (or starts a new epoch): resync needed
  unexpected_type,      // e.g. a delta where only a snapshot is acceptable
  key_error,            // key cannot be loaded, parsed or generated
  crypto_error,         // an OpenSSL primitive failed unexpectedly
  io_error,             // a key file cannot be read
};

const boost::system::error_category& protocol_category() noexcept;

inline boost::system::error_code make_error_code(errc e) noexcept {
  return {static_cast<int>(e), protocol_category()};
}

}  // namespace hubgate::protocol

namespace boost::system {
template <>
struct is_error_code_enum<hubgate::protocol::errc> : std::true_type {};
}  // namespace boost::system

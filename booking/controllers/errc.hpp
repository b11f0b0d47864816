// Why the door-link side of the booking service cannot do something (enrol a board, sign a
// list): one stable code per reason, registered as a boost::system error category.
#pragma once
#include <boost/system/error_category.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>
#include <string_view>
#include <type_traits>

namespace hubgate::controllers {

template <class T>
using result = boost::system::result<T>;

enum class errc {
  ok = 0,
  enrollment_token_invalid = 1,  // unknown, used or expired enrolment token (401)
  invalid_csr,                   // the CSR is not PEM or its signature does not verify (422)
  unsupported_csr_key,           // the CSR's key is neither EC P-256 nor Ed25519 (422)
  controller_revoked,            // the controller was revoked: no enrolment, no stream (409)
  key_unavailable,               // the list-signing key cannot be loaded or created
};

const boost::system::error_category& controllers_category() noexcept;

inline boost::system::error_code make_error_code(errc e) noexcept {
  return {static_cast<int>(e), controllers_category()};
}

}  // namespace hubgate::controllers

namespace boost::system {
template <>
struct is_error_code_enum<hubgate::controllers::errc> : std::true_type {};
}  // namespace boost::system

// Why an access list cannot be derived from the hub's state: one stable code per reason,
// registered as a boost::system error category.
#pragma once
#include <boost/system/error_category.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>
#include <type_traits>

namespace hubgate::access {

template <class T>
using result = boost::system::result<T>;

enum class errc {
  ok = 0,
  unknown_time_zone = 1,  // a site with controller doors names a zone the tz database lacks
  missing_list_key,       // a site with controller doors has no (or an empty) list key
};

const boost::system::error_category& access_category() noexcept;

inline boost::system::error_code make_error_code(errc e) noexcept {
  return {static_cast<int>(e), access_category()};
}

}  // namespace hubgate::access

namespace boost::system {
template <>
struct is_error_code_enum<hubgate::access::errc> : std::true_type {};
}  // namespace boost::system

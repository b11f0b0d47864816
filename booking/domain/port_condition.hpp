// What the domain's ports (the repositories) may report besides domain refusals, as an error
// condition: a store adapter maps its own error codes onto it, so the api can answer them
// without knowing which store is behind the ports.
#pragma once
#include <boost/system/error_category.hpp>
#include <boost/system/error_condition.hpp>
#include <type_traits>

namespace hubgate::domain {

enum class port_condition {
  unavailable = 1,  // busy or shutting down: the client may retry shortly (the api sends 503)
};

const boost::system::error_category& port_category() noexcept;

inline boost::system::error_condition make_error_condition(port_condition c) noexcept {
  return {static_cast<int>(c), port_category()};
}

}  // namespace hubgate::domain

namespace boost::system {
template <>
struct is_error_condition_enum<hubgate::domain::port_condition> : std::true_type {};
}  // namespace boost::system

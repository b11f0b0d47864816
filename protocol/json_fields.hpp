// Small non-throwing accessors over boost::json values, the one JSON field reader of both
// halves (wire payloads, stored records, request bodies, enrolment answers): each returns
// false (or nullptr) on a missing field or a value of the wrong type.
#pragma once
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "protocol/access_list.hpp"
#include "protocol/errc.hpp"

namespace hubgate::protocol::json_fields {

// Integers only (no fractions, no exponent forms that Boost parsed as double).
bool as_int64(const boost::json::value& v, std::int64_t& out) noexcept;
bool as_uint64(const boost::json::value& v, std::uint64_t& out) noexcept;
// Any JSON number, integers included.
bool as_number(const boost::json::value& v, double& out) noexcept;

const boost::json::value* find(const boost::json::object& o, std::string_view key) noexcept;
bool get_int64(const boost::json::object& o, std::string_view key, std::int64_t& out) noexcept;
bool get_uint64(const boost::json::object& o, std::string_view key, std::uint64_t& out) noexcept;
bool get_number(const boost::json::object& o, std::string_view key, double& out) noexcept;
const boost::json::string* get_string(const boost::json::object& o, std::string_view key) noexcept;
const boost::json::array* get_array(const boost::json::object& o, std::string_view key) noexcept;

// True when every key of `o` is one of `allowed`: unknown fields are refused, since they
// would be covered by the signature yet ignored by the reader.
bool only_keys(const boost::json::object& o,
               std::initializer_list<std::string_view> allowed) noexcept;

result<pseudonym> get_pseudonym(const boost::json::value& v) noexcept;

}  // namespace hubgate::protocol::json_fields

// The canonical text of a JSON value, which is what signatures cover: object keys sorted by
// their bytes, no whitespace, integers as integers. Any value change changes the text.
#pragma once
#include <boost/json/value.hpp>
#include <string>

namespace hubgate::protocol {

std::string canonical_json(const boost::json::value& value);

// True when no number inside `value` is floating-point. The protocol carries integers only,
// and Boost.JSON 1.81 does not round-trip every double exactly, so a double could make the
// same signed payload canonicalise differently on two machines: envelopes refuse them.
bool has_only_integers(const boost::json::value& value) noexcept;

}  // namespace hubgate::protocol

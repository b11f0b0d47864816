// The canonical text of a JSON value, which is what signatures cover: object keys sorted by
// their bytes, no whitespace, integers as integers. Any value change changes the text.
#pragma once
#include <string>

#include <boost/json/value.hpp>

namespace hubgate::protocol {

std::string canonical_json(const boost::json::value& value);

}  // namespace hubgate::protocol

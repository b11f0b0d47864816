// The request target split into percent-decoded path segments and query parameters with
// Boost.URL, so handlers never see encoded text and malformed targets never reach them.
#pragma once
#include <boost/system/result.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hubgate::api {

struct request_target {
  std::string path;                                        // decoded, e.g. "/api/v1/spaces/a b"
  std::vector<std::string> segments;                       // decoded, without empty leading segment
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order

  // The last value of a query parameter, or nullopt when absent.
  std::optional<std::string> param(std::string_view name) const;
  bool has_param(std::string_view name) const { return param(name).has_value(); }
};

// Parses an origin-form target ("/path?query"). Fails for anything else, for encoded
// slashes or NUL bytes inside a segment, and for dot segments (no path tricks).
boost::system::result<request_target> parse_request_target(std::string_view target);

}  // namespace hubgate::api

#include "booking/api/request_target.hpp"

#include <boost/system/errc.hpp>
#include <boost/url/parse.hpp>

namespace hubgate::api {

std::optional<std::string> request_target::param(std::string_view name) const {
  std::optional<std::string> found;
  for (const auto& [k, v] : query)
    if (k == name) found = v;
  return found;
}

boost::system::result<request_target> parse_request_target(std::string_view target) {
  const auto invalid = boost::system::errc::make_error_code(boost::system::errc::invalid_argument);
  if (target.empty() || target.front() != '/') return invalid;
  auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) return parsed.error();
  request_target out;
  for (auto seg : parsed->encoded_segments()) {
    std::string decoded = seg.decode();
    // A decoded '/' or NUL would let one segment pose as two or truncate a lookup.
    if (decoded.find('/') != std::string::npos || decoded.find('\0') != std::string::npos)
      return invalid;
    if (decoded == "." || decoded == "..") return invalid;
    out.path += '/';
    out.path += decoded;
    out.segments.push_back(std::move(decoded));
  }
  if (out.path.empty()) out.path = "/";
  // A trailing slash yields a final empty segment; routes never end in one.
  if (!out.segments.empty() && out.segments.back().empty()) out.segments.pop_back();
  if (parsed->has_query()) {
    for (auto p : parsed->params()) {
      if (p.key.find('\0') != std::string::npos || p.value.find('\0') != std::string::npos)
        return invalid;
      out.query.emplace_back(p.key, p.value);
    }
  }
  return out;
}

}  // namespace hubgate::api

// Client side of the twin's control socket, used by the CLI and by tests: sends one request
// line and collects the reply up to and including its final `ok...` or `err ...` line.
#pragma once
#include <boost/system/result.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace hubgate::sim {

boost::system::result<std::vector<std::string>> control_request(const std::string& socket_path,
                                                                std::string_view line);

}  // namespace hubgate::sim

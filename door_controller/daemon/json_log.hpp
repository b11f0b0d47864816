// Structured logging for the door daemon: one JSON object per line on stderr with ts, level,
// event and fields. Levels: error needs a human, warn is degraded, info a state change,
// debug per tap, trace bytes. Callers never pass secrets (keys, raw card identifiers).
#pragma once
#include <boost/json/object.hpp>

#include <string_view>

namespace hubgate::door {

enum class log_level { error, warn, info, debug, trace };

void set_log_level(std::string_view name);
bool log_enabled(log_level level);
void log(log_level level, std::string_view event, boost::json::object fields = {});

}  // namespace hubgate::door

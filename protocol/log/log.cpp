#include "protocol/log/log.hpp"

#include <fmt/format.h>

#include <atomic>
#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace hubgate::log {
namespace {

std::atomic<int> threshold{static_cast<int>(level::info)};

// The sink is swapped rarely (tests) and called often, so one mutex guards both; it also
// keeps lines whole when the sink is a callback rather than a single write(2).
std::mutex sink_mutex;
std::function<void(std::string_view)> custom_sink;

void append_json_string(std::string& out, std::string_view text) {
  out += boost::json::serialize(boost::json::string(text));
}

void append_timestamp(std::string& out) {
  const auto now = std::chrono::system_clock::now();
  const auto seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  ::gmtime_r(&seconds, &utc);
  fmt::format_to(std::back_inserter(out), "\"{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z\"",
                 utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min,
                 utc.tm_sec, millis);
}

void append_value(std::string& out, const field& f) {
  switch (f.type()) {
    case field::kind::text:
      append_json_string(out, f.text());
      break;
    case field::kind::boolean:
      out += f.boolean() ? "true" : "false";
      break;
    case field::kind::real:
      // JSON has no NaN or infinity.
      if (std::isfinite(f.real()))
        fmt::format_to(std::back_inserter(out), "{}", f.real());
      else
        out += "null";
      break;
    case field::kind::signed_int:
      fmt::format_to(std::back_inserter(out), "{}", f.signed_value());
      break;
    case field::kind::unsigned_int:
      fmt::format_to(std::back_inserter(out), "{}", f.unsigned_value());
      break;
  }
}

}  // namespace

std::string_view to_string(level l) {
  switch (l) {
    case level::trace:
      return "trace";
    case level::debug:
      return "debug";
    case level::info:
      return "info";
    case level::warn:
      return "warn";
    case level::error:
      return "error";
    case level::off:
      return "off";
  }
  return "unknown";
}

std::optional<level> parse_level(std::string_view text) {
  for (auto l : {level::trace, level::debug, level::info, level::warn, level::error, level::off})
    if (to_string(l) == text) return l;
  if (text == "warning") return level::warn;
  return std::nullopt;
}

void set_level(level t) {
  threshold.store(static_cast<int>(t), std::memory_order_relaxed);
}

level current_level() {
  return static_cast<level>(threshold.load(std::memory_order_relaxed));
}

bool enabled(level l) {
  return l != level::off && static_cast<int>(l) >= threshold.load(std::memory_order_relaxed);
}

void write(level l, std::string_view event, std::initializer_list<field> fields) {
  if (!enabled(l)) return;
  std::string line;
  line.reserve(128);
  line += "{\"ts\":";
  append_timestamp(line);
  line += ",\"level\":\"";
  line += to_string(l);
  line += "\",\"event\":";
  append_json_string(line, event);
  for (const auto& f : fields) {
    line += ',';
    append_json_string(line, f.key());
    line += ':';
    append_value(line, f);
  }
  line += '}';

  std::lock_guard lock(sink_mutex);
  if (custom_sink) {
    custom_sink(line);
    return;
  }
  line += '\n';
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

void set_sink(std::function<void(std::string_view line)> sink) {
  std::lock_guard lock(sink_mutex);
  custom_sink = std::move(sink);
}

}  // namespace hubgate::log

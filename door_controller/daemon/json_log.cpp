#include "door_controller/daemon/json_log.hpp"

#include <boost/json/serialize.hpp>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>

namespace hubgate::door {
namespace {

std::atomic<int> threshold{static_cast<int>(log_level::info)};
std::mutex write_mutex;

constexpr std::string_view level_names[] = {"error", "warn", "info", "debug", "trace"};

std::string timestamp() {
  const auto now = std::chrono::system_clock::now();
  const auto seconds = std::chrono::time_point_cast<std::chrono::seconds>(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now - seconds).count();
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03}Z", seconds, millis);
}

}  // namespace

void set_log_level(std::string_view name) {
  for (int i = 0; i < 5; ++i)
    if (level_names[i] == name) threshold = i;
}

bool log_enabled(log_level level) { return static_cast<int>(level) <= threshold; }

void log(log_level level, std::string_view event, boost::json::object fields) {
  if (!log_enabled(level)) return;
  boost::json::object line;
  line["ts"] = timestamp();
  line["level"] = level_names[static_cast<int>(level)];
  line["event"] = event;
  line["fields"] = std::move(fields);
  const std::string text = boost::json::serialize(line) + "\n";
  std::lock_guard lock(write_mutex);
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
}

}  // namespace hubgate::door

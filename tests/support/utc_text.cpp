#include "hubgate/test/utc_text.hpp"

#include <chrono>
#include <cstdio>

namespace hubgate::test {
namespace {

std::string format_utc(std::chrono::sys_seconds t) {
  const auto days = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{days};
  const std::chrono::hh_mm_ss hms{t - days};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                static_cast<long>(hms.seconds().count()));
  return buf;
}

}  // namespace

std::string utc_at(int days, int hour, int minute) {
  auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return format_utc(std::chrono::sys_seconds{
      today + std::chrono::days{days} + std::chrono::hours{hour} + std::chrono::minutes{minute}});
}

std::string utc_in(long seconds) {
  return format_utc(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()) +
                    std::chrono::seconds{seconds});
}

}  // namespace hubgate::test

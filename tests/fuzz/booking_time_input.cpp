// Fuzzes the domain's parsing of client-supplied times and card identifiers, then the
// resolution of any parsed time in a zone with DST changes and the opening-hours check.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "booking/domain/local_time.hpp"
#include "booking/domain/user_service.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hubgate::domain;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)normalise_card_id(text);
  auto in = parse_time_input(text);
  if (!in) return 0;
  static const date::time_zone* zone = *find_zone("Europe/Berlin");
  auto t = resolve(zone, *in);
  if (!t) return 0;
  (void)format_rfc3339(zone, *t);
  (void)week_start(zone, *t);
  static const weekly_hours hours = weekly_hours::always_open();
  (void)check_open(zone, hours, {}, {*t, *t + std::chrono::hours{3}});
  return 0;
}

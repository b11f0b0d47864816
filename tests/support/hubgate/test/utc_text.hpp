// RFC 3339 UTC times relative to now, as tests write them into API requests.
#pragma once
#include <string>

namespace hubgate::test {

// RFC 3339 UTC of today's date + `days` at `hour`:`minute` UTC.
std::string utc_at(int days, int hour, int minute = 0);
// RFC 3339 UTC of now + `seconds`, truncated to whole seconds.
std::string utc_in(long seconds);

}  // namespace hubgate::test

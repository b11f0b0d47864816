// iCalendar content lines (RFC 5545 section 3.1): TEXT escaping, CRLF line ends and folding
// at 75 octets, so every component writer produces valid lines the same way.
#pragma once
#include <date/date.h>

#include <string>
#include <string_view>

#include "booking/domain/time_range.hpp"

namespace hubgate::calendar {

// TEXT value escaping: backslash, semicolon and comma are escaped, line breaks become \n and
// other control characters are dropped (they are not allowed in a TEXT value).
std::string escape_text(std::string_view text);

// "20270328T100000Z".
std::string format_utc(domain::sys_seconds t);
// "20270328T100000" (a floating local time, used with a TZID parameter).
std::string format_local(date::local_seconds t);
// "+0200", "-0330".
std::string format_offset(std::chrono::seconds offset);

// Accumulates content lines. Each line is "NAME[;PARAMS]:VALUE" folded so that no physical
// line exceeds 75 octets (without CRLF); folding never splits a UTF-8 sequence.
class content_writer {
 public:
  // `value` is written as given: escape TEXT values with escape_text first.
  void line(std::string_view name, std::string_view value);
  const std::string& text() const noexcept { return out_; }
  std::string take() noexcept { return std::move(out_); }

 private:
  std::string out_;
};

// Folds one unfolded line (without CRLF) and appends it with CRLF to `out`.
void append_folded(std::string& out, std::string_view line);

}  // namespace hubgate::calendar

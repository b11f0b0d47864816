// Reading an iCalendar text in tests: unfolding continuation lines (RFC 5545 §3.1) and finding
// one event's block.
#pragma once
#include <string>

namespace hubgate::test {

std::string unfold_ical(const std::string& text);

// The unfolded lines of the VEVENT whose UID is `uid`, or "" when the feed has none.
std::string ical_event_block(const std::string& feed, const std::string& uid);

}  // namespace hubgate::test

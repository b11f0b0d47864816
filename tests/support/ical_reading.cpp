#include "hubgate/test/ical_reading.hpp"

namespace hubgate::test {

std::string unfold_ical(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

std::string ical_event_block(const std::string& feed, const std::string& uid) {
  auto text = unfold_ical(feed);
  auto at = text.find("UID:" + uid + "\r\n");
  if (at == std::string::npos) return {};
  auto begin = text.rfind("BEGIN:VEVENT", at);
  auto end = text.find("END:VEVENT", at);
  return text.substr(begin, end - begin);
}

}  // namespace hubgate::test

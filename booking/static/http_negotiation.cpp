#include "booking/static/http_negotiation.hpp"

#include <algorithm>
#include <cctype>

namespace hubgate::web {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// q-value of one list element's parameters ("q=0.5"); 1 when absent. A malformed value
// counts as refusal, since the safe answer to an unreadable preference is identity.
double q_value(std::string_view params) {
  while (!params.empty()) {
    const auto semi = params.find(';');
    const auto param = trim(params.substr(0, semi));
    params = semi == std::string_view::npos ? std::string_view{} : params.substr(semi + 1);
    const auto eq = param.find('=');
    if (eq == std::string_view::npos || !iequals(trim(param.substr(0, eq)), "q")) continue;
    const auto value = trim(param.substr(eq + 1));
    // RFC 9110 qvalue: "0" ["." 0*3DIGIT] / "1" ["." 0*3("0")]
    if (value.empty() || (value[0] != '0' && value[0] != '1')) return 0;
    if (value.size() == 1) return value[0] - '0';
    if (value[1] != '.' || value.size() > 5) return 0;
    double q = value[0] - '0';
    double scale = 0.1;
    for (char c : value.substr(2)) {
      if (c < '0' || c > '9') return 0;
      q += (c - '0') * scale;
      scale /= 10;
    }
    return q > 1 ? 0 : q;
  }
  return 1;
}

// Calls `each(element)` for every comma-separated, trimmed, non-empty element.
template <typename F>
void for_each_element(std::string_view list, F each) {
  while (!list.empty()) {
    const auto comma = list.find(',');
    const auto element = trim(list.substr(0, comma));
    if (!element.empty()) each(element);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
}

}  // namespace

bool accepts_encoding(std::string_view accept_encoding, std::string_view coding) {
  bool named = false, named_ok = false, star_ok = false;
  for_each_element(accept_encoding, [&](std::string_view element) {
    const auto semi = element.find(';');
    const auto name = trim(element.substr(0, semi));
    const double q = semi == std::string_view::npos ? 1.0 : q_value(element.substr(semi + 1));
    if (iequals(name, coding)) {
      named = true;
      named_ok = q > 0;
    } else if (name == "*") {
      star_ok = q > 0;
    }
  });
  return named ? named_ok : star_ok;
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (trim(if_none_match) == "*") return true;
  const auto opaque = [](std::string_view tag) {
    if (tag.size() >= 2 && tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    return tag;
  };
  bool match = false;
  for_each_element(if_none_match, [&](std::string_view element) {
    if (opaque(element) == opaque(etag)) match = true;
  });
  return match;
}

}  // namespace hubgate::web

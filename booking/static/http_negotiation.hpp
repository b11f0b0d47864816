// Header parsing the static site needs for content negotiation and revalidation: which
// encodings a client accepts and whether its cached copy (If-None-Match) is still current.
#pragma once
#include <string_view>

namespace hubgate::web {

// True when `accept_encoding` (an Accept-Encoding value) allows `coding` ("gzip"): the coding
// or "*" is listed with a q-value above zero and the coding itself is not refused with q=0.
bool accepts_encoding(std::string_view accept_encoding, std::string_view coding);

// True when an If-None-Match value ("*" or a list of entity tags) matches the strong entity
// tag `etag` (quoted). Uses the weak comparison RFC 9110 prescribes for If-None-Match.
bool etag_matches(std::string_view if_none_match, std::string_view etag);

}  // namespace hubgate::web

// Arbitrary bytes through the live-link frame parser, as both ends receive them: every message
// that parses must serialise and parse back to the same message type and content.
#include "protocol/stream_message.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace p = hubgate::protocol;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto m = p::parse_stream_message(text);
  if (!m) return 0;
  auto again = p::parse_stream_message(p::serialize(*m));
  if (!again || again->index() != m->index()) std::abort();
  if (const auto* l = std::get_if<p::list_message>(&*m)) {
    const auto& back = std::get<p::list_message>(*again);
    if (!(back.envelope.body == l->envelope.body) ||
        back.envelope.signature != l->envelope.signature)
      std::abort();
  } else if (p::serialize(*again) != p::serialize(*m)) {
    std::abort();
  }
  return 0;
}

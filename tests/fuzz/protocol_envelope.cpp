// Arbitrary bytes through everything a board parses from the service: the envelope (decode,
// verify, accept), its payload as a snapshot and as a delta, and an event batch.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "protocol/access_list.hpp"
#include "protocol/access_list_json.hpp"
#include "protocol/envelope.hpp"
#include "protocol/event.hpp"

namespace {

const hubgate::protocol::verify_key& fixed_key() {
  // A constant public key: inputs cannot carry a valid signature, but verify and accept
  // still run over every decoded field.
  static const auto key = [] {
    hubgate::protocol::raw_public_key raw{};
    for (std::size_t i = 0; i < raw.size(); ++i) raw[i] = static_cast<std::uint8_t>(i * 7 + 1);
    auto k = hubgate::protocol::verify_key::from_raw(raw);
    if (!k) std::abort();
    return std::move(*k);
  }();
  return key;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace p = hubgate::protocol;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  if (auto e = p::decode(text)) {
    (void)p::verify(*e, fixed_key());
    (void)p::accept(*e, fixed_key(), "board-1", 1, 1);
    // The re-encoded form must decode to the same envelope.
    auto again = p::decode(p::encode(*e));
    if (!again || !(again->body == e->body) || again->signature != e->signature) std::abort();
    if (auto list = p::parse_access_list(e->body.payload)) {
      p::access_list copy = *list;
      p::apply_delta(copy, {});
    }
    if (auto delta = p::parse_access_list_delta(e->body.payload)) {
      p::access_list empty;
      p::apply_delta(empty, *delta);
    }
  }
  (void)p::parse_access_list(text);
  (void)p::parse_access_list_delta(text);
  (void)p::decode_event_batch(text);
  return 0;
}

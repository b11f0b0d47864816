// Signed snapshot and delta envelopes for the store and list-file tests.
#pragma once
#include <boost/json/serialize.hpp>
#include <string>

#include "protocol/access_list_json.hpp"
#include "protocol/envelope.hpp"

namespace hubgate::door::test {

inline protocol::pseudonym card(std::uint8_t n) {
  protocol::pseudonym p{};
  p[0] = n;
  return p;
}

inline protocol::access_list sample_list() {
  return {{{card(1), "lab", protocol::grant_source::booking, {{1000, 2000}}},
           {card(2), "entrance", protocol::grant_source::standing, {{0, 5000}}}},
          {card(9)}};
}

inline std::string signed_text(const protocol::signing_key& key, std::string_view type,
                               std::uint64_t epoch, std::uint64_t sequence,
                               const boost::json::value& payload,
                               std::string controller = "board-1", std::int64_t issued_at = 500) {
  protocol::envelope e{
      std::move(controller),          epoch, sequence, issued_at, std::string(type),
      boost::json::serialize(payload)};
  return protocol::encode(protocol::sign(e, key));
}

inline std::string snapshot(const protocol::signing_key& key, std::uint64_t epoch,
                            std::uint64_t sequence,
                            const protocol::access_list& list = sample_list(),
                            std::string controller = "board-1") {
  return signed_text(key, protocol::envelope_type::snapshot, epoch, sequence,
                     protocol::to_json(list), std::move(controller));
}

inline std::string delta(const protocol::signing_key& key, std::uint64_t epoch,
                         std::uint64_t sequence, const protocol::access_list_delta& d,
                         std::int64_t issued_at = 600) {
  return signed_text(key, protocol::envelope_type::delta, epoch, sequence, protocol::to_json(d),
                     "board-1", issued_at);
}

}  // namespace hubgate::door::test

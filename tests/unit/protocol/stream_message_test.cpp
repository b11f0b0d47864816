#include "protocol/stream_message.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace hubgate::protocol {
namespace {

template <class T>
T round_trip(const T& m) {
  auto parsed = parse_stream_message(serialize(stream_message{m}));
  EXPECT_TRUE(parsed) << (parsed ? "" : parsed.error().message());
  if (!parsed) return T{};
  EXPECT_TRUE(std::holds_alternative<T>(*parsed)) << message_type(*parsed);
  if (!std::holds_alternative<T>(*parsed)) return T{};
  return std::get<T>(*parsed);
}

TEST(stream_message, hello_round_trip) {
  const hello_message m{
      "ctl-7", 3, 41, 1'800'000'000'123, reader_health::lost, door_position::closed};
  EXPECT_EQ(round_trip(m), m);
}

TEST(stream_message, ack_resync_status_round_trip) {
  EXPECT_EQ(round_trip(ack_message{2, 9}), (ack_message{2, 9}));
  EXPECT_EQ(round_trip(resync_message{"sequence_gap"}), resync_message{"sequence_gap"});
  const status_message s{reader_health::ok, door_position::open, -5};
  EXPECT_EQ(round_trip(s), s);
}

TEST(stream_message, events_and_acks_round_trip) {
  pseudonym card{};
  card[3] = 0x42;
  events_message e;
  e.events.push_back(
      {make_event_id(), "lab", card, 1'800'000'000'000, event_kind::tap_granted, ""});
  e.events.push_back(
      {make_event_id(), "", std::nullopt, 7, event_kind::list_refused, "bad_signature"});
  EXPECT_EQ(round_trip(e), e);
  events_ack_message a{{e.events[0].id, e.events[1].id}};
  EXPECT_EQ(round_trip(a), a);
}

TEST(stream_message, list_carries_a_verifiable_envelope) {
  auto key = signing_key::generate();
  ASSERT_TRUE(key);
  envelope body{"ctl-1",
                1,
                1,
                1'800'000'000,
                std::string(envelope_type::snapshot),
                R"({"entries":[],"revoked":[]})"};
  const auto signed_env = sign(body, *key);
  auto back = round_trip(list_message{signed_env});
  EXPECT_EQ(back.envelope.body, signed_env.body);
  EXPECT_EQ(back.envelope.signature, signed_env.signature);
  EXPECT_TRUE(accept(back.envelope, key->public_key(), "ctl-1", 0, 0));
}

TEST(stream_message, unknown_keys_are_ignored_but_unknown_types_refused) {
  auto ok = parse_stream_message(R"({"type":"ack","epoch":1,"sequence":2,"extra":true})");
  ASSERT_TRUE(ok);
  EXPECT_EQ(std::get<ack_message>(*ok), (ack_message{1, 2}));
  auto bad = parse_stream_message(R"({"type":"reboot"})");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error(), make_error_code(errc::unexpected_type));
}

TEST(stream_message, refuses_malformed_input) {
  const char* cases[] = {
      "",
      "not json",
      "[1,2]",
      R"({"epoch":1})",
      R"({"type":1})",
      R"({"type":"ack","epoch":-1,"sequence":2})",
      R"({"type":"ack","epoch":1.5,"sequence":2})",
      R"({"type":"hello","controller_id":"","epoch":0,"sequence":0,"clock_ms":0,"reader":"ok","door":"open"})",
      R"({"type":"hello","controller_id":"a","epoch":0,"sequence":0,"clock_ms":0,"reader":"meh","door":"open"})",
      R"({"type":"status","reader":"ok","door":"ajar","clock_ms":0})",
      R"({"type":"events","events":[{"id":"zz"}]})",
      R"({"type":"events_ack","ids":["abc"]})",
      R"({"type":"events_ack","ids":[5]})",
      R"({"type":"list","envelope":"x"})",
      R"({"type":"list","envelope":{"v":2}})",
  };
  for (const char* c : cases) EXPECT_FALSE(parse_stream_message(c)) << c;
}

TEST(stream_message, a_frame_beyond_a_few_mib_is_refused_as_too_large) {
  EXPECT_LE(max_stream_message_bytes, 8u * 1024 * 1024);
  auto r = parse_stream_message(std::string(max_stream_message_bytes + 1, ' '));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error(), make_error_code(errc::too_large));
}

TEST(stream_message, enforces_batch_limits) {
  events_message e;
  for (std::size_t i = 0; i <= max_events_per_message; ++i)
    e.events.push_back({make_event_id(), "lab", std::nullopt, 1, event_kind::exit_button, ""});
  auto r = parse_stream_message(serialize(stream_message{e}));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error(), make_error_code(errc::too_large));
  e.events.pop_back();
  EXPECT_TRUE(parse_stream_message(serialize(stream_message{e})));
}

TEST(stream_message, type_names_match_the_contract) {
  EXPECT_EQ(message_type(hello_message{}), "hello");
  EXPECT_EQ(message_type(events_ack_message{}), "events_ack");
  EXPECT_EQ(message_type(list_message{}), "list");
  auto v = boost::json::parse(serialize(status_message{}));
  EXPECT_EQ(v.at("type").as_string(), "status");
  EXPECT_EQ(v.at("door").as_string(), "unknown");
}

}  // namespace
}  // namespace hubgate::protocol

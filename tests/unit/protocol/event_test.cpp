#include "protocol/event.hpp"

#include <gtest/gtest.h>

#include <set>

namespace hubgate::protocol {
namespace {

TEST(event, ids_are_32_hex_and_distinct) {
  std::set<std::string> ids;
  for (int i = 0; i < 1000; ++i) {
    const auto id = make_event_id();
    ASSERT_EQ(id.size(), 32u);
    ASSERT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), 1000u);
}

TEST(event, kinds_round_trip_by_name) {
  for (int k = 0; k <= static_cast<int>(event_kind::fire_alarm_cleared); ++k) {
    event_kind parsed{};
    ASSERT_TRUE(parse_event_kind(to_string(static_cast<event_kind>(k)), parsed));
    EXPECT_EQ(parsed, static_cast<event_kind>(k));
  }
  event_kind unused{};
  EXPECT_FALSE(parse_event_kind("door_opened_by_magic", unused));
}

TEST(event, batch_round_trip) {
  pseudonym card{};
  card[15] = 0xab;
  const std::vector<access_event> events = {
      {make_event_id(), "entrance", card, 1'800'000'000'123, event_kind::tap_denied, "revoked"},
      {make_event_id(), "entrance", std::nullopt, 1'800'000'000'456, event_kind::exit_button, ""},
      {make_event_id(), "", std::nullopt, 1, event_kind::list_refused, "bad_signature"},
  };
  auto back = decode_event_batch(encode_event_batch(events));
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(*back, events);
}

TEST(event, decode_refuses_bad_records) {
  const std::string id = make_event_id();
  auto batch = [&](std::string fields) { return R"({"events":[{)" + fields + "}]}"; };
  const std::string good =
      R"("id":")" + id + R"(","door":"lab","at":5,"kind":"door_closed","reason":"")";
  EXPECT_TRUE(decode_event_batch(batch(good)));
  EXPECT_EQ(decode_event_batch(
                batch(R"("id":"abc","door":"lab","at":5,"kind":"door_closed","reason":"")"))
                .error(),
            errc::bad_hex);
  EXPECT_EQ(decode_event_batch(batch(good + R"(,"card":"12")")).error(), errc::bad_hex);
  EXPECT_EQ(decode_event_batch(batch(good + R"(,"extra":1)")).error(), errc::bad_field);
  EXPECT_EQ(decode_event_batch(R"({"events":[{"id":")" + id +
                               R"(","door":"lab","at":5,"kind":"nope","reason":""}]})")
                .error(),
            errc::bad_field);
  EXPECT_EQ(decode_event_batch("{\"events\":{}}").error(), errc::bad_field);
  EXPECT_EQ(decode_event_batch("garbage").error(), errc::malformed_json);
}

}  // namespace
}  // namespace hubgate::protocol

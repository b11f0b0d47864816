// hubgate-door against hubgate-sim through libnfc: taps, decisions, relay pulses, the door
// sensor and the exit button, as recorded in the twin's GPIO timeline and the event queue.
#include <gtest/gtest.h>

#include <csignal>

#include "door_rig.hpp"
#include "hubgate/test/net_util.hpp"

namespace hubgate::test {
namespace {

using protocol::event_kind;

class door_taps : public ::testing::Test {
 protected:
  void SetUp() override {
    rig_.start_sim();
    rig_.start_door();
  }
  void TearDown() override {
    if (rig_.door().running()) rig_.stop_door(SIGTERM);
  }
  door_rig rig_;
};

TEST_F(door_taps, allowed_card_pulses_the_relay_for_the_unlock_time) {
  EXPECT_EQ(rig_.control("tap " + allowed_uid + " 300"), "ok");
  ASSERT_TRUE(rig_.wait_events(event_kind::tap_granted)) << rig_.door_log();
  ASSERT_TRUE(wait_until([&] { return rig_.relay_pulses() == 1; })) << rig_.door_log();
  const auto granted = rig_.events_of(event_kind::tap_granted);
  ASSERT_EQ(granted.size(), 1u);
  EXPECT_EQ(granted[0].door_id, "door-1");
  ASSERT_TRUE(granted[0].card.has_value());
  EXPECT_EQ(protocol::to_hex(*granted[0].card), rig_.uid_pseudonym_hex(allowed_uid));
  long on_at = -1, off_at = -1;
  for (const auto& e : rig_.timeline()) {
    if (e.line == "relay" && e.state == "on") on_at = e.ms;
    if (e.line == "relay" && e.state == "off" && on_at >= 0) off_at = e.ms;
  }
  ASSERT_GE(on_at, 0);
  EXPECT_GE(off_at - on_at, 400 - 5) << "relay released before the unlock time";
}

TEST_F(door_taps, unknown_revoked_and_expired_cards_are_denied_with_their_reasons) {
  for (const auto& uid : {unknown_uid, revoked_uid, expired_uid}) {
    EXPECT_EQ(rig_.control("tap " + uid + " 300"), "ok");
    ASSERT_TRUE(rig_.wait_card_removed());
  }
  ASSERT_TRUE(rig_.wait_events(event_kind::tap_denied, 3)) << rig_.door_log();
  std::map<std::string, std::string> reasons;
  for (const auto& e : rig_.events_of(event_kind::tap_denied))
    reasons[protocol::to_hex(*e.card)] = e.reason;
  EXPECT_EQ(reasons[rig_.uid_pseudonym_hex(unknown_uid)], "unknown_card");
  EXPECT_EQ(reasons[rig_.uid_pseudonym_hex(revoked_uid)], "revoked");
  EXPECT_EQ(reasons[rig_.uid_pseudonym_hex(expired_uid)], "outside_window");
  EXPECT_TRUE(rig_.events_of(event_kind::tap_granted).empty());
  for (const auto& e : rig_.timeline()) EXPECT_NE(e.line, "relay") << e.ms << " " << e.state;
}

TEST_F(door_taps, a_card_held_on_the_reader_is_one_tap) {
  EXPECT_EQ(rig_.control("tap " + unknown_uid + " 2500"), "ok");
  ASSERT_TRUE(rig_.wait_events(event_kind::tap_denied)) << rig_.door_log();
  // The card is gone; polls past the debounce time show whether anything else was counted.
  ASSERT_TRUE(rig_.wait_card_removed());
  EXPECT_EQ(rig_.events_of(event_kind::tap_denied).size(), 1u) << rig_.door_log();
}

TEST_F(door_taps, door_opened_without_a_grant_is_forced_then_held_open_then_closed) {
  EXPECT_EQ(rig_.control("door open"), "ok");
  ASSERT_TRUE(rig_.wait_events(event_kind::door_forced_open)) << rig_.door_log();
  ASSERT_TRUE(rig_.wait_events(event_kind::door_held_open)) << rig_.door_log();
  EXPECT_EQ(rig_.control("door close"), "ok");
  ASSERT_TRUE(rig_.wait_events(event_kind::door_closed)) << rig_.door_log();
  EXPECT_EQ(rig_.events_of(event_kind::door_forced_open).size(), 1u);
  EXPECT_EQ(rig_.events_of(event_kind::door_held_open).size(), 1u);
}

TEST_F(door_taps, door_opened_after_a_grant_is_not_forced) {
  EXPECT_EQ(rig_.control("tap " + allowed_uid + " 200"), "ok");
  ASSERT_TRUE(wait_until([&] {
    for (const auto& e : rig_.timeline())
      if (e.line == "relay" && e.state == "on") return true;
    return false;
  })) << rig_.door_log();
  EXPECT_EQ(rig_.control("door open"), "ok");
  EXPECT_EQ(rig_.control("door close"), "ok");
  ASSERT_TRUE(rig_.wait_events(event_kind::door_closed)) << rig_.door_log();
  EXPECT_TRUE(rig_.events_of(event_kind::door_forced_open).empty());
}

TEST_F(door_taps, exit_button_unlocks) {
  EXPECT_EQ(rig_.control("button"), "ok");
  ASSERT_TRUE(rig_.wait_events(event_kind::exit_button)) << rig_.door_log();
  ASSERT_TRUE(wait_until([&] { return rig_.relay_pulses() == 1; })) << rig_.door_log();
}

TEST_F(door_taps, sigterm_stops_cleanly) {
  rig_.stop_door(SIGTERM);
  EXPECT_NE(rig_.door_log().find("\"event\":\"stopped\""), std::string::npos);
}

}  // namespace
}  // namespace hubgate::test

// hubgate-door under reader faults, a hard kill and bad list files: it never needs a restart
// to recover, never loses a committed event and never trusts a refused list.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <csignal>

#include "door_rig.hpp"
#include "hubgate/test/net_util.hpp"

namespace hubgate::test {
namespace {

using protocol::event_kind;

class door_resilience : public ::testing::Test {
 protected:
  void SetUp() override {
    rig_.start_sim();
    rig_.start_door();
  }
  void TearDown() override {
    if (rig_.door().running()) rig_.stop_door(SIGTERM);
  }
  // Taps the allowed card until the n-th grant is queued (a tap may land in a fault window).
  bool granted_tap(std::size_t n) {
    return wait_until(
        [&] {
          if (!rig_.wait_card_removed()) return false;
          rig_.control("tap " + allowed_uid + " 400");
          return rig_.wait_events(event_kind::tap_granted, n, std::chrono::seconds(3));
        },
        std::chrono::seconds(60), std::chrono::milliseconds(100));
  }
  door_rig rig_;
};

TEST_F(door_resilience, unplug_and_replug_recover_without_a_restart) {
  const auto pid = rig_.door().pid();
  EXPECT_EQ(rig_.control("fault unplug"), "ok");
  ASSERT_TRUE(rig_.wait_events(event_kind::reader_lost)) << rig_.door_log();
  EXPECT_EQ(rig_.control("fault replug"), "ok");
  ASSERT_TRUE(rig_.wait_events(event_kind::reader_recovered)) << rig_.door_log();
  ASSERT_TRUE(granted_tap(1)) << rig_.door_log();
  EXPECT_EQ(rig_.door().pid(), pid);
  EXPECT_TRUE(rig_.door().running());
}

TEST_F(door_resilience, garbled_nacked_and_mute_frames_neither_crash_nor_wedge) {
  std::size_t grants = 0;
  for (const char* fault : {"garble", "nack", "mute"}) {
    EXPECT_EQ(rig_.control(std::string("fault ") + fault + " 3"), "ok");
    ASSERT_TRUE(granted_tap(++grants)) << fault << "\n" << rig_.door_log();
    ASSERT_TRUE(rig_.door().running()) << fault;
  }
}

TEST_F(door_resilience, a_reader_that_stops_answering_is_reported_lost_and_recovers) {
  EXPECT_EQ(rig_.control("fault mute 8"), "ok");
  ASSERT_TRUE(rig_.wait_events(event_kind::reader_lost, 1, std::chrono::seconds(60)))
      << rig_.door_log();
  ASSERT_TRUE(rig_.wait_events(event_kind::reader_recovered, 1, std::chrono::seconds(90)))
      << rig_.door_log();
  ASSERT_TRUE(granted_tap(1)) << rig_.door_log();
}

TEST_F(door_resilience, events_committed_before_a_kill_survive_and_every_pulse_has_its_event) {
  EXPECT_EQ(rig_.control("tap " + allowed_uid + " 300"), "ok");
  ASSERT_TRUE(wait_until([&] {
    for (const auto& e : rig_.timeline())
      if (e.line == "relay" && e.state == "on") return true;
    return false;
  })) << rig_.door_log();
  rig_.kill_door();
  const auto granted_before = rig_.events_of(event_kind::tap_granted);
  ASSERT_EQ(granted_before.size(), 1u);
  rig_.start_door();
  ASSERT_TRUE(granted_tap(2)) << rig_.door_log();
  const auto granted_after = rig_.events_of(event_kind::tap_granted);
  EXPECT_EQ(granted_after[0], granted_before[0]);
  int relay_on = 0;
  for (const auto& e : rig_.timeline())
    if (e.line == "relay" && e.state == "on") ++relay_on;
  EXPECT_LE(static_cast<std::size_t>(relay_on), granted_after.size());
}

TEST_F(door_resilience, tampered_and_replayed_list_files_are_refused_and_the_last_good_list_kept) {
  // A newer list that still lets the allowed card in.
  rig_.write_list_file(rig_.signed_list_text(rig_.standard_list(), 2));
  ASSERT_TRUE(rig_.wait_events(event_kind::list_accepted, 2)) << rig_.door_log();

  // Tampered: a newer sequence whose payload was changed after signing (entries removed).
  auto emptied = rig_.standard_list();
  boost::json::value tampered = boost::json::parse(rig_.signed_list_text(emptied, 3));
  tampered.as_object()["payload"].as_object()["entries"].as_array().clear();
  rig_.write_list_file(boost::json::serialize(tampered));
  ASSERT_TRUE(rig_.wait_events(event_kind::list_refused, 1)) << rig_.door_log();

  // Replayed: a properly signed but older list that would lock the allowed card out.
  protocol::access_list nobody;
  rig_.write_list_file(rig_.signed_list_text(nobody, 1));
  ASSERT_TRUE(rig_.wait_events(event_kind::list_refused, 2)) << rig_.door_log();

  ASSERT_TRUE(granted_tap(1)) << rig_.door_log();
  EXPECT_EQ(rig_.events_of(event_kind::list_accepted).size(), 2u);

  // And a genuinely newer list that drops the card does take effect.
  rig_.write_list_file(rig_.signed_list_text(nobody, 4));
  ASSERT_TRUE(rig_.wait_events(event_kind::list_accepted, 3)) << rig_.door_log();
  ASSERT_TRUE(rig_.wait_card_removed());
  EXPECT_EQ(rig_.control("tap " + allowed_uid + " 300"), "ok");
  ASSERT_TRUE(rig_.wait_events(event_kind::tap_denied)) << rig_.door_log();
  EXPECT_EQ(rig_.events_of(event_kind::tap_denied)[0].reason, "unknown_card");
}

TEST(door_reload, sighup_reads_the_list_file_at_once) {
  door_rig rig({.list_check_ms = 3'600'000});
  rig.start_sim();
  rig.start_door();
  ASSERT_TRUE(rig.wait_events(event_kind::list_accepted, 1)) << rig.door_log();
  rig.write_list_file(rig.signed_list_text(protocol::access_list{}, 2));
  rig.door().signal(SIGHUP);
  ASSERT_TRUE(rig.wait_events(event_kind::list_accepted, 2)) << rig.door_log();
  EXPECT_EQ(rig.control("tap " + allowed_uid + " 300"), "ok");
  ASSERT_TRUE(rig.wait_events(event_kind::tap_denied)) << rig.door_log();
  EXPECT_TRUE(rig.door().running());
  rig.stop_door(SIGTERM);
}

}  // namespace
}  // namespace hubgate::test

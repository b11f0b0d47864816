// The link survives what boards and services go through: a tampered store, a service that is
// away while people keep tapping, and kill -9 on either side mid-transfer. Every event
// arrives exactly once.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <csignal>
#include <set>

#include "hubgate/test/net_util.hpp"
#include "link_fixture.hpp"

namespace hubgate::test {
namespace {

using link_resilience = link_test;

// Flips one byte inside every stored list message (the signature no longer matches).
void tamper_with_stored_list(const std::string& store_path) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(store_path.c_str(), &db), SQLITE_OK);
  const char* sql =
      "UPDATE list_messages SET envelope = replace(envelope, '\"sequence\":', '\"sequence\": ')"
      " || ' ';"
      "UPDATE list_messages SET envelope = replace(envelope, '\"source\":\"booking\"',"
      " '\"source\":\"admin\"');";
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
  sqlite3_free(error);
  EXPECT_GT(sqlite3_total_changes(db), 0);
  sqlite3_close(db);
}

std::size_t taps_at_service(link_rig& rig, const std::string& controller,
                            std::set<std::string>* ids = nullptr) {
  std::size_t n = 0;
  for (const auto& e : rig.access_events("controller=" + controller)) {
    const auto kind = text_of(e, "kind");
    if (kind != "tap_granted" && kind != "tap_denied") continue;
    ++n;
    if (ids) ids->insert(text_of(e, "id"));
  }
  return n;
}

TEST_F(link_resilience, a_tampered_store_is_refused_reported_and_resynced) {
  board& lab = enrolled_board("lab", {"Lab door"});
  const session jonas = rig_.login(jonas_email);
  ASSERT_FALSE(rig_.book(jonas, rig_.space_id("Innovation Lab"), 120, 60).empty());
  ASSERT_TRUE(lab.tap_until(jonas_card, true)) << lab.door_log();

  lab.stop_door();
  tamper_with_stored_list(lab.store_path());
  lab.start_door();
  EXPECT_NE(lab.door_log().find("stored_list_refused"), std::string::npos) << lab.door_log();
  ASSERT_TRUE(lab.wait_link_up()) << lab.door_log();
  // A fresh snapshot arrives and decides again.
  EXPECT_TRUE(lab.tap_until(jonas_card, true)) << lab.door_log();
  EXPECT_TRUE(wait_until(
      [&] {
        for (const auto& e : rig_.access_events("controller=" + lab.controller_id))
          if (text_of(e, "kind") == "list_refused") return true;
        return false;
      },
      std::chrono::seconds(30)));
}

TEST_F(link_resilience, a_frozen_service_is_detected_by_the_heartbeat_and_reconnected) {
  board& lab = enrolled_board("lab", {"Lab door"});
  // SIGSTOP keeps the TCP connection open but silent: a half-open link.
  rig_.signal_service(SIGSTOP);
  EXPECT_TRUE(wait_until([&] { return !lab.link_is_up(); }, std::chrono::seconds(30)))
      << lab.door_log();
  EXPECT_NE(lab.door_log().find("no frame or pong"), std::string::npos) << lab.door_log();
  rig_.signal_service(SIGCONT);
  EXPECT_TRUE(lab.wait_link_up(std::chrono::seconds(60))) << lab.door_log();
}

TEST_F(link_resilience, taps_while_the_service_is_away_arrive_exactly_once) {
  board& lab = enrolled_board("lab", {"Lab door"});
  const session jonas = rig_.login(jonas_email);
  ASSERT_FALSE(rig_.book(jonas, rig_.space_id("Innovation Lab"), 120, 60).empty());
  ASSERT_TRUE(lab.tap_until(jonas_card, true)) << lab.door_log();
  ASSERT_TRUE(wait_until([&] { return taps_at_service(rig_, lab.controller_id) > 0; }));
  const auto online = taps_at_service(rig_, lab.controller_id);

  rig_.stop_service();
  constexpr int offline_taps = 5;
  for (int i = 0; i < offline_taps; ++i)
    EXPECT_EQ(lab.tap_once(jonas_card), std::optional<bool>(true)) << "decided from the cache";
  ASSERT_FALSE(rig_.start_service().has_value());
  ASSERT_TRUE(lab.wait_link_up(std::chrono::seconds(60))) << lab.door_log();

  const auto expected = online + offline_taps;
  EXPECT_TRUE(wait_until([&] { return taps_at_service(rig_, lab.controller_id) >= expected; },
                         std::chrono::seconds(60)));
  // Once the board's queue is empty nothing more can arrive: the count is final.
  EXPECT_TRUE(wait_until([&] { return lab.queued_events() == 0; }, std::chrono::seconds(60)));
  std::set<std::string> ids;
  EXPECT_EQ(taps_at_service(rig_, lab.controller_id, &ids), expected);
  EXPECT_EQ(ids.size(), expected);
}

TEST_F(link_resilience, kill_9_of_board_and_service_mid_transfer_loses_and_doubles_nothing) {
  board& lab = enrolled_board("lab", {"Lab door"});
  rig_.stop_service();
  constexpr int taps = 12;
  for (int i = 0; i < taps; ++i) ASSERT_TRUE(lab.tap_once(anna_card).has_value());

  // The board dies as soon as its upload starts ...
  const auto sent_before = lab.log_count("\"event\":\"events_sent\"");
  ASSERT_FALSE(rig_.start_service().has_value());
  ASSERT_TRUE(wait_until([&] { return lab.log_count("\"event\":\"events_sent\"") > sent_before; },
                         std::chrono::seconds(60)));
  lab.kill_door();
  lab.start_door();
  // ... and the service dies as soon as the first of them is committed.
  ASSERT_TRUE(wait_until([&] { return taps_at_service(rig_, lab.controller_id) > 0; },
                         std::chrono::seconds(60)));
  rig_.kill_service();
  ASSERT_FALSE(rig_.start_service().has_value());

  EXPECT_TRUE(wait_until([&] { return taps_at_service(rig_, lab.controller_id) >= taps; },
                         std::chrono::seconds(90)));
  EXPECT_TRUE(wait_until([&] { return lab.queued_events() == 0; }, std::chrono::seconds(60)));
  std::set<std::string> ids;
  EXPECT_EQ(taps_at_service(rig_, lab.controller_id, &ids), static_cast<std::size_t>(taps));
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(taps));
}

}  // namespace
}  // namespace hubgate::test

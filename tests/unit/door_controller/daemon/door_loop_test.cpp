// The door loop with a hand-driven clock, a recording door I/O and an in-memory journal.
#include "door_controller/daemon/door_loop.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "protocol/log/log.hpp"
#include "protocol/pseudonym.hpp"

namespace hubgate::door {
namespace {

using namespace std::chrono_literals;
using protocol::event_kind;

class manual_clock final : public clock {
 public:
  std::chrono::steady_clock::time_point steady_now() const override { return steady; }
  std::chrono::system_clock::time_point system_now() const override { return system; }
  void advance(std::chrono::milliseconds d) {
    steady += d;
    system += d;
  }
  std::chrono::steady_clock::time_point steady{std::chrono::hours(1)};
  std::chrono::system_clock::time_point system{std::chrono::seconds(1'800'000'000)};
};

class recording_io final : public door_io {
 public:
  void start(sink) override {}
  void stop() override {}
  boost::system::result<void> set_relay(bool on) override {
    changes.push_back(on);
    return {};
  }
  std::vector<bool> changes;
};

class vector_journal final : public event_journal {
 public:
  boost::system::result<void> append(const protocol::access_event& event) override {
    if (failing) return boost::system::errc::make_error_code(boost::system::errc::io_error);
    events.push_back(event);
    return {};
  }
  std::vector<event_kind> kinds() const {
    std::vector<event_kind> out;
    for (const auto& e : events) out.push_back(e.kind);
    return out;
  }
  std::vector<protocol::access_event> events;
  bool failing = false;
};

const std::vector<std::uint8_t> list_key(32, 0x5A);
const std::vector<std::uint8_t> allowed_uid{0x04, 0xA1, 0xB2, 0xC3};
const std::vector<std::uint8_t> unknown_uid{0x04, 0x00, 0x00, 0x01};

class door_loop_test : public ::testing::Test {
 protected:
  door_loop_test() : loop_(options(), clock_, io_, journal_) {
    list_.entries.push_back({protocol::make_pseudonym(list_key, allowed_uid),
                             "door-1",
                             protocol::grant_source::booking,
                             {{now_s_ - 60, now_s_ + 7200}}});
    loop_.set_list(access_index(list_), now_s_);
  }

  void set_door_settings(std::vector<protocol::door_settings> doors) {
    list_.doors = std::move(doors);
    loop_.set_list(access_index(list_), now_s_, list_.doors);
  }

  static door_loop_options options() {
    return {"door-1", list_key, 500ms, 2000ms, 3600, staleness_policy::standing_only};
  }

  void tap(const std::vector<std::uint8_t>& uid) {
    loop_.on_reader({reader_event::kind::tap, uid, {}});
  }
  void io(io_event::kind kind, bool initial = false) { loop_.on_io({kind, initial, {}}); }
  void run_for(std::chrono::milliseconds d) {
    clock_.advance(d);
    loop_.tick();
  }

  manual_clock clock_;
  std::int64_t now_s_ =
      std::chrono::duration_cast<std::chrono::seconds>(clock_.system.time_since_epoch()).count();
  protocol::access_list list_;
  recording_io io_;
  vector_journal journal_;
  door_loop loop_;
};

TEST_F(door_loop_test, granted_tap_records_before_pulsing_the_relay_for_the_unlock_time) {
  tap(allowed_uid);
  ASSERT_EQ(journal_.kinds(), std::vector{event_kind::tap_granted});
  EXPECT_EQ(journal_.events[0].reason, "booking");
  EXPECT_EQ(journal_.events[0].door_id, "door-1");
  EXPECT_EQ(journal_.events[0].card, protocol::make_pseudonym(list_key, allowed_uid));
  EXPECT_EQ(io_.changes, std::vector{true});
  run_for(499ms);
  EXPECT_TRUE(loop_.relay_on());
  run_for(1ms);
  EXPECT_EQ(io_.changes, (std::vector{true, false}));
  EXPECT_FALSE(loop_.next_deadline().has_value());
}

TEST_F(door_loop_test, unknown_card_is_denied_with_its_reason_and_the_relay_stays_off) {
  tap(unknown_uid);
  ASSERT_EQ(journal_.kinds(), std::vector{event_kind::tap_denied});
  EXPECT_EQ(journal_.events[0].reason, "unknown_card");
  EXPECT_TRUE(io_.changes.empty());
}

TEST_F(door_loop_test, a_grant_that_cannot_be_recorded_does_not_unlock) {
  journal_.failing = true;
  tap(allowed_uid);
  EXPECT_TRUE(io_.changes.empty());
}

TEST_F(door_loop_test, door_opened_without_a_grant_is_forced_open_then_closed) {
  io(io_event::kind::door_opened);
  io(io_event::kind::door_closed);
  EXPECT_EQ(journal_.kinds(), (std::vector{event_kind::door_forced_open, event_kind::door_closed}));
}

TEST_F(door_loop_test, door_opened_within_the_unlock_window_is_not_forced) {
  tap(allowed_uid);
  run_for(100ms);
  io(io_event::kind::door_opened);
  EXPECT_EQ(journal_.kinds(), std::vector{event_kind::tap_granted});
}

TEST_F(door_loop_test, door_opened_after_the_unlock_window_is_forced) {
  tap(allowed_uid);
  run_for(600ms);
  io(io_event::kind::door_opened);
  EXPECT_EQ(journal_.kinds(), (std::vector{event_kind::tap_granted, event_kind::door_forced_open}));
}

TEST_F(door_loop_test, door_held_open_past_the_limit_is_reported_once) {
  io(io_event::kind::button_pressed);
  io(io_event::kind::door_opened);
  run_for(1999ms);
  EXPECT_EQ(journal_.kinds(), std::vector{event_kind::exit_button});
  run_for(1ms);
  run_for(5000ms);
  const auto kinds = journal_.kinds();
  EXPECT_EQ(kinds, (std::vector{event_kind::exit_button, event_kind::door_held_open}));
}

TEST_F(door_loop_test, exit_button_records_and_pulses) {
  io(io_event::kind::button_pressed);
  io(io_event::kind::button_released);
  EXPECT_EQ(journal_.kinds(), std::vector{event_kind::exit_button});
  EXPECT_EQ(io_.changes, std::vector{true});
}

TEST_F(door_loop_test, exit_button_opens_even_when_the_store_cannot_record) {
  // A full or broken SD card must not keep people in.
  journal_.failing = true;
  io(io_event::kind::button_pressed);
  EXPECT_EQ(io_.changes, std::vector{true});
  EXPECT_TRUE(loop_.relay_on());
  run_for(500ms);
  EXPECT_EQ(io_.changes, (std::vector{true, false}));
}

TEST_F(door_loop_test, door_opened_after_an_unrecorded_exit_button_is_not_forced) {
  journal_.failing = true;
  io(io_event::kind::button_pressed);
  journal_.failing = false;
  io(io_event::kind::door_opened);
  EXPECT_TRUE(journal_.events.empty());
}

TEST_F(door_loop_test, initial_door_state_is_not_an_event) {
  io(io_event::kind::door_opened, true);
  EXPECT_TRUE(journal_.events.empty());
  io(io_event::kind::door_closed);
  EXPECT_EQ(journal_.kinds(), std::vector{event_kind::door_closed});
}

TEST_F(door_loop_test, reader_loss_and_recovery_are_events) {
  loop_.on_reader({reader_event::kind::lost, {}, "device gone"});
  loop_.on_reader({reader_event::kind::recovered, {}, {}});
  EXPECT_EQ(journal_.kinds(), (std::vector{event_kind::reader_lost, event_kind::reader_recovered}));
  EXPECT_EQ(journal_.events[0].reason, "device gone");
}

TEST_F(door_loop_test, stale_list_under_standing_only_refuses_booking_grants) {
  run_for(std::chrono::seconds(3601));
  run_for(std::chrono::seconds(1));
  tap(allowed_uid);
  ASSERT_EQ(journal_.kinds(), std::vector{event_kind::tap_denied});
  EXPECT_EQ(journal_.events[0].reason, "list_stale");
}

TEST_F(door_loop_test, a_tap_with_the_clock_behind_the_list_reports_clock_untrusted) {
  clock_.system -= std::chrono::hours(2);
  tap(allowed_uid);
  ASSERT_EQ(journal_.kinds(), std::vector{event_kind::tap_denied});
  EXPECT_EQ(journal_.events[0].reason, "clock_untrusted");
  EXPECT_TRUE(io_.changes.empty());
}

TEST_F(door_loop_test, the_signed_list_sets_this_door_s_unlock_and_held_open_times) {
  set_door_settings({{"door-0", 9000, 9000}, {"door-1", 1500, 4000}});
  tap(allowed_uid);
  run_for(1499ms);
  EXPECT_TRUE(loop_.relay_on());
  run_for(1ms);
  EXPECT_FALSE(loop_.relay_on());
  io(io_event::kind::door_opened);  // within the 1.5 s unlock window: not forced
  run_for(3999ms);
  EXPECT_EQ(journal_.kinds(), std::vector{event_kind::tap_granted});
  run_for(1ms);
  EXPECT_EQ(journal_.kinds(), (std::vector{event_kind::tap_granted, event_kind::door_held_open}));
}

TEST_F(door_loop_test, a_list_without_settings_for_this_door_restores_the_configured_times) {
  set_door_settings({{"door-1", 1500, 4000}});
  set_door_settings({{"door-0", 9000, 9000}});
  tap(allowed_uid);
  run_for(499ms);
  EXPECT_TRUE(loop_.relay_on());
  run_for(1ms);
  EXPECT_FALSE(loop_.relay_on());
}

TEST_F(door_loop_test, an_untrusted_clock_is_logged_once_while_every_tap_records_it) {
  std::vector<std::string> lines;
  log::set_sink([&](std::string_view line) {
    if (line.find("\"event\":\"clock_untrusted\"") != std::string_view::npos)
      lines.emplace_back(line);
  });
  clock_.system -= std::chrono::hours(2);
  tap(allowed_uid);
  tap(allowed_uid);
  EXPECT_EQ(lines.size(), 1u);
  clock_.system += std::chrono::hours(2);
  tap(allowed_uid);  // trusted again
  clock_.system -= std::chrono::hours(2);
  tap(allowed_uid);
  log::set_sink({});
  EXPECT_EQ(lines.size(), 2u) << "logged again after the clock was trusted in between";
  EXPECT_EQ(journal_.kinds(), (std::vector{event_kind::tap_denied, event_kind::tap_denied,
                                           event_kind::tap_granted, event_kind::tap_denied}));
}

TEST_F(door_loop_test, release_turns_a_pulsing_relay_off) {
  tap(allowed_uid);
  loop_.release();
  EXPECT_EQ(io_.changes, (std::vector{true, false}));
}

}  // namespace
}  // namespace hubgate::door

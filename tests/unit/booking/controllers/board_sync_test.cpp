// board_sync: a board gets a signed snapshot that opens an epoch, then exactly one delta per
// change; reconnecting in step continues with deltas, anything else (or a resync) restarts
// with a snapshot; the messages pass the board's own acceptance checks.
#include "booking/controllers/board_sync.hpp"

#include <gtest/gtest.h>

#include <cstring>

#include "protocol/access_list_json.hpp"
#include "protocol/envelope.hpp"

namespace hubgate::controllers {
namespace {

using protocol::access_entry;
using protocol::access_list;
using protocol::grant_source;

access_list list_with(std::uint8_t card_byte, std::int64_t from) {
  access_list l;
  protocol::pseudonym p{};
  p[0] = card_byte;
  l.entries.push_back(access_entry{p, "door-1", grant_source::booking, {{from, from + 3600}}});
  return l;
}

struct epochs {
  std::uint64_t next = 7;
  bool fail = false;
  std::function<std::optional<std::uint64_t>()> fn() {
    return [this]() -> std::optional<std::uint64_t> {
      if (fail) return std::nullopt;
      return next++;
    };
  }
};

TEST(board_sync, sends_nothing_before_hello) {
  board_sync s("ctl-1");
  epochs e;
  EXPECT_FALSE(s.next(list_with(1, 100), e.fn(), 1000));
}

TEST(board_sync, snapshot_opens_an_epoch_then_one_delta_per_change) {
  board_sync s("ctl-1");
  epochs e;
  s.on_hello(0, 0);
  auto snap = s.next(list_with(1, 100), e.fn(), 1000);
  ASSERT_TRUE(snap);
  EXPECT_EQ(snap->type, "snapshot");
  EXPECT_EQ(snap->controller_id, "ctl-1");
  EXPECT_EQ(snap->epoch, 7u);
  EXPECT_EQ(snap->sequence, 1u);
  EXPECT_EQ(snap->issued_at, 1000);
  auto parsed = protocol::parse_access_list(snap->payload);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(*parsed, list_with(1, 100));

  EXPECT_FALSE(s.next(list_with(1, 100), e.fn(), 1001)) << "no change, no message";
  EXPECT_TRUE(s.on_ack(7, 1));
  EXPECT_EQ(s.acked_sequence(), 1u);

  auto changed = list_with(1, 100);
  changed.entries.push_back(list_with(2, 200).entries.front());
  auto delta = s.next(changed, e.fn(), 1002);
  ASSERT_TRUE(delta);
  EXPECT_EQ(delta->type, "delta");
  EXPECT_EQ(delta->epoch, 7u);
  EXPECT_EQ(delta->sequence, 2u);
  auto d = protocol::parse_access_list_delta(delta->payload);
  ASSERT_TRUE(d);
  auto applied = list_with(1, 100);
  protocol::apply_delta(applied, *d);
  EXPECT_EQ(applied, changed);
}

TEST(board_sync, stale_and_future_acks_are_ignored) {
  board_sync s("ctl-1");
  epochs e;
  s.on_hello(0, 0);
  ASSERT_TRUE(s.next(list_with(1, 100), e.fn(), 1000));
  EXPECT_FALSE(s.on_ack(6, 1)) << "another epoch";
  EXPECT_FALSE(s.on_ack(7, 2)) << "never sent";
  EXPECT_TRUE(s.on_ack(7, 1));
  EXPECT_FALSE(s.on_ack(7, 1)) << "already acknowledged";
}

TEST(board_sync, reconnecting_in_step_continues_with_deltas) {
  board_sync s("ctl-1");
  epochs e;
  s.on_hello(0, 0);
  ASSERT_TRUE(s.next(list_with(1, 100), e.fn(), 1000));
  ASSERT_TRUE(s.on_ack(7, 1));
  s.on_disconnect();
  EXPECT_FALSE(s.next(list_with(2, 100), e.fn(), 1001)) << "nobody to send to";
  s.on_hello(7, 1);
  EXPECT_FALSE(s.wants_snapshot());
  auto delta = s.next(list_with(2, 100), e.fn(), 1002);
  ASSERT_TRUE(delta);
  EXPECT_EQ(delta->type, "delta");
  EXPECT_EQ(delta->sequence, 2u);
  EXPECT_EQ(e.next, 8u) << "no new epoch was opened";
}

TEST(board_sync, a_lost_ack_is_recovered_from_the_boards_hello) {
  board_sync s("ctl-1");
  epochs e;
  s.on_hello(0, 0);
  ASSERT_TRUE(s.next(list_with(1, 100), e.fn(), 1000));
  ASSERT_TRUE(s.on_ack(7, 1));
  ASSERT_TRUE(s.next(list_with(2, 100), e.fn(), 1001));  // seq 2, its ack lost
  s.on_disconnect();
  s.on_hello(7, 2);
  EXPECT_FALSE(s.wants_snapshot());
  EXPECT_EQ(s.acked_sequence(), 2u);
  EXPECT_FALSE(s.next(list_with(2, 100), e.fn(), 1002)) << "the board holds seq 2 already";
}

TEST(board_sync, out_of_step_hello_or_resync_gives_a_snapshot_in_a_new_epoch) {
  board_sync s("ctl-1", 3);
  epochs e;
  s.on_hello(3, 9);  // an epoch the service has no list for (e.g. after a restart)
  EXPECT_TRUE(s.wants_snapshot());
  auto snap = s.next(list_with(1, 100), e.fn(), 1000);
  ASSERT_TRUE(snap);
  EXPECT_EQ(snap->type, "snapshot");
  EXPECT_EQ(snap->epoch, 7u);
  ASSERT_TRUE(s.on_ack(7, 1));
  s.on_resync();
  auto again = s.next(list_with(1, 100), e.fn(), 1001);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->type, "snapshot");
  EXPECT_EQ(again->epoch, 8u);
  EXPECT_EQ(again->sequence, 1u);
}

TEST(board_sync, no_epoch_means_no_snapshot_yet) {
  board_sync s("ctl-1");
  epochs e;
  e.fail = true;
  s.on_hello(0, 0);
  EXPECT_FALSE(s.next(list_with(1, 100), e.fn(), 1000));
  EXPECT_TRUE(s.wants_snapshot());
  e.fail = false;
  EXPECT_TRUE(s.next(list_with(1, 100), e.fn(), 1001));
}

TEST(board_sync, a_list_too_large_for_the_board_is_withheld_and_the_board_stays_in_step) {
  board_sync s("ctl-1");
  epochs e;
  s.on_hello(0, 0);
  auto first = s.next(list_with(1, 100), e.fn(), 1000);
  ASSERT_TRUE(first);
  ASSERT_TRUE(s.on_ack(first->epoch, first->sequence));

  access_list huge = list_with(1, 100);  // some 95 bytes of JSON per entry: over 5 MB
  for (std::uint32_t i = 0; huge.entries.size() * 80 < board_sync::max_payload_bytes; ++i) {
    protocol::pseudonym p{};
    std::memcpy(p.data() + 1, &i, sizeof i);
    huge.entries.push_back(access_entry{p, "door-1", grant_source::booking, {{100, 3700}}});
  }
  EXPECT_FALSE(s.next(huge, e.fn(), 1001));
  EXPECT_GT(s.oversized_payload(), board_sync::max_payload_bytes);
  EXPECT_EQ(s.sent_sequence(), 1u) << "nothing counted as sent";

  auto fits = s.next(list_with(2, 100), e.fn(), 1002);
  ASSERT_TRUE(fits);
  EXPECT_EQ(fits->type, protocol::envelope_type::delta) << "still in step: a delta";
  EXPECT_EQ(fits->sequence, 2u);
  EXPECT_EQ(s.oversized_payload(), 0u);
}

TEST(board_sync, signed_messages_pass_the_boards_acceptance) {
  auto key = protocol::signing_key::generate();
  ASSERT_TRUE(key);
  const auto verify = key->public_key();
  board_sync s("ctl-1");
  epochs e;
  s.on_hello(0, 0);
  auto snap = s.next(list_with(1, 100), e.fn(), 1000);
  ASSERT_TRUE(snap);
  auto wire = protocol::decode(protocol::encode(protocol::sign(*snap, *key)));
  ASSERT_TRUE(wire);
  EXPECT_TRUE(protocol::accept(*wire, verify, "ctl-1", 0, 0));
  EXPECT_FALSE(protocol::accept(*wire, verify, "ctl-2", 0, 0)) << "addressed to ctl-1 only";
  auto delta = s.next(list_with(2, 100), e.fn(), 1001);
  ASSERT_TRUE(delta);
  auto signed_delta = protocol::sign(*delta, *key);
  EXPECT_TRUE(protocol::accept(signed_delta, verify, "ctl-1", 7, 1));
  EXPECT_FALSE(protocol::accept(signed_delta, verify, "ctl-1", 7, 0)) << "a gap";
}

}  // namespace
}  // namespace hubgate::controllers

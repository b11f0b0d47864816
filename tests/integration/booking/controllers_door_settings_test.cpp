// A door's unlock and held-open times travel to its board in the signed list: in the snapshot,
// and as a delta when the admin changes them.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json/serialize.hpp>

#include "connected_board.hpp"
#include "controllers_link.hpp"
#include "protocol/access_list_json.hpp"

namespace hubgate::test {
namespace {

std::optional<protocol::door_settings> settings_of(const std::vector<protocol::door_settings>& ds,
                                                   const std::string& door) {
  auto it = std::find_if(ds.begin(), ds.end(), [&](const auto& d) { return d.door_id == door; });
  if (it == ds.end()) return std::nullopt;
  return *it;
}

TEST(controllers_door_settings, the_snapshot_holds_the_times_of_the_board_s_doors) {
  connected_board b;
  auto list = protocol::parse_access_list(b.snapshot.body.payload);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->doors.size(), 2u);
  auto room = settings_of(list->doors, b.s.room_door_id);
  ASSERT_TRUE(room);
  auto door = b.s.svc->call("GET", "/api/v1/doors/" + b.s.room_door_id, &b.s.admin);
  ASSERT_EQ(door.status, 200) << door.raw.body;
  EXPECT_EQ(room->unlock_ms, door.json.at("unlock_ms").as_int64());
  EXPECT_EQ(room->held_open_ms, door.json.at("held_open_alarm_ms").as_int64());
}

TEST(controllers_door_settings, a_changed_unlock_time_reaches_the_board_as_a_signed_delta) {
  connected_board b;
  b.ack(b.snapshot);
  auto patched = b.s.svc->call("PATCH", "/api/v1/doors/" + b.s.room_door_id, &b.s.admin,
                               R"({"unlock_ms":1500,"held_open_alarm_ms":120000})");
  ASSERT_EQ(patched.status, 200) << patched.raw.body;
  auto key = protocol::verify_key::from_pem(b.board.list_verify_key_pem);
  ASSERT_TRUE(key);
  std::uint64_t last = b.snapshot.body.sequence;
  std::optional<protocol::door_settings> got;
  ASSERT_TRUE(read_until(*b.client, [&](const protocol::stream_message& m) {
    auto* l = std::get_if<protocol::list_message>(&m);
    if (!l || l->envelope.body.type != "delta") return false;
    EXPECT_TRUE(
        protocol::accept(l->envelope, *key, b.board.controller_id, b.snapshot.body.epoch, last));
    last = l->envelope.body.sequence;
    b.ack(l->envelope);
    auto d = protocol::parse_access_list_delta(l->envelope.body.payload);
    if (!d || !d->doors) return false;
    got = settings_of(*d->doors, b.s.room_door_id);
    return true;
  })) << "no delta with door settings";
  ASSERT_TRUE(got);
  EXPECT_EQ(got->unlock_ms, 1500);
  EXPECT_EQ(got->held_open_ms, 120000);
}

TEST(controllers_door_settings, times_a_board_would_refuse_are_refused_by_the_api) {
  connected_board b;
  for (const char* body :
       {R"({"unlock_ms":50})", R"({"unlock_ms":3600000})", R"({"held_open_alarm_ms":500})"}) {
    auto r = b.s.svc->call("PATCH", "/api/v1/doors/" + b.s.room_door_id, &b.s.admin, body);
    EXPECT_EQ(r.status, 422) << body << ": " << r.raw.body;
  }
}

}  // namespace
}  // namespace hubgate::test

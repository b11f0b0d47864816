// The real service's controller port and stream: only enrolled, unrevoked boards pass TLS; a
// board gets a signed snapshot, a delta soon after a booking, events_ack only for stored events
// (each once; none for another board's door or before enrolment), check-in by tap; revocation
// closes its connection.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fstream>
#include <thread>

#include "booking/pki/tls_material.hpp"
#include "connected_board.hpp"
#include "controllers_link.hpp"
#include "hubgate/test/net_util.hpp"
#include "protocol/access_list_json.hpp"

namespace hubgate::test {
namespace {

using protocol::stream_message;

bool has_entry(const protocol::access_list_delta& d, const std::string& card,
               const std::string& door) {
  for (const auto& e : d.upserts)
    if (protocol::to_hex(e.card) == card && e.door_id == door) return true;
  return false;
}

TEST(controllers_stream, the_snapshot_is_signed_for_this_board) {
  connected_board b;
  auto key = protocol::verify_key::from_pem(b.board.list_verify_key_pem);
  ASSERT_TRUE(key);
  EXPECT_EQ(b.snapshot.body.type, "snapshot");
  EXPECT_TRUE(protocol::accept(b.snapshot, *key, b.board.controller_id, 0, 0));
  EXPECT_TRUE(protocol::parse_access_list(b.snapshot.body.payload));
  auto other = protocol::signing_key::generate();
  ASSERT_TRUE(other);
  EXPECT_FALSE(protocol::verify(b.snapshot, other->public_key()))
      << "signed by the service's key only";

  // The admin view shows it online with its clock skew and acked sequence.
  b.ack(b.snapshot);
  ASSERT_TRUE(wait_until([&] {
    auto r = b.s.svc->call("GET", "/api/v1/controllers", &b.s.admin);
    for (const auto& c : r.json.at("items").as_array())
      if (c.at("id").as_string() == b.board.controller_id)
        return c.at("online").as_bool() && c.at("list_sequence_acked").as_int64() == 1 &&
               c.at("clock_skew_ms").is_int64() && c.at("reader").as_string() == "ok" &&
               c.at("door_state").as_string() == "closed";
    return false;
  }));
}

TEST(controllers_stream, the_controller_port_serves_only_the_stream) {
  connected_board b;
  client::https_client_options o;
  o.port = static_cast<std::uint16_t>(b.s.controller_port);
  o.ca_file = b.board.ca_file;
  o.client_cert_file = b.board.cert_file;
  o.client_key_file = b.board.key_file;
  client::https_client plain(o);
  auto r = plain.try_request("GET", "/api/v1/health");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  auto enrol = plain.try_request("GET", "/api/v1/controllers/ca");
  ASSERT_TRUE(enrol);
  EXPECT_EQ(enrol->status, 404) << "enrolment lives on the main port";
}

TEST(controllers_stream, a_booking_reaches_the_board_as_a_delta) {
  connected_board b;
  b.ack(b.snapshot);
  caller member;
  b.member_with_card("alice@hub.example", "04AABBCCDD", &member);
  const auto card = pseudonym_hex(b.board.list_key_hex, "04AABBCCDD");
  auto booked = b.s.svc->call("POST", "/api/v1/bookings", &member,
                              booking_body(b.s.hub.room_id, utc_in(3600), utc_in(7200)));
  ASSERT_EQ(booked.status, 201) << booked.raw.body;
  auto key = protocol::verify_key::from_pem(b.board.list_verify_key_pem);
  ASSERT_TRUE(key);
  std::uint64_t last = b.snapshot.body.sequence;
  auto got = read_until(*b.client, [&](const stream_message& m) {
    auto* l = std::get_if<protocol::list_message>(&m);
    if (!l || l->envelope.body.type != "delta") return false;
    EXPECT_TRUE(
        protocol::accept(l->envelope, *key, b.board.controller_id, b.snapshot.body.epoch, last));
    last = l->envelope.body.sequence;
    b.ack(l->envelope);
    auto d = protocol::parse_access_list_delta(l->envelope.body.payload);
    return d && has_entry(*d, card, b.s.room_door_id);
  });
  EXPECT_TRUE(got) << "no delta with the member's card for the room door";
}

std::string events_json(const std::vector<protocol::access_event>& events) {
  return protocol::serialize(protocol::events_message{events});
}

std::size_t event_count(link_service& s) {
  auto r = s.svc->call("GET", "/api/v1/access-events?limit=1000", &s.admin);
  EXPECT_EQ(r.status, 200) << r.raw.body;
  return r.json.at("items").as_array().size();
}

TEST(controllers_stream, events_are_acked_once_stored_and_stored_once) {
  connected_board b;
  const std::vector<protocol::access_event> batch{tap_event(b.s.room_door_id, std::nullopt),
                                                  tap_event(b.s.entrance_door_id, std::nullopt)};
  auto acked = [&](const stream_message& m) {
    auto* a = std::get_if<protocol::events_ack_message>(&m);
    return a && a->ids == std::vector<std::string>{batch[0].id, batch[1].id};
  };
  ASSERT_TRUE(b.client->send_text(events_json(batch)));
  ASSERT_TRUE(read_until(*b.client, acked));
  EXPECT_EQ(event_count(b.s), 2u) << "acknowledged means stored";

  ASSERT_TRUE(b.client->send_text(events_json(batch)));  // the board missed the ack: re-sent
  ASSERT_TRUE(read_until(*b.client, acked)) << "a re-sent event is acked again";
  EXPECT_EQ(event_count(b.s), 2u) << "but stored once";

  auto filtered = b.s.svc->call(
      "GET", "/api/v1/access-events?door=" + b.s.room_door_id + "&outcome=denied", &b.s.admin);
  ASSERT_EQ(filtered.status, 200);
  ASSERT_EQ(filtered.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(filtered.json.at("items").as_array()[0].at("controller_id").as_string(),
            b.board.controller_id);
}

TEST(controllers_stream, events_for_another_door_or_from_before_enrolment_are_not_stored) {
  connected_board b;
  const auto other_door = post_json(b.s, "/api/v1/doors",
                                    {{"site_id", b.s.hub.site_id},
                                     {"name", "Lab door"},
                                     {"space_ids", boost::json::array{b.s.hub.room_id}}},
                                    201);
  auto own = tap_event(b.s.room_door_id, std::nullopt);
  auto foreign = tap_event(other_door, std::nullopt);
  auto ancient = tap_event(b.s.entrance_door_id, std::nullopt);
  ancient.at -= std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::days(2)).count();
  const std::vector<protocol::access_event> batch{own, foreign, ancient};
  ASSERT_TRUE(b.client->send_text(events_json(batch)));
  ASSERT_TRUE(read_until(*b.client, [&](const stream_message& m) {
    auto* a = std::get_if<protocol::events_ack_message>(&m);
    return a && a->ids == std::vector<std::string>{own.id, foreign.id, ancient.id};
  })) << "refused events are acknowledged, so the board drops them";
  EXPECT_EQ(event_count(b.s), 1u)
      << "only the event at the board's own door, dated after enrolment";
  auto other = b.s.svc->call("GET", "/api/v1/access-events?door=" + other_door, &b.s.admin);
  ASSERT_EQ(other.status, 200);
  EXPECT_TRUE(other.json.at("items").as_array().empty());
}

TEST(controllers_stream, an_entrance_tap_checks_in_a_desk_booking_not_a_room_booking) {
  connected_board b;
  caller member;
  const auto user_id = b.member_with_card("bob@hub.example", "04010203", &member);
  auto desk = b.s.svc->call("POST", "/api/v1/bookings", &member,
                            booking_body(b.s.hub.pool_id, utc_in(120), utc_in(3720)));
  auto room = b.s.svc->call("POST", "/api/v1/bookings", &member,
                            booking_body(b.s.hub.room_id, utc_in(120), utc_in(3720)));
  ASSERT_EQ(desk.status, 201) << desk.raw.body;
  ASSERT_EQ(room.status, 201) << room.raw.body;
  const auto card = pseudonym_hex(b.board.list_key_hex, "04010203");
  // The service knows the card's pseudonym once it has recomputed after the enrolment.
  ASSERT_TRUE(read_until(*b.client, [&](const stream_message& m) {
    auto* l = std::get_if<protocol::list_message>(&m);
    auto d = l ? protocol::parse_access_list_delta(l->envelope.body.payload)
               : protocol::result<protocol::access_list_delta>(protocol::errc::bad_field);
    return d && has_entry(*d, card, b.s.entrance_door_id);
  }));
  auto e = tap_event(b.s.entrance_door_id, card, protocol::event_kind::tap_granted);
  ASSERT_TRUE(b.client->send_text(events_json({e})));
  auto status = [&](const reply& booking) {
    auto r = b.s.svc->call(
        "GET", "/api/v1/bookings/" + std::string(booking.json.at("id").as_string()), &member);
    return std::string(r.json.at("status").as_string());
  };
  EXPECT_TRUE(wait_until([&] { return status(desk) == "checked_in"; })) << status(desk);
  EXPECT_EQ(status(room), "confirmed");
  auto log = b.s.svc->call("GET", "/api/v1/access-events?outcome=granted", &b.s.admin);
  ASSERT_EQ(log.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(log.json.at("items").as_array()[0].at("user_id").as_string(), user_id);
}

TEST(controllers_stream, a_released_no_show_loses_its_door_access) {
  link_service s({"--release-interval", "1"});
  temp_dir dir("hubgate-release");
  auto created = create_controller(s, {s.entrance_door_id});
  auto board = enroll(s, created.token, dir);
  ASSERT_TRUE(board);
  auto client = board_client(s, board->ca_file, board->cert_file, board->key_file);
  ASSERT_TRUE(client->connect());
  ASSERT_TRUE(client->send_text(hello(board->controller_id)));
  auto desk = post_json(s, "/api/v1/spaces",
                        {{"site_id", s.hub.site_id},
                         {"name", "Hot desk"},
                         {"kind", "desk"},
                         {"capacity", 1},
                         {"mode", "exclusive"},
                         {"check_in_required", true},
                         {"release_window_seconds", 1}},
                        201);
  auto member = s.svc->new_member(s.admin, "carol@hub.example");
  ASSERT_EQ(s.svc
                ->call("POST", "/api/v1/users/" + member.user_id + "/credentials", &s.admin,
                       R"({"card_id":"04C0FFEE"})")
                .status,
            201);
  const auto card = pseudonym_hex(board->list_key_hex, "04C0FFEE");
  auto booked =
      s.svc->call("POST", "/api/v1/bookings", &member, booking_body(desk, utc_in(5), utc_in(3600)));
  ASSERT_EQ(booked.status, 201) << booked.raw.body;
  auto delta_with = [&](bool upsert) {
    return [&, upsert](const stream_message& m) {
      auto* l = std::get_if<protocol::list_message>(&m);
      if (!l || l->envelope.body.type != "delta") return false;
      auto d = protocol::parse_access_list_delta(l->envelope.body.payload);
      if (!d) return false;
      if (upsert) return has_entry(*d, card, s.entrance_door_id);
      for (const auto& k : d->removals)
        if (protocol::to_hex(k.card) == card && k.door_id == s.entrance_door_id) return true;
      return false;
    };
  };
  ASSERT_TRUE(read_until(*client, delta_with(true))) << "the booking opened the entrance";
  // Nobody taps in: the release job frees the desk one second after the start, and the
  // entrance closes for this card.
  ASSERT_TRUE(read_until(*client, delta_with(false), std::chrono::seconds(60)))
      << "no removal after the release";
  auto after = s.svc->call(
      "GET", "/api/v1/bookings/" + std::string(booked.json.at("id").as_string()), &member);
  EXPECT_EQ(after.json.at("status").as_string(), "released");
}

TEST(controllers_stream, a_silent_board_is_dropped_after_the_heartbeat_deadline) {
  link_service s({"--heartbeat-seconds", "1"});
  temp_dir dir("hubgate-heartbeat");
  auto created = create_controller(s, {});
  auto board = enroll(s, created.token, dir);
  ASSERT_TRUE(board);
  auto client = board_client(s, board->ca_file, board->cert_file, board->key_file);
  ASSERT_TRUE(client->connect());
  ASSERT_TRUE(client->send_text(hello(board->controller_id)));
  auto online = [&] {
    auto r = s.svc->call("GET", "/api/v1/controllers", &s.admin);
    for (const auto& c : r.json.at("items").as_array())
      if (c.at("id").as_string() == board->controller_id) return c.at("online").as_bool();
    return false;
  };
  ASSERT_TRUE(wait_until(online));
  // This client answers pings only while it reads; it stops reading, like a half-open peer.
  EXPECT_TRUE(wait_until([&] { return !online(); }, std::chrono::seconds(30),
                         std::chrono::milliseconds(200)));
}

TEST(controllers_stream, revoking_closes_the_connection_and_refuses_the_certificate) {
  connected_board b;
  auto r = b.s.svc->call("POST", "/api/v1/controllers/" + b.board.controller_id + "/revoke",
                         &b.s.admin, "{}");
  ASSERT_EQ(r.status, 200) << r.raw.body;
  const auto revoked_at = std::chrono::steady_clock::now();
  std::string last_error;
  for (;;) {  // everything up to the close is fine (e.g. a delta); then the stream must end
    auto text = b.client->read_text(std::chrono::seconds(20));
    if (!text) {
      last_error = text.error().message();
      break;
    }
  }
  std::printf("closed %lld ms after the revocation: %s\n",
              static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                         std::chrono::steady_clock::now() - revoked_at)
                                         .count()),
              last_error.c_str());
  EXPECT_FALSE(b.client->is_open()) << "the service closed the revoked board's stream";
  auto again = board_client(b.s, b.board.ca_file, b.board.cert_file, b.board.key_file);
  EXPECT_FALSE(again->connect()) << "a revoked certificate gets no WebSocket";
}

TEST(controllers_stream, no_certificate_or_a_foreign_one_gets_no_websocket) {
  link_service s;
  temp_dir dir("hubgate-foreign");
  const auto ca = s.svc->data_dir() + "/tls/ca.pem";
  EXPECT_FALSE(board_client(s, ca, "", "")->connect()) << "no client certificate";

  // A certificate from another CA, with a name like ours.
  auto foreign = pki::ensure_server_tls(dir.path() / "other");
  ASSERT_TRUE(foreign);
  auto key = pki::make_key_and_csr("ctl-foreign");
  ASSERT_TRUE(key);
  auto cert = pki::sign_csr({foreign->ca_certificate, foreign->ca_private_key}, key->csr_pem,
                            "ctl-foreign", 30);
  ASSERT_TRUE(cert);
  std::ofstream(dir / "f.crt") << *cert;
  std::ofstream(dir / "f.key") << key->private_key_pem;
  EXPECT_FALSE(board_client(s, ca, dir / "f.crt", dir / "f.key")->connect()) << "foreign CA";

  // Our CA, but never enrolled (e.g. a certificate from a spent, raced enrolment).
  auto ours = pki::sign_csr({s.svc->data_dir() + "/tls/ca.pem", s.svc->data_dir() + "/tls/ca.key"},
                            key->csr_pem, "ctl-unknown", 30);
  ASSERT_TRUE(ours);
  std::ofstream(dir / "u.crt") << *ours;
  EXPECT_FALSE(board_client(s, ca, dir / "u.crt", dir / "f.key")->connect())
      << "unknown certificate";

  // Plain HTTP on the controller port is a 404, WebSocket or not.
  client::https_client_options o;
  o.port = static_cast<std::uint16_t>(s.controller_port);
  o.ca_file = ca;
  o.client_cert_file = dir / "u.crt";
  o.client_key_file = dir / "f.key";
  client::https_client plain(o);
  EXPECT_FALSE(plain.try_request("GET", "/api/v1/health")) << "refused right after the handshake";
}

}  // namespace
}  // namespace hubgate::test

namespace hubgate::test {
namespace {

long rss_kib(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

// Fifty boards at once, each with its own certificate, each synced; prints the service's
// resident memory with one and with fifty connected (a figure, not an assertion).
TEST(controllers_stream, fifty_boards_connect_and_sync) {
  link_service s;
  temp_dir dir("hubgate-fifty");
  std::vector<std::unique_ptr<client::wss_client>> boards;
  long one = 0;
  for (int i = 0; i < 50; ++i) {
    auto created = create_controller(s, {});
    auto b = enroll(s, created.token, dir);
    ASSERT_TRUE(b);
    auto c = board_client(s, b->ca_file, b->cert_file, b->key_file);
    ASSERT_TRUE(c->connect()) << "board " << i;
    ASSERT_TRUE(c->send_text(hello(b->controller_id)));
    ASSERT_TRUE(read_until(
        *c,
        [](const stream_message& m) { return std::holds_alternative<protocol::list_message>(m); }))
        << "board " << i << " got no snapshot";
    boards.push_back(std::move(c));
    if (i == 0) one = rss_kib(s.svc->process().pid());
  }
  const long fifty = rss_kib(s.svc->process().pid());
  auto r = s.svc->call("GET", "/api/v1/controllers", &s.admin);
  int online = 0;
  for (const auto& c : r.json.at("items").as_array()) online += c.at("online").as_bool() ? 1 : 0;
  EXPECT_EQ(online, 50);
  std::printf("service RSS: %ld KiB with 1 board, %ld KiB with 50 (%.1f KiB per extra board)\n",
              one, fifty, static_cast<double>(fifty - one) / 49.0);
  RecordProperty("rss_kib_1", static_cast<int>(one));
  RecordProperty("rss_kib_50", static_cast<int>(fifty));
}

}  // namespace
}  // namespace hubgate::test

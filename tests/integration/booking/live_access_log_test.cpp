// The live access log of the real service: the WebSocket upgrade on the main port passes the
// route table (anonymous 401, member 403, foreign origin 403, plain GET 426) and an admin's
// connection receives an event a board uploads, in the GET /access-events form; one whose
// session ended is closed instead.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "controllers_link.hpp"

namespace hubgate::test {
namespace {

constexpr auto live_path = "/api/v1/access-events/live";

std::unique_ptr<client::wss_client> browser(const link_service& s, const caller* who,
                                            std::string origin = {}) {
  client::wss_client_options o;
  o.port = static_cast<std::uint16_t>(s.svc->port());
  o.path = live_path;
  o.ca_file = s.svc->data_dir() + "/tls/ca.pem";
  o.timeout = std::chrono::seconds(20);
  if (origin.empty()) origin = "https://127.0.0.1:" + std::to_string(s.svc->port());
  o.headers.emplace_back("Origin", origin);
  if (who) o.headers.emplace_back("Cookie", who->cookie);
  return std::make_unique<client::wss_client>(o);
}

// Reads frames until one of type `type` (returned as JSON) or the deadline.
std::optional<boost::json::object> read_frame(client::wss_client& c, std::string_view type,
                                              std::string_view event_id = {}) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < until) {
    auto text = c.read_text(std::chrono::seconds(1));
    if (!text) {
      if (c.is_open()) continue;
      return std::nullopt;
    }
    boost::system::error_code ec;
    auto v = boost::json::parse(*text, ec);
    if (ec || !v.is_object()) continue;
    const auto& o = v.as_object();
    if (o.at("type").as_string() != type) continue;
    if (!event_id.empty() && o.at("event").at("id").as_string() != event_id) continue;
    return o;
  }
  return std::nullopt;
}

TEST(live_access_log, anonymous_callers_get_401) {
  link_service s;
  auto c = browser(s, nullptr);
  EXPECT_FALSE(c->connect());
  EXPECT_EQ(c->handshake_status(), 401);
}

TEST(live_access_log, members_get_403) {
  link_service s;
  auto member = s.svc->new_member(s.admin, "member@hub.example");
  auto c = browser(s, &member);
  EXPECT_FALSE(c->connect());
  EXPECT_EQ(c->handshake_status(), 403);
}

TEST(live_access_log, a_foreign_origin_gets_403_even_for_an_admin) {
  link_service s;
  auto c = browser(s, &s.admin, "https://evil.example");
  EXPECT_FALSE(c->connect());
  EXPECT_EQ(c->handshake_status(), 403);
}

TEST(live_access_log, a_plain_get_is_told_to_upgrade) {
  link_service s;
  auto r = s.svc->call("GET", live_path, &s.admin);
  EXPECT_EQ(r.status, 426);
  EXPECT_EQ(r.code(), "upgrade_required");
}

TEST(live_access_log, the_route_is_documented_as_admin_only) {
  link_service s;
  auto r = s.svc->call("GET", "/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  const auto& op = r.json.at("paths").at("/access-events/live").at("get");
  EXPECT_EQ(op.at("x-privilege").as_string(), "admin");
}

// An enrolled board on its link, uploading taps as a real one does.
struct uploading_board {
  explicit uploading_board(link_service& s) : s(s) {
    auto created = create_controller(s, {s.room_door_id});
    board = enroll(s, created.token, dir);
    if (!board) return;
    link = connect_board(s, *board);
    connected = true;
  }
  // Uploads one denied tap and returns it.
  protocol::access_event tap() {
    auto e = tap_event(s.room_door_id, pseudonym_hex(board->list_key_hex, "04DEADBEEF"),
                       protocol::event_kind::tap_denied, "unknown_card");
    sent = link->send_text(protocol::serialize(protocol::events_message{{e}})).has_value();
    return e;
  }

  link_service& s;
  temp_dir dir{"hubgate-live-log"};
  std::optional<enrolled_board> board;
  std::unique_ptr<client::wss_client> link;
  bool connected = false, sent = false;
};

TEST(live_access_log, an_admin_receives_an_uploaded_event_live) {
  link_service s;
  auto c = browser(s, &s.admin);
  ASSERT_TRUE(c->connect());
  EXPECT_EQ(c->handshake_status(), 101);
  ASSERT_TRUE(read_frame(*c, "ready")) << "the connection is registered";

  uploading_board board(s);
  ASSERT_TRUE(board.connected);
  const auto tap = board.tap();
  ASSERT_TRUE(board.sent);

  auto frame = read_frame(*c, "access_event", tap.id);
  ASSERT_TRUE(frame) << "the event reached the admin's connection";
  const auto& e = frame->at("event").as_object();
  EXPECT_EQ(e.at("door_id").as_string(), s.room_door_id);
  EXPECT_EQ(e.at("controller_id").as_string(), board.board->controller_id);
  EXPECT_EQ(e.at("kind").as_string(), "tap_denied");
  EXPECT_EQ(e.at("reason").as_string(), "unknown_card");
  c->close();
}

TEST(live_access_log, a_signed_out_admins_connection_is_closed_before_the_next_event) {
  link_service s;
  auto ending = s.svc->admin();  // a second session of the same admin
  auto leaving = browser(s, &ending), watching = browser(s, &s.admin);
  ASSERT_TRUE(leaving->connect());
  ASSERT_TRUE(watching->connect());
  ASSERT_TRUE(read_frame(*leaving, "ready"));
  ASSERT_TRUE(read_frame(*watching, "ready"));
  ASSERT_EQ(s.svc->call("POST", "/api/v1/auth/logout", &ending).status, 204);

  uploading_board board(s);
  ASSERT_TRUE(board.connected);
  const auto tap = board.tap();
  ASSERT_TRUE(board.sent);
  EXPECT_TRUE(read_frame(*watching, "access_event", tap.id)) << "the session still open hears it";
  EXPECT_FALSE(read_frame(*leaving, "access_event", tap.id)) << "the ended session hears nothing";
  EXPECT_FALSE(leaving->is_open());
  watching->close();
}

}  // namespace
}  // namespace hubgate::test

// Controller enrolment on the main port of the real service: the token works once and not
// after it expired, the CA hash pins the CA the service hands out, and the admin list shows
// a controller going from pending to enrolled to revoked.
#include <gtest/gtest.h>

#include <thread>

#include "booking/pki/tls_material.hpp"
#include "controllers_link.hpp"
#include "hubgate/test/net_util.hpp"

namespace hubgate::test {
namespace {

std::string status_of(link_service& s, const std::string& id) {
  auto r = s.svc->call("GET", "/api/v1/controllers", &s.admin);
  EXPECT_EQ(r.status, 200);
  for (const auto& item : r.json.at("items").as_array())
    if (item.at("id").as_string() == id) return std::string(item.at("status").as_string());
  return "absent";
}

TEST(controllers_enrolment, a_token_enrols_once_then_is_refused) {
  link_service s;
  auto created = create_controller(s, {s.room_door_id});
  EXPECT_EQ(created.token.size(), 43u);
  EXPECT_EQ(status_of(s, created.id), "pending");

  temp_dir dir("hubgate-enrol");
  reply first;
  auto board = enroll(s, created.token, dir, &first);
  ASSERT_TRUE(board) << first.raw.body;
  EXPECT_EQ(board->controller_id, created.id);
  EXPECT_EQ(board->list_key_hex.size(), 64u);
  EXPECT_EQ(board->endpoint, "127.0.0.1:" + std::to_string(s.controller_port));
  EXPECT_TRUE(protocol::verify_key::from_pem(board->list_verify_key_pem));
  EXPECT_EQ(first.json.at("site_id").as_string(), s.hub.site_id);
  EXPECT_EQ(first.json.at("door_ids").as_array().size(), 1u);
  EXPECT_EQ(status_of(s, created.id), "enrolled");

  reply second;
  EXPECT_FALSE(enroll(s, created.token, dir, &second));
  EXPECT_EQ(second.status, 401);
  EXPECT_EQ(second.code(), "enrollment_token_invalid");

  reply unknown;
  EXPECT_FALSE(enroll(s, std::string(43, 'A'), dir, &unknown));
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(unknown.code(), "enrollment_token_invalid");

  auto revoked =
      s.svc->call("POST", "/api/v1/controllers/" + created.id + "/revoke", &s.admin, "{}");
  EXPECT_EQ(revoked.status, 200) << revoked.raw.body;
  EXPECT_EQ(status_of(s, created.id), "revoked");
}

TEST(controllers_enrolment, an_expired_token_is_refused) {
  link_service s({"--enrollment-token-seconds", "1"});
  const auto issued = std::chrono::system_clock::now();
  auto created = create_controller(s, {s.room_door_id});
  // The token lives one second: wait until the wall clock is past it.
  ASSERT_TRUE(wait_until(
      [&] { return std::chrono::system_clock::now() > issued + std::chrono::seconds(3); },
      std::chrono::seconds(10), std::chrono::milliseconds(100)));
  temp_dir dir("hubgate-enrol");
  reply r;
  EXPECT_FALSE(enroll(s, created.token, dir, &r));
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.code(), "enrollment_token_invalid");
  EXPECT_EQ(status_of(s, created.id), "pending");
}

TEST(controllers_enrolment, the_ca_hash_pins_the_ca_the_service_hands_out) {
  link_service s;
  auto created = create_controller(s, {});
  auto ca = s.svc->call("GET", "/api/v1/controllers/ca");  // anonymous
  ASSERT_EQ(ca.status, 200);
  auto hash = pki::certificate_sha256(std::string(ca.json.at("ca_pem").as_string()));
  ASSERT_TRUE(hash);
  EXPECT_EQ(created.ca_hash, "sha256:" + *hash);
  auto on_disk = pki::ca_sha256(s.svc->data_dir() + "/tls/ca.pem");
  ASSERT_TRUE(on_disk);
  EXPECT_EQ(*on_disk, *hash);
}

TEST(controllers_enrolment, admin_only_and_validated) {
  link_service s;
  auto member = s.svc->new_member(s.admin, "m1@hub.example");
  EXPECT_EQ(
      s.svc->call("POST", "/api/v1/controllers", &member, R"({"name":"x","site_id":"y"})").status,
      403);
  EXPECT_EQ(s.svc->call("GET", "/api/v1/controllers", &member).status, 403);
  EXPECT_EQ(s.svc->call("GET", "/api/v1/access-events", nullptr).status, 401);
  auto bad = s.svc->call("POST", "/api/v1/controllers", &s.admin,
                         R"({"name":"x","site_id":"nope","door_ids":["nope"]})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.code(), "validation_failed");
  temp_dir dir("hubgate-enrol");
  auto created = create_controller(s, {});
  auto garbage = s.svc->call("POST", "/api/v1/controllers/enroll", nullptr,
                             R"({"token":")" + created.token + R"(","csr_pem":"not a csr"})");
  EXPECT_EQ(garbage.status, 422);
  reply after;
  EXPECT_TRUE(enroll(s, created.token, dir, &after)) << "a refused CSR does not spend the token";
}

}  // namespace
}  // namespace hubgate::test

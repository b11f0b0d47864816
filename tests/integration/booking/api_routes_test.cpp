// Every route over real HTTPS, and the authorization matrix: for each route, the status each
// role gets, written out here by hand (not derived from the router's own table).
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json/serialize.hpp>

#include "api_service.hpp"

namespace hubgate::test {
namespace {

struct matrix_row {
  const char* method;
  const char* path;
  const char* body;  // may contain the same placeholders as the path
  int anonymous, member, other_member, admin;
};

// member owns {booking} {fresh} {soon} {pending}, {member_id}'s cards, {member_token}.
// clang-format off
const matrix_row authorization_matrix[] = {
  {"GET",    "/api/v1/health",                             "",                                    200, 200, 200, 200},
  {"GET",    "/api/v1/openapi.json",                       "",                                    200, 200, 200, 200},
  {"GET",    "/api/v1/metrics",                            "",                                    401, 403, 403, 200},
  {"POST",   "/api/v1/auth/login",                         R"({"email":"{login_email}","password":"{login_password}"})", 200, 200, 200, 200},
  {"POST",   "/api/v1/auth/logout",                        "",                                    401, 204, 204, 204},
  {"GET",    "/api/v1/auth/session",                       "",                                    401, 200, 200, 200},
  {"POST",   "/api/v1/auth/tokens",                        R"({"name":"matrix {n}"})",           401, 201, 201, 201},
  {"GET",    "/api/v1/auth/tokens",                        "",                                    401, 200, 200, 200},
  {"DELETE", "/api/v1/auth/tokens/{member_token}",         "",                                    401, 204, 404, 404},
  {"GET",    "/api/v1/sites",                              "",                                    401, 200, 200, 200},
  {"POST",   "/api/v1/sites",                              R"({"name":"Matrix site"})",          401, 403, 403, 201},
  {"GET",    "/api/v1/sites/{site}",                       "",                                    401, 200, 200, 200},
  {"PATCH",  "/api/v1/sites/{site}",                       R"({"name":"Test site"})",            401, 403, 403, 200},
  {"POST",   "/api/v1/sites/{site}/holidays",              R"({"state":"BY","year":2027})",      401, 403, 403, 200},
  {"GET",    "/api/v1/spaces",                             "",                                    401, 200, 200, 200},
  {"POST",   "/api/v1/spaces",                             R"({"site_id":"{site}","name":"M","kind":"room","capacity":2})", 401, 403, 403, 201},
  {"GET",    "/api/v1/spaces/{room}",                      "",                                    401, 200, 200, 200},
  {"PATCH",  "/api/v1/spaces/{room}",                      R"({"name":"Room"})",                 401, 403, 403, 200},
  {"DELETE", "/api/v1/spaces/{fresh_space}",               "",                                    401, 403, 403, 200},
  {"GET",    "/api/v1/spaces/{room}/availability?from={from}&to={to}", "",                        401, 200, 200, 200},
  {"GET",    "/api/v1/groups",                             "",                                    401, 200, 200, 200},
  {"POST",   "/api/v1/groups",                             R"({"name":"group {n}"})",            401, 403, 403, 201},
  {"GET",    "/api/v1/groups/{group}",                     "",                                    401, 200, 200, 200},
  {"PATCH",  "/api/v1/groups/{group}",                     R"({"policy":{"max_days_ahead":60}})", 401, 403, 403, 200},
  {"DELETE", "/api/v1/groups/{fresh_group}",               "",                                    401, 403, 403, 204},
  {"GET",    "/api/v1/users",                              "",                                    401, 403, 403, 200},
  {"POST",   "/api/v1/users",                              R"({"email":"user{n}@hub.example","display_name":"U","password":"long-enough-password"})", 401, 403, 403, 201},
  {"GET",    "/api/v1/users/me",                           "",                                    401, 200, 200, 200},
  {"PATCH",  "/api/v1/users/me",                           R"({"language":"de"})",               401, 200, 200, 200},
  {"GET",    "/api/v1/users/{member_id}",                  "",                                    401, 200, 404, 200},
  {"PATCH",  "/api/v1/users/{member_id}",                  R"({"display_name":"Member"})",       401, 403, 403, 200},
  {"GET",    "/api/v1/users/{member_id}/credentials",      "",                                    401, 200, 404, 200},
  {"POST",   "/api/v1/users/{member_id}/credentials",      R"({"card_id":"{card}"})",            401, 403, 403, 201},
  {"POST",   "/api/v1/credentials/lookup",                R"({"card_id":"{enrolled_card}"})",   401, 403, 403, 200},
  {"POST",   "/api/v1/credentials/{fresh_cred}/revoke",    "",                                    401, 403, 403, 200},
  {"POST",   "/api/v1/credentials/{fresh_cred}/suspend",   "",                                    401, 403, 403, 200},
  {"POST",   "/api/v1/credentials/{suspended_cred}/reactivate", "",                               401, 403, 403, 200},
  {"GET",    "/api/v1/doors",                              "",                                    401, 403, 403, 200},
  {"POST",   "/api/v1/doors",                              R"({"site_id":"{site}","name":"Side door"})", 401, 403, 403, 201},
  {"GET",    "/api/v1/doors/{door}",                       "",                                    401, 403, 403, 200},
  {"PATCH",  "/api/v1/doors/{door}",                       R"({"unlock_ms":4000})",              401, 403, 403, 200},
  {"GET",    "/api/v1/availability?from={from}&to={to}",   "",                                    401, 200, 200, 200},
  {"POST",   "/api/v1/bookings",                           R"({"space_id":"{room}","start":"{slot_start}","end":"{slot_end}"})", 401, 201, 201, 201},
  {"GET",    "/api/v1/bookings",                           "",                                    401, 200, 200, 200},
  {"GET",    "/api/v1/bookings/{booking}",                 "",                                    401, 200, 404, 200},
  {"POST",   "/api/v1/bookings/{fresh}/cancel",            "",                                    401, 200, 404, 200},
  {"POST",   "/api/v1/bookings/{soon}/check-in",           "",                                    401, 200, 404, 200},
  {"POST",   "/api/v1/bookings/{pending}/approve",         "",                                    401, 403, 403, 200},
  {"POST",   "/api/v1/bookings/{pending}/reject",          "",                                    401, 403, 403, 200},
};
// clang-format on

std::string id_of(const reply& r) {
  if (r.status != 201 && r.status != 200) throw std::runtime_error("setup failed: " + r.raw.body);
  return std::string(r.json.at("id").as_string());
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
    s.replace(pos, from.size(), to);
}

class api_routes : public ::testing::Test {
 protected:
  void SetUp() override {
    admin_ = svc_.admin();
    hub_ = make_hub(svc_, admin_);
    member_ = svc_.new_member(admin_, "member@hub.example");
    other_ = svc_.new_member(admin_, "other@hub.example");
    checkin_space_ = id_of(
        svc_.call("POST", "/api/v1/spaces", &admin_,
                  R"({"site_id":")" + hub_.site_id +
                      R"(","name":"Check-in pool","kind":"desk","capacity":50,"mode":"shared"})"));
    group_ = id_of(svc_.call("POST", "/api/v1/groups", &admin_, R"({"name":"matrix group"})"));
    door_ = id_of(svc_.call("POST", "/api/v1/doors", &admin_,
                            R"({"site_id":")" + hub_.site_id + R"(","name":"Matrix door"})"));
    booking_ = id_of(svc_.call("POST", "/api/v1/bookings", &member_,
                               booking_body(hub_.room_id, utc_at(1, 6), utc_at(1, 7))));
  }

  // Fills the placeholders of one cell, creating what it needs fresh so each cell stands alone.
  std::string fill(std::string text, const caller* who) {
    auto next = [&] { return std::to_string(++counter_); };
    auto slot = [&](int k) {
      return std::pair{utc_at(10 + k / 12, 8 + k % 12), utc_at(10 + k / 12, 8 + k % 12, 30)};
    };
    auto take_slot = [&] { return slot(slot_++); };
    if (text.find("{fresh}") != std::string::npos) {
      auto [s, e] = take_slot();
      replace_all(
          text, "{fresh}",
          id_of(svc_.call("POST", "/api/v1/bookings", &member_, booking_body(hub_.room_id, s, e))));
    }
    if (text.find("{soon}") != std::string::npos)
      replace_all(text, "{soon}",
                  id_of(svc_.call("POST", "/api/v1/bookings", &member_,
                                  booking_body(checkin_space_, utc_in(120), utc_in(3600)))));
    if (text.find("{pending}") != std::string::npos) {
      auto [s, e] = take_slot();
      auto r = svc_.call("POST", "/api/v1/bookings", &member_, booking_body(hub_.event_id, s, e));
      EXPECT_EQ(r.json.at("status").as_string(), "pending");
      replace_all(text, "{pending}", id_of(r));
    }
    if (text.find("{fresh_space}") != std::string::npos)
      replace_all(text, "{fresh_space}",
                  id_of(svc_.call("POST", "/api/v1/spaces", &admin_,
                                  R"({"site_id":")" + hub_.site_id +
                                      R"(","name":"Temp","kind":"room","capacity":2})")));
    if (text.find("{fresh_group}") != std::string::npos)
      replace_all(text, "{fresh_group}",
                  id_of(svc_.call("POST", "/api/v1/groups", &admin_,
                                  R"({"name":"temp group )" + next() + "\"}")));
    auto card = [&] {
      char buf[16];
      std::snprintf(buf, sizeof buf, "04AA%06X", ++counter_);
      return std::string(buf);
    };
    auto new_card = [&] {
      return id_of(svc_.call("POST", "/api/v1/users/" + member_.user_id + "/credentials", &admin_,
                             R"({"card_id":")" + card() + "\"}"));
    };
    if (text.find("{enrolled_card}") != std::string::npos) {
      auto uid = card();
      EXPECT_EQ(svc_.call("POST", "/api/v1/users/" + member_.user_id + "/credentials", &admin_,
                          R"({"card_id":")" + uid + "\"}")
                    .status,
                201);
      replace_all(text, "{enrolled_card}", uid);
    }
    if (text.find("{fresh_cred}") != std::string::npos)
      replace_all(text, "{fresh_cred}", new_card());
    if (text.find("{suspended_cred}") != std::string::npos) {
      auto id = new_card();
      EXPECT_EQ(svc_.call("POST", "/api/v1/credentials/" + id + "/suspend", &admin_).status, 200);
      replace_all(text, "{suspended_cred}", id);
    }
    if (text.find("{member_token}") != std::string::npos)
      replace_all(text, "{member_token}",
                  id_of(svc_.call("POST", "/api/v1/auth/tokens", &member_,
                                  R"({"name":"m)" + next() + "\"}")));
    if (text.find("{slot_start}") != std::string::npos) {
      auto [s, e] = take_slot();
      replace_all(text, "{slot_start}", s);
      replace_all(text, "{slot_end}", e);
    }
    const bool is_admin = who == &admin_;
    replace_all(text, "{login_email}",
                is_admin || !who ? admin_email
                                 : (who == &member_ ? "member@hub.example" : "other@hub.example"));
    replace_all(text, "{login_password}",
                is_admin || !who ? admin_password
                                 : member_password(who == &member_ ? "member@hub.example"
                                                                   : "other@hub.example"));
    replace_all(text, "{card}", card());
    replace_all(text, "{n}", next());
    replace_all(text, "{site}", hub_.site_id);
    replace_all(text, "{room}", hub_.room_id);
    replace_all(text, "{group}", group_);
    replace_all(text, "{door}", door_);
    replace_all(text, "{member_id}", member_.user_id);
    replace_all(text, "{booking}", booking_);
    replace_all(text, "{from}", utc_at(2, 8));
    replace_all(text, "{to}", utc_at(2, 9));
    return text;
  }

  api_service svc_;
  caller admin_, member_, other_;
  test_hub hub_;
  std::string checkin_space_, group_, door_, booking_;
  int counter_ = 0, slot_ = 0;
};

TEST_F(api_routes, authorization_matrix) {
  struct role {
    const char* name;
    caller* who;
    int matrix_row::*expected;
  };
  const role roles[] = {{"anonymous", nullptr, &matrix_row::anonymous},
                        {"member", &member_, &matrix_row::member},
                        {"other_member", &other_, &matrix_row::other_member},
                        {"admin", &admin_, &matrix_row::admin}};
  for (const auto& row : authorization_matrix) {
    for (const auto& r : roles) {
      const std::string path = fill(row.path, r.who);
      const std::string body = fill(row.body, r.who);
      const bool logout = std::string_view(row.path) == "/api/v1/auth/logout";
      // Signing out ends the session: do it on a session of its own.
      caller session;
      const caller* who = r.who;
      if (logout && who) {
        session = who == &admin_
                      ? svc_.admin()
                      : svc_.login(who == &member_ ? "member@hub.example" : "other@hub.example",
                                   member_password(who == &member_ ? "member@hub.example"
                                                                   : "other@hub.example"));
        who = &session;
      }
      auto reply = svc_.call(row.method, path, who, body);
      EXPECT_EQ(reply.status, row.*(r.expected))
          << r.name << " " << row.method << " " << path << "\n"
          << reply.raw.body;
    }
  }
}

TEST_F(api_routes, members_see_only_their_own_bookings_and_availability_hides_who) {
  auto mine = svc_.call("GET", "/api/v1/bookings", &member_);
  ASSERT_EQ(mine.status, 200);
  ASSERT_EQ(mine.json.at("items").as_array().size(), 1u);
  auto theirs = svc_.call("GET", "/api/v1/bookings", &other_);
  ASSERT_EQ(theirs.status, 200);
  EXPECT_TRUE(theirs.json.at("items").as_array().empty());
  EXPECT_EQ(svc_.call("GET", "/api/v1/bookings?user=" + member_.user_id, &other_).status, 403);
  auto all = svc_.call("GET", "/api/v1/bookings?user=" + member_.user_id, &admin_);
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.json.at("items").as_array().size(), 1u);

  auto avail = svc_.call("GET",
                         "/api/v1/spaces/" + hub_.room_id + "/availability?from=" + utc_at(1, 5) +
                             "&to=" + utc_at(1, 8),
                         &other_);
  ASSERT_EQ(avail.status, 200) << avail.raw.body;
  EXPECT_EQ(avail.raw.body.find(member_.user_id), std::string::npos);
  EXPECT_EQ(avail.raw.body.find(booking_), std::string::npos);
  const auto& segments = avail.json.at("segments").as_array();
  ASSERT_EQ(segments.size(), 3u) << avail.raw.body;
  EXPECT_EQ(segments[0].at("free").as_int64(), 6);
  EXPECT_EQ(segments[1].at("free").as_int64(), 0);  // taken 06:00-07:00, by whom is not said
  EXPECT_EQ(segments[1].at("from").as_string(), utc_at(1, 6));
  EXPECT_EQ(segments[2].at("free").as_int64(), 6);
}

TEST_F(api_routes, availability_search_lists_free_spaces_with_seats) {
  auto r = svc_.call("GET",
                     "/api/v1/availability?kind=room&from=" + utc_at(1, 6) + "&to=" + utc_at(1, 7),
                     &other_);
  ASSERT_EQ(r.status, 200) << r.raw.body;
  for (const auto& item : r.json.at("items").as_array())
    EXPECT_NE(item.at("space_id").as_string(), hub_.room_id) << "the booked room is not free";
  r = svc_.call(
      "GET", "/api/v1/availability?kind=desk&seats=3&from=" + utc_at(1, 6) + "&to=" + utc_at(1, 7),
      &other_);
  ASSERT_EQ(r.status, 200) << r.raw.body;
  bool pool_listed = false;
  for (const auto& item : r.json.at("items").as_array())
    if (item.at("space_id").as_string() == hub_.pool_id) {
      pool_listed = true;
      EXPECT_EQ(item.at("free_seats").as_int64(), 5);
    }
  EXPECT_TRUE(pool_listed) << r.raw.body;
}

TEST_F(api_routes, booking_lifecycle_and_local_times) {
  // A local wall time is read in the site's zone (Europe/Berlin).
  auto r = svc_.call("POST", "/api/v1/bookings", &member_,
                     booking_body(hub_.pool_id, "2027-01-15T09:00:00", "2027-01-15T10:00", 2));
  if (r.status == 422 && r.code() == "too_far_ahead") GTEST_SKIP() << "date beyond max days ahead";
  ASSERT_EQ(r.status, 201) << r.raw.body;
  EXPECT_EQ(r.json.at("start").as_string(), "2027-01-15T08:00:00Z");
  EXPECT_EQ(r.json.at("seats").as_int64(), 2);
}

TEST_F(api_routes, pending_bookings_wait_for_approval) {
  auto r = svc_.call("POST", "/api/v1/bookings", &member_,
                     booking_body(hub_.event_id, utc_at(6, 9), utc_at(6, 12)));
  ASSERT_EQ(r.status, 201) << r.raw.body;
  EXPECT_EQ(r.json.at("status").as_string(), "pending");
  const std::string id(r.json.at("id").as_string());
  auto approved = svc_.call("POST", "/api/v1/bookings/" + id + "/approve", &admin_);
  ASSERT_EQ(approved.status, 200);
  EXPECT_EQ(approved.json.at("status").as_string(), "confirmed");
  auto again = svc_.call("POST", "/api/v1/bookings/" + id + "/approve", &admin_);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.code(), "invalid_transition");
  auto cancelled = svc_.call("POST", "/api/v1/bookings/" + id + "/cancel", &member_);
  ASSERT_EQ(cancelled.status, 200);
  EXPECT_EQ(cancelled.json.at("status").as_string(), "cancelled");
}

TEST_F(api_routes, catalogue_reads_and_writes_round_trip) {
  auto site = svc_.call("GET", "/api/v1/sites/" + hub_.site_id, &member_);
  ASSERT_EQ(site.status, 200);
  EXPECT_EQ(site.json.at("time_zone").as_string(), "Europe/Berlin");
  EXPECT_EQ(site.json.at("opening_hours").at("monday").as_array().size(), 1u);
  auto patched = svc_.call(
      "PATCH", "/api/v1/spaces/" + hub_.room_id, &admin_,
      R"({"features":["projector"],"rules":{"buffer_minutes":10},"position":{"floor":2,"x":3.5}})");
  ASSERT_EQ(patched.status, 200) << patched.raw.body;
  EXPECT_EQ(patched.json.at("features").as_array().size(), 1u);
  EXPECT_EQ(patched.json.at("rules").at("buffer_minutes").as_int64(), 10);
  EXPECT_EQ(patched.json.at("position").at("floor").as_int64(), 2);
  auto filtered =
      svc_.call("GET", "/api/v1/spaces?kind=room&feature=projector&site=" + hub_.site_id, &member_);
  ASSERT_EQ(filtered.status, 200);
  ASSERT_EQ(filtered.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(filtered.json.at("items").as_array()[0].at("id").as_string(), hub_.room_id);
  auto openapi = svc_.call("GET", "/api/v1/openapi.json");
  ASSERT_EQ(openapi.status, 200);
  EXPECT_EQ(openapi.json.at("openapi").as_string(), "3.1.0");
  EXPECT_TRUE(openapi.json.at("paths").as_object().contains("/bookings/{id}/cancel"));
  auto metrics = svc_.call("GET", "/api/v1/metrics", &admin_);
  ASSERT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.raw.body.find("hubgate_http_requests_total"), std::string::npos);
  EXPECT_NE(metrics.raw.body.find("hubgate_bookings_created_total"), std::string::npos);
}

TEST_F(api_routes, a_state_s_public_holidays_become_site_closures_once) {
  const std::string path = "/api/v1/sites/" + hub_.site_id + "/holidays";
  auto loaded = svc_.call("POST", path, &admin_, R"({"state":"NW","year":2027})");
  ASSERT_EQ(loaded.status, 200) << loaded.raw.body;
  EXPECT_EQ(loaded.json.at("holidays_added").as_int64(), 11);
  const auto& closures = loaded.json.at("closures").as_array();
  EXPECT_TRUE(std::any_of(closures.begin(), closures.end(), [](const auto& c) {
    return c.at("first").as_string() == "2027-05-27" &&
           c.at("reason").as_string() == "Fronleichnam";
  }));
  auto again = svc_.call("POST", path, &admin_, R"({"state":"NW","year":2027})");
  EXPECT_EQ(again.json.at("holidays_added").as_int64(), 0);
  EXPECT_EQ(again.json.at("closures").as_array().size(), closures.size());
  for (const char* bad :
       {R"({"state":"XX","year":2027})", R"({"state":"BY","year":1900})", R"({"state":"BY"})"}) {
    auto refused = svc_.call("POST", path, &admin_, bad);
    EXPECT_EQ(refused.status, 422) << bad;
    EXPECT_EQ(refused.code(), "validation_failed") << bad;
  }
}

}  // namespace
}  // namespace hubgate::test

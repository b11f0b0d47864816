// Concurrency over real HTTPS: 50 members racing for the last 3 seats of a shared space, and
// SIGTERM in the middle of a booking load losing no acknowledged booking.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <csignal>
#include <latch>
#include <mutex>
#include <set>
#include <thread>

#include "api_service.hpp"
#include "hubgate/test/net_util.hpp"

namespace hubgate::test {
namespace {

std::vector<caller> make_members(api_service& svc, const caller& admin, const std::string& prefix,
                                 int n) {
  std::vector<caller> members;
  for (int i = 0; i < n; ++i) {
    auto email = prefix + std::to_string(i) + "@hub.example";
    auto body = boost::json::serialize(boost::json::object{
        {"email", email}, {"display_name", email}, {"password", member_password(email)}});
    auto r = svc.call("POST", "/api/v1/users", &admin, body);
    if (r.status != 201) throw std::runtime_error("creating member failed: " + r.raw.body);
    caller c;
    c.user_id = std::string(r.json.at("id").as_string());
    members.push_back(c);
  }
  return members;
}

TEST(api_race, fifty_members_race_for_the_last_three_seats) {
  api_service svc;
  auto admin = svc.admin();
  auto hub = make_hub(svc, admin);
  const auto start = utc_at(3, 9), end = utc_at(3, 11);
  // The pool has 5 seats; 2 are taken, so 3 remain.
  auto first =
      svc.call("POST", "/api/v1/bookings", &admin, booking_body(hub.pool_id, start, end, 2));
  ASSERT_EQ(first.status, 201) << first.raw.body;

  constexpr int racers = 50;
  auto members = make_members(svc, admin, "racer", racers);
  std::vector<int> statuses(racers, 0);
  std::vector<std::string> codes(racers);
  std::latch ready(racers);
  std::vector<std::thread> threads;
  for (int i = 0; i < racers; ++i) {
    threads.emplace_back([&, i] {
      auto client = svc.client();  // its own connection
      auto email = "racer" + std::to_string(i) + "@hub.example";
      auto login = svc.call(*client, "POST", "/api/v1/auth/login", nullptr,
                            boost::json::serialize(boost::json::object{
                                {"email", email}, {"password", member_password(email)}}));
      caller me;
      if (login.status == 200) {
        auto cookie = login.header("set-cookie");
        me.cookie = cookie.substr(0, cookie.find(';'));
        me.csrf = std::string(login.json.at("csrf_token").as_string());
      }
      ready.arrive_and_wait();  // everyone signed in and connected: go at once
      if (login.status != 200) return;
      auto r = svc.call(*client, "POST", "/api/v1/bookings", &me,
                        booking_body(hub.pool_id, start, end, 1));
      statuses[i] = r.status;
      codes[i] = r.code();
    });
  }
  for (auto& t : threads) t.join();

  int created = 0, conflicts = 0;
  for (int i = 0; i < racers; ++i) {
    if (statuses[i] == 201) ++created;
    if (statuses[i] == 409 && codes[i] == "booking_conflict") ++conflicts;
  }
  EXPECT_EQ(created, 3);
  EXPECT_EQ(conflicts, 47);

  auto all = svc.call("GET", "/api/v1/bookings?space=" + hub.pool_id, &admin);
  ASSERT_EQ(all.status, 200);
  int seats = 0;
  for (const auto& b : all.json.at("items").as_array())
    if (b.at("status").as_string() == "confirmed")
      seats += static_cast<int>(b.at("seats").as_int64());
  EXPECT_EQ(seats, 5);
  auto free = svc.call(
      "GET", "/api/v1/spaces/" + hub.pool_id + "/availability?from=" + start + "&to=" + end,
      &admin);
  ASSERT_EQ(free.status, 200);
  ASSERT_EQ(free.json.at("segments").as_array().size(), 1u) << free.raw.body;
  EXPECT_EQ(free.json.at("segments").as_array()[0].at("free").as_int64(), 0);
}

TEST(api_race, sigterm_during_booking_load_loses_no_acknowledged_booking) {
  api_service svc;
  auto admin = svc.admin();
  auto hub = make_hub(svc, admin);
  // A pool large enough that every request fits: each is acknowledged or fails in transport.
  auto big = svc.call("POST", "/api/v1/spaces", &admin,
                      R"({"site_id":")" + hub.site_id +
                          R"(","name":"Hall","kind":"desk","capacity":100000,"mode":"shared"})");
  ASSERT_EQ(big.status, 201) << big.raw.body;
  const std::string hall(big.json.at("id").as_string());
  auto token = svc.call("POST", "/api/v1/auth/tokens", &admin, R"({"name":"load"})");
  ASSERT_EQ(token.status, 201);
  caller loader;
  loader.bearer = std::string(token.json.at("token").as_string());

  constexpr int workers = 8;
  std::mutex mutex;
  std::set<std::string> acknowledged;
  std::atomic<bool> stop{false};
  std::atomic<int> count{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&, w] {
      auto client = svc.client();
      for (int k = 0; !stop.load(); ++k) {
        auto r = client->try_request(
            "POST", "/api/v1/bookings",
            {{"authorization", "Bearer " + loader.bearer}, {"content-type", "application/json"}},
            booking_body(hall, utc_at(2 + w, k % 20, 0), utc_at(2 + w, k % 20, 30)));
        if (!r) break;  // the service went away
        if (r->status == 201) {
          boost::system::error_code ec;
          auto v = boost::json::parse(r->body, ec);
          if (ec) continue;
          std::lock_guard lock(mutex);
          acknowledged.insert(std::string(v.at("id").as_string()));
          ++count;
        } else if (r->status >= 500 && r->status != 503) {
          ADD_FAILURE() << "unexpected " << r->status << ": " << r->body;
          break;
        }
      }
    });
  }
  ASSERT_TRUE(wait_until([&] { return count.load() >= 40; }, std::chrono::seconds(120)));
  svc.stop(SIGTERM);
  stop = true;
  for (auto& t : threads) t.join();
  EXPECT_EQ(svc.exit_status_after_stop(), 0) << svc.process().output();

  svc.start();
  auto listed = svc.call("GET", "/api/v1/bookings?space=" + hall, &loader);
  ASSERT_EQ(listed.status, 200);
  std::set<std::string> stored;
  for (const auto& b : listed.json.at("items").as_array())
    stored.insert(std::string(b.at("id").as_string()));
  ASSERT_GE(acknowledged.size(), 40u);
  for (const auto& id : acknowledged) {
    if (stored.contains(id)) continue;  // the list is capped; look the rest up one by one
    auto one = svc.call("GET", "/api/v1/bookings/" + id, &loader);
    EXPECT_EQ(one.status, 200) << "lost acknowledged booking " << id;
  }
}

}  // namespace
}  // namespace hubgate::test

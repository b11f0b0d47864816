// kill -9 of hubgate-booking at random moments under concurrent booking load, then a restart
// on the same data dir: every booking (and cancellation) a client saw acknowledged is there,
// no space holds more than its capacity and the SQLite file is intact. HUBGATE_STRESS_CYCLES
// sets the number of crashes (default 3; `./dev stress` runs 20).
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <boost/json/parse.hpp>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "api_service.hpp"
#include "hubgate/test/net_util.hpp"
#include "store_audit.hpp"

namespace hubgate::stress {
namespace {

using namespace std::chrono_literals;
using test::api_service;
using test::caller;

int cycles_from_env() {
  const char* v = std::getenv("HUBGATE_STRESS_CYCLES");
  const int n = v ? std::atoi(v) : 0;
  return n > 0 ? n : 3;
}

// What the clients were told, across all cycles.
struct ledger {
  std::mutex mutex;
  std::set<std::string> created;         // 201 seen
  std::set<std::string> cancelled;       // cancel answered 200
  std::set<std::string> cancel_unknown;  // cancel sent, no answer (the service died)
  std::atomic<int> acks{0}, conflicts{0};
};

struct hub_spaces {
  std::string room, pool, hall;  // exclusive 6, shared 5, shared 100000
};

// One member's load: contended bookings of the room and the pool (most end in 409), bookings
// of the large hall, and cancellations of its own bookings, until the service goes away.
void member_load(api_service& svc, const caller& who, const hub_spaces& spaces, int cycle,
                 int worker, ledger& book, const std::atomic<bool>& stop) {
  auto client = svc.client();
  std::mt19937 rng(static_cast<unsigned>(cycle * 1000 + worker));
  std::vector<std::string> mine;
  const client::https_client::header_list auth = {{"authorization", "Bearer " + who.bearer},
                                                  {"content-type", "application/json"}};
  for (int k = 0; !stop.load(); ++k) {
    const int pick = static_cast<int>(rng() % 10);
    if (pick == 0 && !mine.empty()) {
      const auto id = mine[rng() % mine.size()];
      {
        std::lock_guard lock(book.mutex);
        if (book.cancelled.contains(id) || book.cancel_unknown.contains(id)) continue;
        book.cancel_unknown.insert(id);
      }
      auto r = client->try_request("POST", "/api/v1/bookings/" + id + "/cancel", auth, "{}");
      if (!r) return;  // the service went away
      std::lock_guard lock(book.mutex);
      if (r->status == 200) {
        book.cancel_unknown.erase(id);
        book.cancelled.insert(id);
      } else {
        book.cancel_unknown.erase(id);
        ADD_FAILURE() << "cancel " << id << ": " << r->status << " " << r->body;
      }
      continue;
    }
    // Two days per cycle, eight hourly slots a day: the room and pool fill and conflict.
    const int day = 2 + 2 * (cycle % 40) + static_cast<int>(rng() % 2),
              hour = 8 + static_cast<int>(rng() % 8);
    std::string body;
    if (pick <= 4)
      body = test::booking_body(spaces.pool, test::utc_at(day, hour), test::utc_at(day, hour + 1),
                                1 + static_cast<int>(rng() % 3));
    else if (pick <= 7)
      body = test::booking_body(spaces.room, test::utc_at(day, hour), test::utc_at(day, hour + 1),
                                1 + static_cast<int>(rng() % 6));
    else
      body = test::booking_body(spaces.hall, test::utc_at(day, hour, 15 * (k % 4)),
                                test::utc_at(day, hour, 15 * (k % 4) + 30));
    auto r = client->try_request("POST", "/api/v1/bookings", auth, body);
    if (!r) return;
    if (r->status == 201) {
      boost::system::error_code ec;
      auto v = boost::json::parse(r->body, ec);
      ASSERT_FALSE(ec) << r->body;
      std::string id(v.at("id").as_string());
      mine.push_back(id);
      std::lock_guard lock(book.mutex);
      book.created.insert(id);
      ++book.acks;
    } else if (r->status == 409) {
      ++book.conflicts;
    } else {
      ADD_FAILURE() << "booking: " << r->status << " " << r->body;
      return;
    }
  }
}

void expect_promises_kept(const std::string& data_dir, ledger& book) {
  store_audit audit(data_dir);
  EXPECT_EQ(audit.integrity_check(), "ok");
  const auto violations = audit.capacity_violations();
  EXPECT_TRUE(violations.empty()) << violations.size()
                                  << " over capacity, first: " << violations.front();
  std::lock_guard lock(book.mutex);
  const auto status = audit.statuses({book.created.begin(), book.created.end()});
  for (const auto& [id, s] : status) {
    EXPECT_FALSE(s.empty()) << "acknowledged booking " << id << " is lost";
    if (s.empty() || book.cancel_unknown.contains(id)) continue;
    if (book.cancelled.contains(id))
      EXPECT_EQ(s, "cancelled") << "acknowledged cancellation of " << id << " is lost";
    else
      EXPECT_TRUE(s == "confirmed" || s == "pending") << id << " is " << s;
  }
}

TEST(stress_crash, kill_9_under_booking_load_keeps_every_acknowledged_promise) {
  const int cycles = cycles_from_env(), workers = 6;
  api_service svc;
  auto admin = svc.admin();
  auto hub = test::make_hub(svc, admin);
  auto hall = svc.call("POST", "/api/v1/spaces", &admin,
                       R"({"site_id":")" + hub.site_id +
                           R"(","name":"Hall","kind":"desk","capacity":100000,"mode":"shared"})");
  ASSERT_EQ(hall.status, 201) << hall.raw.body;
  const hub_spaces spaces{hub.room_id, hub.pool_id, std::string(hall.json.at("id").as_string())};
  std::vector<caller> members;
  for (int w = 0; w < workers; ++w) {
    auto m = svc.new_member(admin, fmt::format("crash{}@hub.example", w));
    auto token = svc.call("POST", "/api/v1/auth/tokens", &m, R"({"name":"load"})");
    ASSERT_EQ(token.status, 201) << token.raw.body;
    m.bearer = std::string(token.json.at("token").as_string());
    m.cookie.clear();
    members.push_back(m);
  }

  ledger book;
  std::mt19937 rng(std::random_device{}());
  for (int cycle = 0; cycle < cycles; ++cycle) {
    std::atomic<bool> stop{false};
    std::vector<std::thread> threads;
    const int before = book.acks.load();
    for (int w = 0; w < workers; ++w)
      threads.emplace_back(member_load, std::ref(svc),
                           std::cref(members[static_cast<std::size_t>(w)]), std::cref(spaces),
                           cycle, w, std::ref(book), std::cref(stop));
    // A random moment: after a random number of acknowledgements, with writes in flight.
    const int target = before + 10 + static_cast<int>(rng() % 150);
    ASSERT_TRUE(test::wait_until([&] { return book.acks.load() >= target; }, 120s))
        << "no booking progress in cycle " << cycle << "\n"
        << svc.process().output();
    svc.process().kill_hard();
    stop = true;
    for (auto& t : threads) t.join();
    const auto restart = std::chrono::steady_clock::now();
    svc.start();
    const double restart_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - restart).count();
    std::printf(
        "cycle %d: killed after %d acknowledged bookings (%d in total, %d conflicts), "
        "restarted in %.2f s\n",
        cycle + 1, book.acks.load() - before, book.acks.load(), book.conflicts.load(), restart_s);
    expect_promises_kept(svc.data_dir(), book);
    auto health = svc.call("GET", "/api/v1/health");
    ASSERT_EQ(health.status, 200);
    if (HasFailure()) break;
  }
  EXPECT_GT(book.conflicts.load(), 0) << "the load never contended for capacity";
  svc.stop(SIGTERM);
  EXPECT_EQ(svc.exit_status_after_stop(), 0) << svc.process().output();
  expect_promises_kept(svc.data_dir(), book);
  store_audit audit(svc.data_dir());
  std::printf("%zu bookings acknowledged, %zu cancellations acknowledged, %ld active at the end\n",
              book.created.size(), book.cancelled.size(), audit.count_active_bookings());
}

// The audit itself must be able to fail: an overbooking written behind the service's back
// and a booking that was never stored are both reported.
TEST(stress_crash, the_audit_reports_overbooking_and_lost_bookings) {
  api_service svc;
  auto admin = svc.admin();
  auto hub = test::make_hub(svc, admin);
  auto booked = svc.call("POST", "/api/v1/bookings", &admin,
                         test::booking_body(hub.room_id, test::utc_at(3, 9), test::utc_at(3, 10)));
  ASSERT_EQ(booked.status, 201) << booked.raw.body;
  const std::string id(booked.json.at("id").as_string());
  {
    store_audit clean(svc.data_dir());
    EXPECT_TRUE(clean.capacity_violations().empty());
    EXPECT_EQ(clean.statuses({id})[id], "confirmed");
  }
  svc.stop(SIGTERM);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((svc.data_dir() + "/hubgate.db").c_str(), &db), SQLITE_OK);
  const auto sql = fmt::format(
      "INSERT INTO bookings(id, space_id, user_id, start_at, end_at, seats, title, status, "
      "created_at) "
      "SELECT 'intruder', space_id, user_id, start_at + 1800, end_at, 1, 'x', 'confirmed', "
      "created_at "
      "FROM bookings WHERE id = '{}'",
      id);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
      << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
  store_audit audit(svc.data_dir());
  EXPECT_EQ(audit.capacity_violations().size(), 1u);
  EXPECT_EQ(audit.statuses({"never-stored"})["never-stored"], "");
  EXPECT_EQ(audit.integrity_check(), "ok");
}

}  // namespace
}  // namespace hubgate::stress

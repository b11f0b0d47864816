#include <atomic>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "booking/store/sql_helpers.hpp"
#include "booking/store/write_queue.hpp"
#include "hubgate/test/net_util.hpp"
#include "store_fixture.hpp"

namespace hubgate::store {
namespace {

using namespace testing;
using group_commit_test = store_fixture;

TEST_F(group_commit_test, many_writers_racing_for_three_seats_get_exactly_three) {
  constexpr int writers = 48;
  std::atomic<int> ok{0}, conflict{0}, other{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int i = 0; i < writers; ++i) {
    threads.emplace_back([&, i] {
      while (!go.load()) std::this_thread::yield();
      auto r = db->bookings().insert_booking(make_booking("pool", "u" + std::to_string(i + 1),
                                                          utc(2027, 5, 3, 9), utc(2027, 5, 3, 10)),
                                             std::nullopt);
      if (r)
        ++ok;
      else if (r.error().is(domain::errc::booking_conflict))
        ++conflict;
      else
        ++other;
    });
  }
  go = true;
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 3);
  EXPECT_EQ(conflict.load(), writers - 3);
  EXPECT_EQ(other.load(), 0);
  domain::booking_filter f;
  f.space_id = "pool";
  EXPECT_EQ(db->bookings().list_bookings(f)->size(), 3u);
  reopen();  // and the file agrees after a restart
  EXPECT_EQ(db->bookings().list_bookings(f)->size(), 3u);
}

TEST_F(group_commit_test, a_failing_operation_does_not_affect_the_others_in_its_batch) {
  db.reset();
  auto conn = connection::open(dir.path() / "hubgate.db", connection::mode::writer, 5000, true);
  ASSERT_TRUE(conn);
  write_queue queue(std::move(*conn), 64);

  // Hold the writer in a first operation until four more are queued behind it, so those
  // four are committed together in the next group.
  std::promise<void> release, started;
  auto gate = release.get_future().share();
  auto running = started.get_future();
  auto first = std::async(std::launch::async, [&] {
    return queue.run<void>([gate, &started](connection&) -> outcome<void> {
      started.set_value();
      gate.wait();
      return {};
    });
  });
  running.wait();  // the writer is inside the first group now
  auto insert_site = [&](std::string id, bool then_fail) {
    return std::async(std::launch::async, [&queue, id, then_fail] {
      return queue.run<void>([id, then_fail](connection& c) -> outcome<void> {
        auto st = c.prepare(
            "INSERT INTO sites(id, name, time_zone, opening_hours, closures)"
            " VALUES(?1, ?1, 'UTC', '[[],[],[],[],[],[],[]]', '[]')");
        if (!st) return st.error();
        st->bind(1, id);
        if (auto r = st->run(); !r) return r.error();
        if (then_fail)
          return domain::failure(domain::errc::validation_failed, "fails after writing");
        return {};
      });
    });
  };
  // Queued one after another, so the first "a" is the one that goes in.
  std::vector<std::future<outcome<void>>> rest;
  auto queue_next = [&](std::string id, bool then_fail) {
    rest.push_back(insert_site(std::move(id), then_fail));
    const auto n = rest.size();
    return hubgate::test::wait_until([&] { return queue.queued() == n; });
  };
  ASSERT_TRUE(queue_next("a", false));
  ASSERT_TRUE(queue_next("b", true));
  ASSERT_TRUE(queue_next("c", false));
  ASSERT_TRUE(queue_next("a", false));  // duplicate key: fails in SQLite itself
  auto commits_before = queue.commits();
  release.set_value();
  ASSERT_TRUE(first.get());
  auto ra = rest[0].get(), rb = rest[1].get(), rc = rest[2].get(), rdup = rest[3].get();
  EXPECT_TRUE(ra);
  EXPECT_TRUE(rb.error().is(domain::errc::validation_failed));
  EXPECT_TRUE(rc);
  EXPECT_EQ(rdup.error().code, make_error_code(store::errc::constraint));
  EXPECT_EQ(queue.commits(), commits_before + 2);  // the gate's group, then the four together

  auto exists = [&](const char* id) {
    return queue.run<bool>([id](connection& c) { return row_exists(c, "sites", id); });
  };
  EXPECT_TRUE(*exists("a"));
  EXPECT_FALSE(*exists("b"));
  EXPECT_TRUE(*exists("c"));
}

}  // namespace
}  // namespace hubgate::store

namespace hubgate::store {
namespace {

using namespace testing;

TEST_F(group_commit_test, a_throwing_operation_is_rolled_back_and_the_writer_carries_on) {
  db.reset();
  auto conn = connection::open(dir.path() / "hubgate.db", connection::mode::writer, 5000, true);
  ASSERT_TRUE(conn);
  write_queue queue(std::move(*conn), 64);
  auto thrown = queue.run<void>([](connection& c) -> outcome<void> {
    c.exec("INSERT INTO sites VALUES('t','t','UTC','[[],[],[],[],[],[],[]]','[]')");
    throw std::runtime_error("bug");
  });
  ASSERT_FALSE(thrown);
  EXPECT_EQ(thrown.error().code, make_error_code(store::errc::internal_error));
  auto after = queue.run<bool>([](connection& c) { return row_exists(c, "sites", "t"); });
  ASSERT_TRUE(after);
  EXPECT_FALSE(*after);
}

}  // namespace
}  // namespace hubgate::store

namespace hubgate::store {
namespace {

using namespace testing;

TEST_F(group_commit_test, submit_returns_at_once_and_delivers_in_commit_order_once_durable) {
  db.reset();
  const auto file = dir.path() / "hubgate.db";
  auto conn = connection::open(file, connection::mode::writer, 5000, true);
  ASSERT_TRUE(conn);
  write_queue queue(std::move(*conn), 64);

  std::promise<void> release, started;
  auto gate = release.get_future().share();
  std::promise<outcome<void>> gate_done;
  queue.submit<void>(
      [gate, &started](connection&) -> outcome<void> {
        started.set_value();
        gate.wait();
        return {};
      },
      {}, [&gate_done](outcome<void> r) { gate_done.set_value(std::move(r)); });
  // Submit has returned while its op is held in the writer: queue three more behind it.
  started.get_future().wait();

  struct delivered {
    std::string id;
    bool hook_ran_first = false;
    bool visible_to_a_reader = false;
    bool on_the_callers_thread = false;
  };
  std::mutex mutex;
  std::vector<delivered> seen;
  std::promise<void> all_three;
  std::atomic<int> hooks{0};
  const auto caller = std::this_thread::get_id();
  for (std::string id : {"x", "y", "z"}) {
    queue.submit<std::string>(
        [id](connection& c) -> outcome<std::string> {
          auto st = c.prepare(
              "INSERT INTO sites(id, name, time_zone, opening_hours, closures)"
              " VALUES(?1, ?1, 'UTC', '[[],[],[],[],[],[],[]]', '[]')");
          if (!st) return st.error();
          st->bind(1, id);
          if (auto r = st->run(); !r) return r.error();
          return id;
        },
        [&hooks](const outcome<std::string>&) { ++hooks; },
        [&, id](outcome<std::string> r) {
          delivered d{r ? *r : "failed"};
          d.hook_ran_first = hooks.load() >= 1;
          d.on_the_callers_thread = std::this_thread::get_id() == caller;
          if (auto reader = connection::open(file, connection::mode::reader, 5000, false))
            if (auto exists = row_exists(**reader, "sites", id)) d.visible_to_a_reader = *exists;
          std::lock_guard lock(mutex);
          seen.push_back(d);
          if (seen.size() == 3) all_three.set_value();
        });
  }
  EXPECT_EQ(queue.queued(), 3u);
  release.set_value();
  ASSERT_TRUE(gate_done.get_future().get());
  all_three.get_future().wait();
  std::lock_guard lock(mutex);
  ASSERT_EQ(seen.size(), 3u);
  const char* order[] = {"x", "y", "z"};
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(seen[i].id, order[i]);
    EXPECT_TRUE(seen[i].hook_ran_first) << order[i];
    EXPECT_TRUE(seen[i].visible_to_a_reader) << order[i];
    EXPECT_FALSE(seen[i].on_the_callers_thread) << order[i];
  }
  EXPECT_EQ(hooks.load(), 3);
}

}  // namespace
}  // namespace hubgate::store

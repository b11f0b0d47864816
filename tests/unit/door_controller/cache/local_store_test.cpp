#include "door_controller/cache/local_store.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <string>

#include "hubgate/test/temp_dir.hpp"
#include "signed_lists.hpp"

namespace hubgate::door {
namespace {

using test::card;
using test::sample_list;

class local_store_test : public ::testing::Test {
 protected:
  hubgate::test::temp_dir dir_{"hubgate-door-cache"};
  std::string path_ = dir_ / "board.db";
  protocol::signing_key key_ = std::move(*protocol::signing_key::generate());
  protocol::verify_key pub_ = key_.public_key();

  local_store open() {
    auto s = local_store::open(path_);
    EXPECT_TRUE(s) << s.error().message();
    return std::move(*s);
  }

  // Rewrites one stored envelope through the SQLite API, as an attacker with the file would.
  void rewrite_envelope(int position, const std::function<void(std::string&)>& change) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* read = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT envelope FROM list_messages WHERE position = ?1", -1,
                                 &read, nullptr),
              SQLITE_OK);
    sqlite3_bind_int(read, 1, position);
    ASSERT_EQ(sqlite3_step(read), SQLITE_ROW);
    std::string text(reinterpret_cast<const char*>(sqlite3_column_text(read, 0)));
    sqlite3_finalize(read);
    change(text);
    sqlite3_stmt* write = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "UPDATE list_messages SET envelope = ?1 WHERE position = ?2",
                                 -1, &write, nullptr),
              SQLITE_OK);
    sqlite3_bind_text(write, 1, text.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(write, 2, position);
    ASSERT_EQ(sqlite3_step(write), SQLITE_DONE);
    sqlite3_finalize(write);
    sqlite3_close(db);
  }

  static protocol::access_event event(std::string door = "lab") {
    return {protocol::make_event_id(),
            std::move(door),
            card(1),
            1'800'000'000'000,
            protocol::event_kind::tap_granted,
            ""};
  }
};

TEST_F(local_store_test, empty_store_has_no_list) {
  auto store = open();
  EXPECT_EQ(store.load_list(pub_, "board-1").error(), cache_errc::no_list);
}

TEST_F(local_store_test, saved_snapshot_loads_back_after_reopen) {
  {
    auto store = open();
    ASSERT_TRUE(store.save_list(test::snapshot(key_, 2, 5)));
  }
  auto store = open();
  auto loaded = store.load_list(pub_, "board-1");
  ASSERT_TRUE(loaded) << loaded.error().message();
  EXPECT_EQ(loaded->list, sample_list());
  EXPECT_EQ(loaded->epoch, 2u);
  EXPECT_EQ(loaded->sequence, 5u);
  EXPECT_EQ(loaded->issued_at, 500);
}

TEST_F(local_store_test, deltas_are_applied_in_order_on_load) {
  auto store = open();
  ASSERT_TRUE(store.save_list(test::snapshot(key_, 2, 5)));
  ASSERT_TRUE(store.save_list(test::delta(key_, 2, 6, {{}, {}, {card(7)}, {}}, 600)));
  ASSERT_TRUE(store.save_list(test::delta(key_, 2, 7, {{}, {}, {}, {card(9)}}, 700)));
  auto loaded = store.load_list(pub_, "board-1");
  ASSERT_TRUE(loaded) << loaded.error().message();
  auto expected = sample_list();
  expected.revoked = {card(7)};
  EXPECT_EQ(loaded->list, expected);
  EXPECT_EQ(loaded->sequence, 7u);
  EXPECT_EQ(loaded->issued_at, 700);
}

TEST_F(local_store_test, a_new_snapshot_replaces_list_and_deltas) {
  auto store = open();
  ASSERT_TRUE(store.save_list(test::snapshot(key_, 2, 5)));
  ASSERT_TRUE(store.save_list(test::delta(key_, 2, 6, {{}, {}, {card(7)}, {}})));
  ASSERT_TRUE(store.save_list(test::snapshot(key_, 3, 1, protocol::access_list{})));
  auto loaded = store.load_list(pub_, "board-1");
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->list, protocol::access_list{});
  EXPECT_EQ(loaded->epoch, 3u);
  EXPECT_EQ(loaded->sequence, 1u);
}

TEST_F(local_store_test, save_refuses_deltas_that_do_not_follow) {
  auto store = open();
  EXPECT_EQ(store.save_list(test::delta(key_, 2, 6, {})).error(), cache_errc::not_a_snapshot);
  ASSERT_TRUE(store.save_list(test::snapshot(key_, 2, 5)));
  EXPECT_EQ(store.save_list(test::delta(key_, 2, 7, {})).error(), cache_errc::out_of_order);
  EXPECT_EQ(store.save_list(test::delta(key_, 3, 6, {})).error(), cache_errc::out_of_order);
  EXPECT_EQ(store.save_list("not json").error(), protocol::errc::malformed_json);
}

TEST_F(local_store_test, a_flipped_payload_byte_is_refused_on_load) {
  {
    auto store = open();
    ASSERT_TRUE(store.save_list(test::snapshot(key_, 2, 5)));
  }
  // Extend the lab window's end from 2000 to 9000.
  rewrite_envelope(0, [](std::string& text) {
    const auto at = text.find("2000");
    ASSERT_NE(at, std::string::npos);
    text[at] = '9';
  });
  auto store = open();
  EXPECT_EQ(store.load_list(pub_, "board-1").error(), cache_errc::tampered);
}

TEST_F(local_store_test, a_flipped_signature_byte_is_refused_on_load) {
  {
    auto store = open();
    ASSERT_TRUE(store.save_list(test::snapshot(key_, 2, 5)));
    ASSERT_TRUE(store.save_list(test::delta(key_, 2, 6, {})));
  }
  rewrite_envelope(1, [](std::string& text) {
    const auto at = text.find("\"sig\":\"");
    ASSERT_NE(at, std::string::npos);
    char& c = text[at + 8];
    c = c == 'A' ? 'B' : 'A';
  });
  auto store = open();
  EXPECT_EQ(store.load_list(pub_, "board-1").error(), cache_errc::tampered);
}

TEST_F(local_store_test, a_list_under_another_key_or_id_is_refused) {
  auto store = open();
  ASSERT_TRUE(store.save_list(test::snapshot(key_, 2, 5)));
  auto other = protocol::signing_key::generate();
  ASSERT_TRUE(other);
  EXPECT_EQ(store.load_list(other->public_key(), "board-1").error(), cache_errc::tampered);
  EXPECT_EQ(store.load_list(pub_, "board-2").error(), cache_errc::tampered);
  ASSERT_TRUE(store.clear_list());
  EXPECT_EQ(store.load_list(pub_, "board-1").error(), cache_errc::no_list);
}

TEST_F(local_store_test, events_persist_across_reopen_in_order) {
  const auto first = event("lab");
  auto second = event("entrance");
  second.card.reset();
  second.kind = protocol::event_kind::door_forced_open;
  second.reason = "sensor";
  {
    auto store = open();
    ASSERT_TRUE(store.append_event(first));
    ASSERT_TRUE(store.append_event(second));
    ASSERT_TRUE(store.append_event(first)) << "re-appending an id is a no-op";
  }
  auto store = open();
  EXPECT_EQ(*store.event_count(), 2u);
  auto pending = store.pending_events(10);
  ASSERT_TRUE(pending);
  ASSERT_EQ(pending->size(), 2u);
  EXPECT_EQ((*pending)[0], first);
  EXPECT_EQ((*pending)[1], second);
  auto limited = store.pending_events(1);
  ASSERT_TRUE(limited);
  ASSERT_EQ(limited->size(), 1u);
  EXPECT_EQ((*limited)[0], first);
}

TEST_F(local_store_test, events_are_deleted_only_by_id_after_ack) {
  auto store = open();
  const auto a = event(), b = event(), c = event();
  for (const auto& e : {a, b, c}) ASSERT_TRUE(store.append_event(e));
  const std::vector<std::string> acked = {a.id, c.id, protocol::make_event_id()};
  auto deleted = store.delete_events(acked);
  ASSERT_TRUE(deleted);
  EXPECT_EQ(*deleted, 2u);
  auto pending = store.pending_events(10);
  ASSERT_TRUE(pending);
  ASSERT_EQ(pending->size(), 1u);
  EXPECT_EQ((*pending)[0].id, b.id);
}

TEST_F(local_store_test, invalid_events_are_refused) {
  auto store = open();
  auto bad = event();
  bad.id = "short";
  EXPECT_EQ(store.append_event(bad).error(), cache_errc::bad_event);
  EXPECT_EQ(*store.event_count(), 0u);
}

TEST_F(local_store_test, an_appended_event_survives_kill_9) {
  const auto e = event();
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto store = local_store::open(path_);
    if (!store || !store->append_event(e)) _exit(1);
    raise(SIGKILL);  // no destructor, no checkpoint, no close
    _exit(2);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "child failed before the kill, status " << status;
  auto store = open();
  auto pending = store.pending_events(10);
  ASSERT_TRUE(pending);
  ASSERT_EQ(pending->size(), 1u);
  EXPECT_EQ((*pending)[0], e);
}

TEST_F(local_store_test, a_newer_schema_is_refused) {
  { auto store = open(); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  EXPECT_EQ(local_store::open(path_).error(), cache_errc::schema_too_new);
}

TEST_F(local_store_test, an_unopenable_path_is_an_error) {
  EXPECT_EQ(local_store::open(dir_ / "missing/dir/board.db").error(), cache_errc::open_failed);
}

}  // namespace
}  // namespace hubgate::door

#include "booking/store/migrations.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include "booking/store/sqlite_connection.hpp"
#include "card_bytes_on_disk.hpp"
#include "store_fixture.hpp"

namespace hubgate::store {
namespace {

using namespace testing;

// Any key will do for the older schemas: they keep card UIDs in clear.
const card_cipher old_schema_cipher{card_key{}};

int user_version_of(const std::string& file) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr);
  sqlite3_step(st);
  int v = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

std::string pragma_text(const std::string& file, const char* sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
  sqlite3_step(st);
  auto p = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  std::string v = p ? p : "";
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

TEST(migrations, fresh_directory_gets_the_current_schema_in_wal_mode) {
  hubgate::test::temp_dir dir{"hubgate-store"};
  auto db = open_sqlite(dir.path() / "nested");
  ASSERT_TRUE(db) << db.error().message();
  EXPECT_EQ((*db)->schema_version(), current_schema_version());
  EXPECT_GE(current_schema_version(), 1);
  auto file = (dir.path() / "nested" / "hubgate.db").string();
  EXPECT_EQ(user_version_of(file), current_schema_version());
  EXPECT_EQ(pragma_text(file, "PRAGMA journal_mode"), "wal");
}

using migrations_existing = store_fixture;

TEST_F(migrations_existing, reopening_keeps_schema_and_data) {
  reopen();
  EXPECT_EQ(db->schema_version(), current_schema_version());
  auto sites = db->catalog().list_sites();
  ASSERT_TRUE(sites);
  EXPECT_EQ(sites->size(), 1u);
  EXPECT_EQ(*db->users().count_users(), 64u);
}

TEST(migrations, a_database_from_a_newer_version_is_refused) {
  hubgate::test::temp_dir dir{"hubgate-store"};
  {
    sqlite3* raw = nullptr;
    auto file = (dir.path() / "hubgate.db").string();
    ASSERT_EQ(sqlite3_open(file.c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw, "PRAGMA user_version=999", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(raw);
  }
  auto db = open_sqlite(dir.path());
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error(), make_error_code(store::errc::newer_schema));
}

TEST(migrations, bearer_tokens_made_before_expiry_existed_get_ninety_days_from_creation) {
  hubgate::test::temp_dir dir{"hubgate-store"};
  const auto file = dir.path() / "hubgate.db";
  const auto created = utc(2027, 1, 10, 9);
  {
    auto c = connection::open(file, connection::mode::writer, 1000, true);
    ASSERT_TRUE(c);
    ASSERT_EQ(*migrate(**c, old_schema_cipher, 3), 3);  // the schema before token expiry
    const auto rows = fmt::format(
        "INSERT INTO users VALUES('u1', 'a@hub.example', 'A', 'member', '[]', 1, 'en', 'h', 0);"
        "INSERT INTO api_tokens VALUES('tok_old', 'hash', 'u1', 'cron', {}, NULL, 0);",
        created.time_since_epoch().count());
    ASSERT_TRUE((*c)->exec(rows.c_str()));
  }
  auto db = open_sqlite(dir.path());
  ASSERT_TRUE(db) << db.error().message();
  EXPECT_EQ((*db)->schema_version(), current_schema_version());
  auto tokens = (*db)->auth().list_api_tokens("u1");
  ASSERT_TRUE(tokens);
  ASSERT_EQ(tokens->size(), 1u);
  EXPECT_EQ(tokens->at(0).created_at, created);
  EXPECT_EQ(tokens->at(0).expires_at, created + std::chrono::days{90});
}

TEST(migrations, cards_kept_in_clear_before_are_sealed_hinted_and_all_legacy) {
  hubgate::test::temp_dir dir{"hubgate-store"};
  {
    auto c = connection::open(dir.path() / "hubgate.db", connection::mode::writer, 1000, true);
    ASSERT_TRUE(c);
    ASSERT_EQ(*migrate(**c, old_schema_cipher, 4), 4);  // the schema with clear card UIDs
    ASSERT_TRUE((*c)->exec(
        "INSERT INTO users VALUES('u1', 'a@hub.example', 'A', 'member', '[]', 1, 'en', 'h', 0);"
        "INSERT INTO credentials VALUES('c_uid', 'u1', 'uid', '04A1B2C3D4E5F6', 'Blue', 'active',"
        " NULL, 1, 100);"
        "INSERT INTO credentials VALUES('c_des', 'u1', 'desfire', '04C0FFEE', 'Grey', 'suspended',"
        " 2000000000, 0, 200);"));
  }
  ASSERT_TRUE(uid_on_disk(dir.path(), "04A1B2C3D4E5F6"));  // what the migration must remove
  {
    auto db = open_sqlite(dir.path());
    ASSERT_TRUE(db) << db.error().message();
    EXPECT_EQ((*db)->schema_version(), current_schema_version());
    auto cards = (*db)->users().list_credentials("u1");
    ASSERT_TRUE(cards);
    ASSERT_EQ(cards->size(), 2u);
    EXPECT_EQ(cards->at(0).card_hint, "E5F6");
    EXPECT_EQ(cards->at(0).label, "Blue");
    EXPECT_EQ(cards->at(1).card_hint, "FFEE");
    EXPECT_EQ(cards->at(1).kind, domain::credential_kind::desfire);
    EXPECT_EQ(cards->at(1).status, domain::credential_status::suspended);
    EXPECT_EQ(cards->at(1).expires_at, utc(2033, 5, 18, 3, 33) + std::chrono::seconds{20});
    for (const auto& card : *cards) {
      EXPECT_TRUE(card.legacy) << card.id;
      EXPECT_EQ(card.card_id, "") << card.id;
    }
    EXPECT_EQ((*db)->users().find_credential_by_card("04C0FFEE")->id, "c_des");
    auto all = (*db)->controllers().all_credentials();
    ASSERT_TRUE(all) << all.error().message;
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ(all->at(0).card_id, "04C0FFEE");  // ordered by id: c_des, c_uid
    EXPECT_EQ(all->at(1).card_id, "04A1B2C3D4E5F6");
    domain::credential again;
    again.user_id = "u1";
    again.card_id = "04A1B2C3D4E5F6";
    EXPECT_TRUE((*db)->users().insert_credential(again).error().is(domain::errc::card_taken));
  }
  EXPECT_FALSE(uid_on_disk(dir.path(), "04A1B2C3D4E5F6"));
  EXPECT_FALSE(uid_on_disk(dir.path(), "04C0FFEE"));
}

TEST(migrations, a_file_that_is_not_a_database_is_refused) {
  hubgate::test::temp_dir dir{"hubgate-store"};
  {
    std::FILE* f = std::fopen((dir.path() / "hubgate.db").c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fputs("this is not an SQLite database, just some text long enough to matter......", f);
    std::fclose(f);
  }
  auto db = open_sqlite(dir.path());
  ASSERT_FALSE(db);
}

}  // namespace
}  // namespace hubgate::store

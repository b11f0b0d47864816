// What the store keeps of a card: its digest, its sealed UID and its hint under the card key
// in DATA_DIR/keys/card.key, never the UID in clear; only the access derivation unseals it.
#include <sys/stat.h>

#include <fstream>
#include <set>

#include "booking/store/card_key_file.hpp"
#include "card_bytes_on_disk.hpp"
#include "store_fixture.hpp"

namespace hubgate::store {
namespace {

using namespace testing;
using card_storage_test = store_fixture;

constexpr std::string_view uid = "04A1B2C3D4E5F6";

domain::credential card_for(std::string user_id, std::string_view card_id) {
  domain::credential c;
  c.user_id = std::move(user_id);
  c.card_id = std::string(card_id);
  c.label = "Blue card";
  c.created_at = utc(2027, 5, 1, 8);
  return c;
}

TEST_F(card_storage_test, reads_show_the_hint_and_never_the_uid) {
  auto made = db->users().insert_credential(card_for("u1", uid));
  ASSERT_TRUE(made) << made.error().message;
  EXPECT_EQ(made->card_hint, "E5F6");
  EXPECT_EQ(made->card_id, "");
  EXPECT_EQ(*db->users().get_credential(made->id), *made);
  EXPECT_EQ(db->users().list_credentials("u1")->at(0), *made);
  EXPECT_EQ(*db->users().find_credential_by_card(uid), *made);
}

TEST_F(card_storage_test, the_access_derivation_reads_the_unsealed_uid) {
  ASSERT_TRUE(db->users().insert_credential(card_for("u1", uid)));
  ASSERT_TRUE(db->users().insert_credential(card_for("u2", "04C0FFEE")));
  auto all = db->controllers().all_credentials();
  ASSERT_TRUE(all) << all.error().message;
  ASSERT_EQ(all->size(), 2u);
  std::set<std::string> cards{all->at(0).card_id, all->at(1).card_id};
  EXPECT_EQ(cards, (std::set<std::string>{std::string(uid), "04C0FFEE"}));
}

TEST_F(card_storage_test, the_database_files_hold_no_uid) {
  ASSERT_TRUE(db->users().insert_credential(card_for("u1", uid)));
  EXPECT_FALSE(uid_on_disk(dir.path(), uid)) << "while open";
  db.reset();
  EXPECT_FALSE(uid_on_disk(dir.path(), uid)) << "after closing";
}

TEST_F(card_storage_test, a_card_is_taken_by_its_digest_and_updates_keep_it) {
  auto made = *db->users().insert_credential(card_for("u1", uid));
  EXPECT_TRUE(
      db->users().insert_credential(card_for("u2", uid)).error().is(domain::errc::card_taken));
  made.status = domain::credential_status::suspended;
  made.label = "Lost and found";
  auto changed = db->users().update_credential(made);
  ASSERT_TRUE(changed) << changed.error().message;
  EXPECT_EQ(*changed, made);
  EXPECT_EQ(db->users().find_credential_by_card(uid)->status, domain::credential_status::suspended);
  EXPECT_EQ(db->controllers().all_credentials()->at(0).card_id, uid);
  auto ghost = made;
  ghost.id = "cred_ghost";
  EXPECT_TRUE(db->users().update_credential(ghost).error().is(domain::errc::not_found));
}

TEST_F(card_storage_test, the_card_key_is_private_and_kept_across_restarts) {
  ASSERT_TRUE(db->users().insert_credential(card_for("u1", uid)));
  struct stat st {};
  ASSERT_EQ(::stat(card_key_path(dir.path()).c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(st.st_size, 32);
  reopen();
  EXPECT_TRUE(db->users().find_credential_by_card(uid));
  EXPECT_EQ(db->controllers().all_credentials()->at(0).card_id, uid);
}

TEST_F(card_storage_test, cards_sealed_under_another_key_stop_the_store_from_opening) {
  ASSERT_TRUE(db->users().insert_credential(card_for("u1", uid)));
  db.reset();
  std::ofstream(card_key_path(dir.path()), std::ios::binary | std::ios::trunc)
      << std::string(32, 'k');
  auto opened = open_sqlite(dir.path());
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error(), make_error_code(errc::card_key_mismatch));
}

TEST_F(card_storage_test, a_card_key_file_of_the_wrong_size_is_refused) {
  db.reset();
  std::ofstream(card_key_path(dir.path()), std::ios::binary | std::ios::trunc) << "short";
  auto opened = open_sqlite(dir.path());
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error(), make_error_code(errc::card_key_unavailable));
}

}  // namespace
}  // namespace hubgate::store

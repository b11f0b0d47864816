// The data directory stays the owner's even when the service starts under a permissive umask.
#include "booking/store/data_dir.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "booking/controllers/list_signing_key.hpp"
#include "booking/store/database.hpp"
#include "hubgate/test/temp_dir.hpp"

namespace hubgate::store {
namespace {

namespace fs = std::filesystem;

constexpr fs::perms open_to_others = fs::perms::group_all | fs::perms::others_all;

class data_dir_test : public ::testing::Test {
 protected:
  // The umask is the process's: set a permissive one for the test, put the old one back after.
  void SetUp() override { saved_umask_ = ::umask(0); }
  void TearDown() override { ::umask(saved_umask_); }

  hubgate::test::temp_dir dir_{"hubgate-data-dir"};
  fs::path data_ = dir_.path() / "data";
  mode_t saved_umask_ = 0;
};

TEST_F(data_dir_test, the_dir_is_0700_and_the_store_and_keys_0600_under_a_permissive_umask) {
  ASSERT_FALSE(prepare_data_dir(data_));
  auto db = open_sqlite(data_);
  ASSERT_TRUE(db) << db.error().message();
  ASSERT_TRUE(controllers::load_or_create_list_signing_key(data_));
  EXPECT_EQ(fs::status(data_).permissions(), fs::perms::owner_all);
  ASSERT_TRUE(fs::exists(data_ / "hubgate.db"));
  ASSERT_TRUE(fs::exists(data_ / "hubgate.db-wal"));
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(data_)) {
    EXPECT_EQ(entry.status().permissions() & open_to_others, fs::perms::none) << entry.path();
    if (entry.is_regular_file()) ++files;
  }
  EXPECT_GE(files, 3);
}

TEST_F(data_dir_test, an_existing_dir_made_under_umask_022_is_narrowed) {
  fs::create_directories(data_ / "keys");
  fs::permissions(data_, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                             fs::perms::others_read | fs::perms::others_exec);
  std::ofstream(data_ / "hubgate.db") << "x";
  fs::permissions(data_ / "hubgate.db", fs::perms::owner_read | fs::perms::owner_write |
                                            fs::perms::group_read | fs::perms::others_read);
  ASSERT_FALSE(prepare_data_dir(data_));
  EXPECT_EQ(fs::status(data_).permissions(), fs::perms::owner_all);
  EXPECT_EQ(fs::status(data_ / "hubgate.db").permissions(),
            fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(fs::status(data_ / "keys").permissions() & open_to_others, fs::perms::none);
}

}  // namespace
}  // namespace hubgate::store

// An existing data directory made open to others (an older version under umask 022) is
// narrowed to the owner's bits.
#include "booking/store/data_dir.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

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

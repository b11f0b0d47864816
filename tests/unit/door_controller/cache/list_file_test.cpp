#include "door_controller/cache/list_file.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "hubgate/test/temp_dir.hpp"
#include "signed_lists.hpp"

namespace hubgate::door {
namespace {

class list_file_test : public ::testing::Test {
 protected:
  hubgate::test::temp_dir dir_{"hubgate-list-file"};
  protocol::signing_key key_ = std::move(*protocol::signing_key::generate());
  protocol::verify_key pub_ = key_.public_key();

  std::string write(const std::string& text) {
    const std::string path = dir_ / "list.json";
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    return path;
  }

  result<list_file_contents> load(const std::string& text, std::uint64_t last_epoch = 0,
                                  std::uint64_t last_sequence = 0) {
    return load_list_file(write(text), pub_, "board-1", last_epoch, last_sequence);
  }
};

TEST_F(list_file_test, accepts_a_signed_snapshot_for_this_board) {
  const auto text = test::snapshot(key_, 1, 1);
  auto r = load(text);
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(r->list.list, test::sample_list());
  EXPECT_EQ(r->list.epoch, 1u);
  EXPECT_EQ(r->envelope_text, text);
}

TEST_F(list_file_test, refuses_unsigned_tampered_foreign_and_replayed_lists) {
  auto unsigned_env = protocol::decode(test::snapshot(key_, 1, 1));
  ASSERT_TRUE(unsigned_env);
  unsigned_env->signature.clear();
  EXPECT_EQ(load(protocol::encode(*unsigned_env)).error(), protocol::errc::missing_signature);

  std::string tampered = test::snapshot(key_, 1, 1);
  tampered[tampered.find("lab")] = 'x';  // "xab": still a valid door id
  EXPECT_EQ(load(tampered).error(), protocol::errc::bad_signature);

  auto other = protocol::signing_key::generate();
  ASSERT_TRUE(other);
  EXPECT_EQ(load(test::snapshot(*other, 1, 1)).error(), protocol::errc::bad_signature);

  EXPECT_EQ(load(test::snapshot(key_, 1, 1, test::sample_list(), "board-2")).error(),
            protocol::errc::foreign_controller);
  EXPECT_EQ(load(test::snapshot(key_, 1, 1), 1, 1).error(), protocol::errc::replayed_sequence);
  EXPECT_EQ(load(test::snapshot(key_, 1, 9), 2, 1).error(), protocol::errc::stale_epoch);
  EXPECT_EQ(load(test::delta(key_, 1, 2, {}), 1, 1).error(), protocol::errc::unexpected_type);
  EXPECT_EQ(load("garbage").error(), protocol::errc::malformed_json);
}

TEST_F(list_file_test, a_missing_file_is_unreadable) {
  EXPECT_EQ(load_list_file(dir_ / "none.json", pub_, "board-1", 0, 0).error(),
            cache_errc::file_unreadable);
}

}  // namespace
}  // namespace hubgate::door

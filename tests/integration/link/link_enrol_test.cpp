// Enrolment pins the service CA by hash and spends its token once.
#include <gtest/gtest.h>

#include <filesystem>

#include "link_fixture.hpp"

namespace hubgate::test {
namespace {

using link_enrol = link_test;

TEST_F(link_enrol, a_wrong_ca_hash_aborts_and_stores_nothing) {
  auto controller = rig_.create_controller("lab", {rig_.door_id("Lab door")});
  board& b = rig_.add_board("lab");
  const std::string wrong = "sha256:" + std::string(64, '0');
  ASSERT_NE(controller.ca_hash, wrong);
  EXPECT_NE(b.enroll(controller.token, wrong), 0);
  EXPECT_NE(b.enroll_output().find("CA hash mismatch"), std::string::npos) << b.enroll_output();
  EXPECT_FALSE(std::filesystem::exists(b.data_dir() + "/link"));
  // The token was never sent, so it still works with the right hash.
  EXPECT_EQ(b.enroll(controller.token, controller.ca_hash), 0) << b.enroll_output();
  EXPECT_TRUE(std::filesystem::exists(b.data_dir() + "/link/client.key"));
  const auto mode = std::filesystem::status(b.data_dir() + "/link/client.key").permissions();
  EXPECT_EQ(mode & std::filesystem::perms::group_all, std::filesystem::perms::none);
  EXPECT_EQ(mode & std::filesystem::perms::others_all, std::filesystem::perms::none);
}

TEST_F(link_enrol, a_token_works_once) {
  auto controller = rig_.create_controller("lab", {rig_.door_id("Lab door")});
  board& first = rig_.add_board("first");
  board& second = rig_.add_board("second");
  EXPECT_EQ(first.enroll(controller.token, controller.ca_hash), 0) << first.enroll_output();
  EXPECT_NE(second.enroll(controller.token, controller.ca_hash), 0);
  EXPECT_NE(second.enroll_output().find("token was refused"), std::string::npos)
      << second.enroll_output();
  EXPECT_FALSE(std::filesystem::exists(second.data_dir() + "/link"));
}

}  // namespace
}  // namespace hubgate::test

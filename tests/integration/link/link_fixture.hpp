// The fixture every live-link test shares: a running service (skipped, with the reason, while
// this build of the service has no controller port) whose site is open all week.
#pragma once
#include <gtest/gtest.h>

#include "link_rig.hpp"

namespace hubgate::test {

class link_test : public ::testing::Test {
 protected:
  virtual std::vector<std::string> service_args() { return {}; }

  void SetUp() override {
    if (auto why = rig_.start_service(service_args())) GTEST_SKIP() << *why;
    rig_.open_site_all_week();
  }

  // A controller for `door_names`, enrolled and running with its reader twin, link up.
  board& enrolled_board(const std::string& name, const std::vector<std::string>& door_names) {
    std::vector<std::string> ids;
    for (const auto& d : door_names) ids.push_back(rig_.door_id(d));
    auto controller = rig_.create_controller(name, ids);
    board& b = rig_.add_board(name);
    b.controller_id = controller.id;
    b.start_sim();
    EXPECT_EQ(b.enroll(controller.token, controller.ca_hash), 0) << b.enroll_output();
    b.start_door();
    EXPECT_TRUE(b.wait_link_up()) << b.door_log();
    return b;
  }

  link_rig rig_;
};

}  // namespace hubgate::test

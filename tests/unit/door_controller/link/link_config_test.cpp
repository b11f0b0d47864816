#include <gtest/gtest.h>

#include "door_controller/daemon/door_config.hpp"
#include "door_controller/daemon/door_daemon.hpp"

namespace hubgate::door {
namespace {

constexpr std::string_view board = R"(data_dir = "/tmp/x"
[reader]
connstring = "pn532_uart:/dev/null"
)";

std::string bad_key(const std::string& text) {
  auto c = parse_config(text, "test.toml");
  return c ? std::string("<accepted>") : c.error().key;
}

TEST(link_config, enabled_link_lets_enrolment_supply_ids_and_keys) {
  auto c = parse_config(std::string(board) + "[link]\nenabled = true\n", "t");
  ASSERT_TRUE(c) << c.error().what();
  EXPECT_TRUE(c->link.enabled);
  EXPECT_TRUE(c->controller_id.empty());
  EXPECT_EQ(c->link.ping_interval, std::chrono::seconds(10));
  EXPECT_EQ(c->link.dead_after, std::chrono::seconds(30));
  // Without the link they stay required.
  EXPECT_EQ(bad_key(std::string(board)), "controller_id");
}

TEST(link_config, values_are_checked_by_key) {
  const std::string base = std::string(board) + "[link]\nenabled = true\n";
  EXPECT_EQ(bad_key(base + "endpoint = \"nohost\"\n"), "link.endpoint");
  EXPECT_EQ(bad_key(base + "endpoint = \"h:70000\"\n"), "link.endpoint");
  EXPECT_EQ(bad_key(base + "ping_ms = 5000\ndead_ms = 4000\n"), "link.dead_ms");
  EXPECT_EQ(bad_key(base + "backoff_min_ms = 500\nbackoff_max_ms = 100\n"), "link.backoff_max_ms");
  EXPECT_EQ(bad_key(base + "colour = 1\n"), "link.colour");
  auto c = parse_config(base + "endpoint = \"[::1]:9444\"\nserver_name = \"hub.example\"\n", "t");
  ASSERT_TRUE(c) << c.error().what();
  EXPECT_EQ(c->link.host, "::1");
  EXPECT_EQ(c->link.port, 9444);
  EXPECT_EQ(c->link.server_name, "hub.example");
}

TEST(link_config, resolving_without_an_enrolment_says_so) {
  auto c = parse_config(std::string(board) + "[link]\nenabled = true\n", "t");
  ASSERT_TRUE(c);
  c->data_dir = "/nonexistent/hubgate";
  auto problem = resolve_enrolment(*c);
  ASSERT_TRUE(problem);
  EXPECT_NE(problem->find("enroll"), std::string::npos) << *problem;
}

}  // namespace
}  // namespace hubgate::door

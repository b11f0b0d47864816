// Configuration parsing and validation: defaults, every key read, bad keys named.
#include "door_controller/daemon/door_config.hpp"

#include <gtest/gtest.h>

namespace hubgate::door {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view minimal = R"(
controller_id = "ctl-1"
door_id = "door-1"
data_dir = "/var/lib/hubgate-door"
[reader]
connstring = "pn532_uart:/dev/ttyS0"
[keys]
verify_key = "/etc/hubgate-door/verify.pem"
list_key = "/etc/hubgate-door/list.key"
)";

std::string with(std::string_view extra) {
  return std::string(minimal) + std::string(extra);
}

std::string bad_key(std::string_view text) {
  auto parsed = parse_config(text, "test.toml");
  return parsed ? std::string("<accepted>") : parsed.error().key;
}

TEST(door_config, minimal_file_gets_defaults) {
  auto c = parse_config(minimal, "test.toml");
  ASSERT_TRUE(c) << c.error().what();
  EXPECT_EQ(c->controller_id, "ctl-1");
  EXPECT_EQ(c->door_id, "door-1");
  EXPECT_EQ(c->store_path(), "/var/lib/hubgate-door/door.sqlite");
  EXPECT_EQ(c->io.backend, io_options::backend_kind::gpiod);
  EXPECT_EQ(c->unlock, 5000ms);
  EXPECT_EQ(c->stale_policy, staleness_policy::standing_only);
  EXPECT_TRUE(c->list_file.empty());
}

TEST(door_config, reads_every_section) {
  auto c = parse_config(with(R"(
[door]
unlock_ms = 700
held_open_ms = 1500
[io]
backend = "sim"
sim_control = "/tmp/ctl.sock"
relay_line = 5
relay_active_low = true
[list]
file = "/tmp/list.json"
check_ms = 50
max_age_s = 120
stale_policy = "deny_all"
[log]
level = "debug"
)") + "",
                        "test.toml");
  ASSERT_TRUE(c) << c.error().what();
  EXPECT_EQ(c->unlock, 700ms);
  EXPECT_EQ(c->held_open, 1500ms);
  EXPECT_EQ(c->io.backend, io_options::backend_kind::sim);
  EXPECT_EQ(c->io.sim_control, "/tmp/ctl.sock");
  EXPECT_EQ(c->io.relay.offset, 5u);
  EXPECT_TRUE(c->io.relay.active_low);
  EXPECT_EQ(c->list_file, "/tmp/list.json");
  EXPECT_EQ(c->list_check, 50ms);
  EXPECT_EQ(c->list_max_age_s, 120);
  EXPECT_EQ(c->stale_policy, staleness_policy::deny_all);
  EXPECT_EQ(c->log_level, "debug");
}

TEST(door_config, reader_durations_are_configurable) {
  auto c = parse_config(std::string(R"(
controller_id = "c"
door_id = "d"
data_dir = "/x"
[reader]
connstring = "pn532_uart:/tmp/link"
poll_ms = 5
debounce_ms = 80
rearm_ms = 3000
backoff_min_ms = 10
backoff_max_ms = 200
max_errors = 2
call_timeout_ms = 750
[keys]
verify_key = "v"
list_key = "l"
)"),
                        "t");
  ASSERT_TRUE(c) << c.error().what();
  EXPECT_EQ(c->reader.poll_interval, 5ms);
  EXPECT_EQ(c->reader.debounce, 80ms);
  EXPECT_EQ(c->reader.rearm, 3000ms);
  EXPECT_EQ(c->reader.backoff_min, 10ms);
  EXPECT_EQ(c->reader.backoff_max, 200ms);
  EXPECT_EQ(c->reader.max_consecutive_errors, 2);
  EXPECT_EQ(c->reader.call_timeout, 750ms);
}

TEST(door_config, bad_values_name_their_key) {
  EXPECT_EQ(bad_key(with("[door]\nunlock_ms = -1\n")), "door.unlock_ms");
  EXPECT_EQ(bad_key(with("[door]\nunlock_ms = \"5s\"\n")), "door.unlock_ms");
  EXPECT_EQ(bad_key(with("[io]\nbackend = \"serial\"\n")), "io.backend");
  EXPECT_EQ(bad_key(with("[io]\nbackend = \"sim\"\n")), "io.sim_control");
  EXPECT_EQ(bad_key(with("[list]\nstale_policy = \"open\"\n")), "list.stale_policy");
  EXPECT_EQ(bad_key(with("[door]\nunlock = 5\n")), "door.unlock");
  EXPECT_EQ(bad_key(with("[log]\nlevel = \"warn\"\n")), "<accepted>");
  EXPECT_EQ(bad_key("color = 1\n" + std::string(minimal)), "color");
  EXPECT_EQ(bad_key(with("color = 1\n")), "keys.color");
  EXPECT_EQ(bad_key(with("[log]\nlevel = \"loud\"\n")), "log.level");
}

TEST(door_config, missing_required_keys_are_named) {
  EXPECT_EQ(bad_key("door_id = \"d\"\n"), "controller_id");
}

TEST(door_config, syntax_errors_are_values_with_a_position) {
  auto c = parse_config("controller_id = \n", "broken.toml");
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().message.find("broken.toml:1"), std::string::npos) << c.error().message;
}

}  // namespace
}  // namespace hubgate::door

namespace hubgate::door {
namespace {

// The shipped example documents every key; it must stay a valid configuration.
TEST(door_config, the_shipped_example_configuration_is_valid) {
  auto c = load_config(HUBGATE_EXAMPLE_DOOR_CONFIG);
  ASSERT_TRUE(c) << c.error().what();
  EXPECT_EQ(c->door_id, "door-entrance");
  EXPECT_EQ(c->io.backend, io_options::backend_kind::gpiod);
  EXPECT_EQ(c->list_file, "/var/lib/hubgate-door/list.json");
}

}  // namespace
}  // namespace hubgate::door

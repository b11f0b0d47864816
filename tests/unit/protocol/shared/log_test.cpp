#include "protocol/log/log.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <string>
#include <vector>

namespace {

namespace log = hubgate::log;

class log_capture : public ::testing::Test {
 protected:
  void SetUp() override {
    log::set_sink([this](std::string_view line) { lines_.emplace_back(line); });
  }
  void TearDown() override {
    log::set_sink({});
    log::set_level(log::level::info);
  }
  boost::json::object only_line() {
    EXPECT_EQ(lines_.size(), 1u);
    boost::system::error_code ec;
    auto value = boost::json::parse(lines_.empty() ? "{}" : lines_.front(), ec);
    EXPECT_FALSE(ec) << lines_.front();
    return value.is_object() ? value.as_object() : boost::json::object{};
  }
  std::vector<std::string> lines_;
};

TEST_F(log_capture, writes_one_json_object_with_typed_fields) {
  log::write(log::level::warn, "disk_slow",
             {{"path", "/var/lib/x"},
              {"ms", 1234},
              {"bytes", std::uint64_t{5}},
              {"ok", false},
              {"ratio", 0.5},
              {"negative", -3}});
  auto line = only_line();
  EXPECT_EQ(line.at("level").as_string(), "warn");
  EXPECT_EQ(line.at("event").as_string(), "disk_slow");
  EXPECT_EQ(line.at("path").as_string(), "/var/lib/x");
  EXPECT_EQ(line.at("ms").as_int64(), 1234);
  EXPECT_EQ(line.at("bytes").to_number<std::uint64_t>(), 5u);
  EXPECT_EQ(line.at("ok").as_bool(), false);
  EXPECT_DOUBLE_EQ(line.at("ratio").as_double(), 0.5);
  EXPECT_EQ(line.at("negative").as_int64(), -3);
  const std::string ts(line.at("ts").as_string());
  ASSERT_EQ(ts.size(), 24u) << ts;  // 2027-03-28T09:00:00.123Z
  EXPECT_EQ(ts[10], 'T');
  EXPECT_EQ(ts[19], '.');
  EXPECT_EQ(ts.back(), 'Z');
}

TEST_F(log_capture, escapes_quotes_and_control_characters) {
  log::write(log::level::info, "odd", {{"text", "a\"b\\c\nd\x01"}});
  EXPECT_EQ(lines_.at(0).find('\n'), std::string::npos);
  EXPECT_EQ(only_line().at("text").as_string(), "a\"b\\c\nd\x01");
}

TEST_F(log_capture, non_finite_numbers_become_null) {
  log::write(log::level::info, "nan", {{"value", 0.0 / 0.0}});
  EXPECT_TRUE(only_line().at("value").is_null());
}

TEST_F(log_capture, lines_below_the_threshold_are_dropped) {
  log::set_level(log::level::warn);
  EXPECT_FALSE(log::enabled(log::level::info));
  EXPECT_TRUE(log::enabled(log::level::error));
  log::write(log::level::debug, "dropped");
  log::write(log::level::info, "dropped");
  EXPECT_TRUE(lines_.empty());
  log::set_level(log::level::trace);
  log::write(log::level::trace, "kept");
  EXPECT_EQ(lines_.size(), 1u);
  log::set_level(log::level::off);
  log::write(log::level::error, "dropped");
  EXPECT_EQ(lines_.size(), 1u);
}

TEST(log_levels, parse_and_print_round_trip) {
  for (auto l : {log::level::trace, log::level::debug, log::level::info, log::level::warn,
                 log::level::error, log::level::off})
    EXPECT_EQ(log::parse_level(log::to_string(l)), l);
  EXPECT_EQ(log::parse_level("warning"), log::level::warn);
  EXPECT_FALSE(log::parse_level("verbose"));
  EXPECT_FALSE(log::parse_level(""));
}

}  // namespace

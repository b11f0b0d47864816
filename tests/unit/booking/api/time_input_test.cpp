#include <date/tz.h>
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "booking/api/json_input.hpp"
#include "booking/api/query_input.hpp"

namespace hubgate::api {
namespace {

using std::chrono::sys_seconds;

const date::time_zone* berlin() {
  return date::locate_zone("Europe/Berlin");
}

sys_seconds utc(int y, unsigned mo, unsigned d, int h, int mi) {
  return date::sys_days{date::year{y} / mo / d} + std::chrono::hours{h} + std::chrono::minutes{mi};
}

std::optional<sys_seconds> read(std::string text, std::vector<field_error>& errors) {
  auto obj = boost::json::object{{"start", text}};
  body_fields f(obj);
  auto in = f.time("start", need::required);
  for (auto& e : f.finish()) errors.push_back(e);
  if (!in) return std::nullopt;
  return resolve_time(*in, berlin(), "start", errors);
}

TEST(api_time_input, offset_and_utc_forms) {
  std::vector<field_error> errors;
  EXPECT_EQ(read("2027-03-28T09:00:00+02:00", errors), utc(2027, 3, 28, 7, 0));
  EXPECT_EQ(read("2027-03-28T07:00:00Z", errors), utc(2027, 3, 28, 7, 0));
  EXPECT_TRUE(errors.empty());
}

TEST(api_time_input, local_time_is_read_in_the_site_zone) {
  std::vector<field_error> errors;
  EXPECT_EQ(read("2027-01-15T09:00:00", errors), utc(2027, 1, 15, 8, 0));  // CET
  EXPECT_EQ(read("2027-07-15T09:00", errors), utc(2027, 7, 15, 7, 0));     // CEST
  EXPECT_TRUE(errors.empty());
}

TEST(api_time_input, spring_forward_gap_is_nonexistent) {
  std::vector<field_error> errors;
  EXPECT_FALSE(read("2027-03-28T02:30:00", errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "nonexistent_local_time");
  EXPECT_EQ(errors[0].field, "start");
}

TEST(api_time_input, fall_back_overlap_is_ambiguous_unless_offset_given) {
  std::vector<field_error> errors;
  EXPECT_FALSE(read("2027-10-31T02:30:00", errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "ambiguous_local_time");
  errors.clear();
  EXPECT_EQ(read("2027-10-31T02:30:00+01:00", errors), utc(2027, 10, 31, 1, 30));
  EXPECT_TRUE(errors.empty());
}

TEST(api_time_input, garbage_is_invalid_time) {
  for (std::string bad : {"tomorrow", "2027-13-01T00:00:00Z", "2027-02-30T10:00:00",
                          "2027-03-28T09", "2027-03-28T25:00:00Z", ""}) {
    std::vector<field_error> errors;
    EXPECT_FALSE(read(bad, errors)) << bad;
    ASSERT_FALSE(errors.empty()) << bad;
    EXPECT_EQ(errors[0].code, "invalid_time") << bad;
  }
}

TEST(api_time_input, query_parameters_use_the_same_rules) {
  auto target = parse_request_target("/x?from=2027-03-28T09%3A00%3A00&to=never&extra=1");
  ASSERT_TRUE(target);
  query_fields q(*target, {"from", "to"});
  EXPECT_TRUE(q.time("from", true));
  EXPECT_FALSE(q.time("to", true));
  auto errors = q.finish();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "to");
  EXPECT_EQ(errors[0].code, "invalid_time");
  EXPECT_EQ(errors[1].field, "extra");
  EXPECT_EQ(errors[1].code, "unknown_parameter");
}

}  // namespace
}  // namespace hubgate::api

#include "protocol/canonical_json.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace hubgate::protocol {
namespace {

std::string canon(std::string_view text) {
  return canonical_json(boost::json::parse(text));
}

TEST(canonical_json, sorts_keys_and_drops_whitespace) {
  EXPECT_EQ(canon(R"( { "b" : 1, "a" : [ 2 , {"z":null,"y":true} ] } )"),
            R"({"a":[2,{"y":true,"z":null}],"b":1})");
}

TEST(canonical_json, is_stable_under_reserialisation) {
  const std::string once = canon(R"({"k":"caf\u00e9 \"q\"","n":-5,"u":18446744073709551615})");
  EXPECT_EQ(canon(once), once);
  EXPECT_EQ(once, "{\"k\":\"caf\xC3\xA9 \\\"q\\\"\",\"n\":-5,\"u\":18446744073709551615}");
}

TEST(canonical_json, different_values_give_different_text) {
  EXPECT_NE(canon(R"({"a":1})"), canon(R"({"a":2})"));
  EXPECT_NE(canon(R"({"a":"1"})"), canon(R"({"a":1})"));
  EXPECT_NE(canon(R"({"a":[1,2]})"), canon(R"({"a":[2,1]})"));
}

TEST(canonical_json, detects_floating_point_numbers) {
  EXPECT_TRUE(has_only_integers(boost::json::parse(R"({"a":[1,-2,{"b":18446744073709551615}]})")));
  EXPECT_FALSE(has_only_integers(boost::json::parse(R"({"a":[1,{"b":2.0}]})")));
  EXPECT_FALSE(has_only_integers(boost::json::parse("1e3")));
}

}  // namespace
}  // namespace hubgate::protocol

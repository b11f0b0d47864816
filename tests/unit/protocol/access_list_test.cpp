#include "protocol/access_list.hpp"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "protocol/access_list_json.hpp"

namespace hubgate::protocol {
namespace {

pseudonym card(std::uint8_t n) {
  pseudonym p{};
  p[0] = n;
  return p;
}

access_list sample_list() {
  return {{{card(1), "entrance", grant_source::booking, {{100, 200}, {300, 400}}},
           {card(1), "lab", grant_source::standing, {{0, 50}}},
           {card(2), "entrance", grant_source::admin, {{10, 20}}}},
          {card(9)},
          {{"entrance", 3000, 60000}, {"lab", 5000, 30000}}};
}

TEST(access_list, json_round_trip) {
  const auto list = sample_list();
  auto back = parse_access_list(boost::json::serialize(to_json(list)));
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(*back, list);
}

TEST(access_list, delta_json_round_trip) {
  const access_list_delta d{{{card(3), "lab", grant_source::booking, {{5, 6}}}},
                            {{card(1), "lab", grant_source::standing}},
                            {card(4)},
                            {card(9)}};
  auto back = parse_access_list_delta(boost::json::serialize(to_json(d)));
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(*back, d);
}

TEST(access_list, apply_delta_upserts_removes_and_revokes) {
  auto list = sample_list();
  const access_list_delta d{
      {{card(1), "entrance", grant_source::booking, {{500, 600}}},  // replaces
       {card(3), "lab", grant_source::booking, {{5, 6}}}},          // adds
      {{card(1), "lab", grant_source::standing},                    // removes
       {card(7), "nowhere", grant_source::booking}},                // absent: ignored
      {card(4), card(9)},
      {card(9)}};  // both added and removed: revocation wins
  apply_delta(list, d);
  const access_list expected{{{card(1), "entrance", grant_source::booking, {{500, 600}}},
                              {card(2), "entrance", grant_source::admin, {{10, 20}}},
                              {card(3), "lab", grant_source::booking, {{5, 6}}}},
                             {card(4), card(9)},
                             sample_list().doors};
  EXPECT_EQ(list, expected);
  apply_delta(list, d);
  EXPECT_EQ(list, expected) << "applying a delta twice changes nothing more";
}

TEST(access_list, apply_delta_can_unrevoke) {
  auto list = sample_list();
  apply_delta(list, {{}, {}, {}, {card(9)}});
  EXPECT_TRUE(list.revoked.empty());
}

TEST(access_list, parser_validates_every_field) {
  const std::string c = "\"0102030405060708090a0b0c0d0e0f10\"";
  auto entry = [&](const std::string& card, const std::string& door, const std::string& source,
                   const std::string& windows) {
    return R"({"entries":[{"card":)" + card + R"(,"door":)" + door + R"(,"source":)" + source +
           R"(,"windows":)" + windows + R"(}],"revoked":[]})";
  };
  EXPECT_TRUE(parse_access_list(entry(c, "\"lab\"", "\"booking\"", "[[1,2]]")));
  const std::vector<std::pair<std::string, errc>> bad = {
      {entry("\"0102\"", "\"lab\"", "\"booking\"", "[[1,2]]"), errc::bad_hex},
      {entry(c, "\"\"", "\"booking\"", "[[1,2]]"), errc::bad_field},
      {entry(c, "\"l a b\"", "\"booking\"", "[[1,2]]"), errc::bad_field},
      {entry(c, "\"" + std::string(65, 'd') + "\"", "\"booking\"", "[[1,2]]"), errc::bad_field},
      {entry(c, "\"lab\"", "\"guest\"", "[[1,2]]"), errc::bad_field},
      {entry(c, "\"lab\"", "\"booking\"", "[[2,2]]"), errc::bad_field},
      {entry(c, "\"lab\"", "\"booking\"", "[[3,2]]"), errc::bad_field},
      {entry(c, "\"lab\"", "\"booking\"", "[[1]]"), errc::bad_field},
      {entry(c, "\"lab\"", "\"booking\"", "[[1,2.5]]"), errc::bad_field},
      {entry(c, "\"lab\"", "\"booking\"", "[[1,18446744073709551615]]"), errc::bad_field},
      {entry(c, "\"lab\"", "\"booking\"", "{}"), errc::bad_field},
      {R"({"entries":[]})", errc::bad_field},
      {R"({"entries":[],"revoked":["xyz"]})", errc::bad_hex},
      {R"({"entries":[],"revoked":[],"more":1})", errc::bad_field},
      {"[1,2]", errc::malformed_json},
      {"{\"entries\":", errc::malformed_json},
  };
  for (const auto& [text, expected] : bad) {
    auto r = parse_access_list(text);
    ASSERT_FALSE(r) << text;
    EXPECT_EQ(r.error(), expected) << text;
  }
}

TEST(access_list, a_list_from_an_older_service_has_no_door_settings) {
  auto back = parse_access_list(R"({"entries":[],"revoked":[]})");
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_TRUE(back->doors.empty());
}

TEST(access_list, door_settings_outside_the_accepted_ranges_are_refused) {
  auto list_with = [](const std::string& door) {
    return R"({"entries":[],"revoked":[],"doors":[)" + door + "]}";
  };
  EXPECT_TRUE(
      parse_access_list(list_with(R"({"door":"lab","unlock_ms":100,"held_open_ms":1000})")));
  EXPECT_TRUE(
      parse_access_list(list_with(R"({"door":"lab","unlock_ms":600000,"held_open_ms":3600000})")));
  const std::string twice = R"({"door":"lab","unlock_ms":5000,"held_open_ms":30000},)"
                            R"({"door":"lab","unlock_ms":6000,"held_open_ms":30000})";
  for (const std::string& bad : std::vector<std::string>{
           R"({"door":"lab","unlock_ms":99,"held_open_ms":1000})",
           R"({"door":"lab","unlock_ms":600001,"held_open_ms":1000})",  // held unlocked for hours
           R"({"door":"lab","unlock_ms":5000,"held_open_ms":999})",
           R"({"door":"lab","unlock_ms":5000,"held_open_ms":3600001})",
           R"({"door":"lab","unlock_ms":5000.5,"held_open_ms":30000})",
           R"({"door":"lab","unlock_ms":5000})",
           R"({"door":"l a b","unlock_ms":5000,"held_open_ms":30000})",
           R"({"door":"lab","unlock_ms":5000,"held_open_ms":30000,"fail_mode":"safe"})",
           twice,
       }) {
    auto r = parse_access_list(list_with(bad));
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error(), errc::bad_field) << bad;
  }
  EXPECT_EQ(parse_access_list(R"({"entries":[],"revoked":[],"doors":{}})").error(),
            errc::bad_field);
}

TEST(access_list, a_delta_with_door_settings_replaces_the_list_s) {
  auto list = sample_list();
  access_list_delta d;
  apply_delta(list, d);
  EXPECT_EQ(list.doors, sample_list().doors) << "a delta without settings keeps them";
  d.doors = std::vector<door_settings>{{"lab", 1500, 4000}};
  auto back = parse_access_list_delta(boost::json::serialize(to_json(d)));
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(*back, d);
  apply_delta(list, *back);
  EXPECT_EQ(list.doors, (std::vector<door_settings>{{"lab", 1500, 4000}}));
}

TEST(access_list, duplicate_keys_are_refused) {
  auto list = sample_list();
  list.entries.push_back(list.entries.front());
  EXPECT_EQ(parse_access_list(boost::json::serialize(to_json(list))).error(), errc::bad_field);
}

}  // namespace
}  // namespace hubgate::protocol

// Cards over real HTTPS: once enrolled, a card is shown by its hint alone, in every answer
// (the enrolment's own included); every card is flagged legacy since every card is read by
// its UID; an admin finds whose card a found card is.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "api_service.hpp"

namespace hubgate::test {
namespace {

constexpr std::string_view uid = "04A1B2C3D4E5F6";

class api_cards : public ::testing::Test {
 protected:
  void SetUp() override {
    admin_ = svc_.admin();
    member_ = svc_.new_member(admin_, "member@hub.example");
    other_ = svc_.new_member(admin_, "other@hub.example");
  }

  reply enrol(const caller& owner, const std::string& body) {
    return svc_.call("POST", "/api/v1/users/" + owner.user_id + "/credentials", &admin_, body);
  }

  // The body shows neither the UID nor a card_id field, in any spelling.
  static void expect_no_uid(const reply& r) {
    EXPECT_EQ(r.raw.body.find(uid), std::string::npos) << r.raw.body;
    EXPECT_EQ(r.raw.body.find("04a1b2c3d4e5f6"), std::string::npos) << r.raw.body;
    EXPECT_EQ(r.raw.body.find("04:a1"), std::string::npos) << r.raw.body;
    EXPECT_EQ(r.raw.body.find("card_id"), std::string::npos) << r.raw.body;
  }

  api_service svc_;
  caller admin_, member_, other_;
};

TEST_F(api_cards, every_answer_shows_the_hint_and_never_the_uid) {
  auto made = enrol(member_, R"({"card_id":"04:a1:b2:c3:d4:e5:f6","kind":"desfire"})");
  ASSERT_EQ(made.status, 201) << made.raw.body;
  expect_no_uid(made);
  EXPECT_EQ(made.json.at("card_hint").as_string(), "E5F6");
  EXPECT_TRUE(made.json.at("legacy").as_bool()) << "a DESFire card read by its UID is clonable";
  const std::string id(made.json.at("id").as_string());

  auto mine = svc_.call("GET", "/api/v1/users/" + member_.user_id + "/credentials", &member_);
  ASSERT_EQ(mine.status, 200);
  expect_no_uid(mine);
  EXPECT_EQ(mine.json.at("items").as_array()[0].at("card_hint").as_string(), "E5F6");
  auto listed = svc_.call("GET", "/api/v1/users/" + member_.user_id + "/credentials", &admin_);
  expect_no_uid(listed);
  auto suspended = svc_.call("POST", "/api/v1/credentials/" + id + "/suspend", &admin_);
  ASSERT_EQ(suspended.status, 200);
  expect_no_uid(suspended);
  auto found =
      svc_.call("POST", "/api/v1/credentials/lookup", &admin_, R"({"card_id":"04A1B2C3D4E5F6"})");
  ASSERT_EQ(found.status, 200);
  expect_no_uid(found);
}

TEST_F(api_cards, a_card_enrolled_once_is_taken_in_any_spelling) {
  ASSERT_EQ(enrol(member_, R"({"card_id":"04A1B2C3D4E5F6"})").status, 201);
  auto again = enrol(other_, R"({"card_id":"04 a1 b2 c3 d4 e5 f6","kind":"desfire"})");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.code(), "card_taken");
}

TEST_F(api_cards, an_admin_finds_whose_card_a_found_card_is) {
  auto made = enrol(member_, R"({"card_id":"04A1B2C3D4E5F6","label":"Blue"})");
  ASSERT_EQ(made.status, 201);
  auto found = svc_.call("POST", "/api/v1/credentials/lookup", &admin_,
                         R"({"card_id":"04:a1:b2:c3:d4:e5:f6"})");
  ASSERT_EQ(found.status, 200) << found.raw.body;
  EXPECT_EQ(found.json.at("id"), made.json.at("id"));
  EXPECT_EQ(found.json.at("user_id").as_string(), member_.user_id);
  EXPECT_EQ(found.json.at("label").as_string(), "Blue");
}

TEST_F(api_cards, a_lookup_of_a_card_nobody_holds_is_a_404_problem) {
  auto r = svc_.call("POST", "/api/v1/credentials/lookup", &admin_, R"({"card_id":"04C0FFEE"})");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.code(), "card_not_enrolled");
  EXPECT_NE(r.header("content-type").find("application/problem+json"), std::string::npos);
}

TEST_F(api_cards, a_lookup_needs_an_admin_and_a_hex_uid) {
  ASSERT_EQ(enrol(member_, R"({"card_id":"04A1B2C3D4E5F6"})").status, 201);
  auto by_member =
      svc_.call("POST", "/api/v1/credentials/lookup", &member_, R"({"card_id":"04A1B2C3D4E5F6"})");
  EXPECT_EQ(by_member.status, 403);
  EXPECT_EQ(by_member.code(), "forbidden");
  auto bad = svc_.call("POST", "/api/v1/credentials/lookup", &admin_, R"({"card_id":"04-XY"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.code(), "validation_failed");
  auto missing = svc_.call("POST", "/api/v1/credentials/lookup", &admin_, R"({})");
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(missing.code(), "validation_failed");
}

TEST_F(api_cards, the_data_dir_holds_no_uid) {
  ASSERT_EQ(enrol(member_, R"({"card_id":"04A1B2C3D4E5F6"})").status, 201);
  svc_.stop();
  for (const char* name : {"hubgate.db", "hubgate.db-wal"}) {
    std::ifstream in(svc_.data_dir() + "/" + name, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(bytes.find(uid), std::string::npos) << name;
  }
}

}  // namespace
}  // namespace hubgate::test

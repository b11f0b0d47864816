// The demo hub seeded by --demo, and the browser UI served beside the API, over real HTTPS.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "api_service.hpp"

namespace hubgate::test {
namespace {

TEST(api_demo, seeds_the_digital_innovation_hub_once) {
  api_service svc({"--demo"});
  auto anna = svc.login("anna.schmidt@hub.example", "hubgate-demo");
  auto sites = svc.call("GET", "/api/v1/sites", &anna);
  ASSERT_EQ(sites.status, 200);
  ASSERT_EQ(sites.json.at("items").as_array().size(), 1u);
  const auto& site = sites.json.at("items").as_array()[0];
  EXPECT_EQ(site.at("name").as_string(), "Digital Innovation Hub");
  EXPECT_EQ(site.at("time_zone").as_string(), "Europe/Berlin");
  EXPECT_EQ(site.at("opening_hours").at("monday").as_array()[0].at("open").as_string(), "07:00");
  EXPECT_EQ(site.at("opening_hours").at("saturday").as_array()[0].at("close").as_string(), "18:00");
  EXPECT_TRUE(site.at("opening_hours").at("sunday").as_array().empty());

  auto spaces = svc.call("GET", "/api/v1/spaces", &anna);
  ASSERT_EQ(spaces.status, 200);
  std::map<std::string, int> by_kind;
  int shared_desk_seats = 0;
  for (const auto& s : spaces.json.at("items").as_array()) {
    ++by_kind[std::string(s.at("kind").as_string())];
    if (s.at("kind").as_string() == "desk" && s.at("mode").as_string() == "shared")
      shared_desk_seats += static_cast<int>(s.at("capacity").as_int64());
    if (s.at("kind").as_string() == "event") {
      EXPECT_TRUE(s.at("needs_approval").as_bool());
    }
  }
  EXPECT_EQ(by_kind["desk"], 25);  // 24 desks and the flex pool
  EXPECT_EQ(shared_desk_seats, 10);
  EXPECT_EQ(by_kind["lab"], 1);
  EXPECT_EQ(by_kind["event"], 1);
  EXPECT_EQ(by_kind["training"], 2);
  EXPECT_EQ(by_kind["showroom"], 1);
  EXPECT_EQ(by_kind["room"], 2);

  auto groups = svc.call("GET", "/api/v1/groups", &anna);
  ASSERT_EQ(groups.status, 200);
  std::set<std::string> names;
  for (const auto& g : groups.json.at("items").as_array()) {
    names.insert(std::string(g.at("name").as_string()));
    if (g.at("name").as_string() == "administration") {
      EXPECT_EQ(g.at("grants").as_array().size(), 4u);  // entrance, lab, two training rooms
    }
  }
  EXPECT_EQ(names, (std::set<std::string>{"students", "researchers", "companies", "administration",
                                          "public"}));

  auto admin = svc.admin();
  auto doors = svc.call("GET", "/api/v1/doors", &admin);
  ASSERT_EQ(doors.status, 200);
  EXPECT_EQ(doors.json.at("items").as_array().size(), 5u);
  auto cards = svc.call("GET", "/api/v1/users/" + anna.user_id + "/credentials", &anna);
  ASSERT_EQ(cards.status, 200);
  ASSERT_EQ(cards.json.at("items").as_array().size(), 1u);
  const auto& card = cards.json.at("items").as_array()[0].as_object();
  EXPECT_FALSE(card.contains("card_id"));
  EXPECT_EQ(card.at("card_hint").as_string().size(), 4u);
  EXPECT_TRUE(card.at("legacy").as_bool());
  EXPECT_NE(svc.process().output().find("anna.schmidt@hub.example"), std::string::npos);

  // A second start with --demo leaves the existing hub alone.
  svc.stop();
  svc.start();
  sites = svc.call("GET", "/api/v1/sites", &anna);
  EXPECT_EQ(sites.json.at("items").as_array().size(), 1u);
}

TEST(api_static, the_browser_ui_is_served_outside_the_api) {
  api_service svc;
  auto index = svc.call("GET", "/");
  EXPECT_EQ(index.status, 200);
  EXPECT_NE(index.header("content-type").find("text/html"), std::string::npos);
  auto post = svc.call("POST", "/", nullptr, "{}");
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(post.code(), "method_not_allowed");
}

}  // namespace
}  // namespace hubgate::test

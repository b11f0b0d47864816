#include "booking/api/openapi.hpp"

#include <gtest/gtest.h>

#include <set>

#include "booking/api/route_table.hpp"

namespace hubgate::api {
namespace {

TEST(api_openapi, every_route_is_described_and_every_schema_it_names_exists) {
  router r(api_routes());
  auto doc = openapi_document(r);
  EXPECT_EQ(doc.at("openapi").as_string(), "3.1.0");
  const auto& schemas = openapi_schemas();
  ASSERT_FALSE(schemas.empty()) << "the schema snippets did not parse";
  const auto& paths = doc.at("paths").as_object();
  for (const auto& route : r.routes()) {
    std::string key(route.pattern.substr(7));
    ASSERT_TRUE(paths.contains(key)) << key;
    std::string method(route.method);
    for (auto& c : method) c = static_cast<char>(std::tolower(c));
    EXPECT_TRUE(paths.at(key).as_object().contains(method)) << route.method << " " << key;
    for (auto name : {route.doc.request_schema, route.doc.response_schema}) {
      if (!name.empty() && name != "metrics_text") {
        EXPECT_TRUE(schemas.contains(name)) << "schema " << name << " of " << key;
      }
    }
    EXPECT_FALSE(route.doc.summary.empty()) << key;
  }
}

TEST(api_openapi, routes_are_unique) {
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& route : api_routes())
    EXPECT_TRUE(seen.emplace(std::string(route.method), std::string(route.pattern)).second)
        << route.method << " " << route.pattern;
}

}  // namespace
}  // namespace hubgate::api

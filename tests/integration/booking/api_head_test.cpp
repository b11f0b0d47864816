// HEAD answers carry the headers GET would, Content-Length included, and no body: for API
// routes and for the browser UI's files.
#include <gtest/gtest.h>

#include "api_service.hpp"

namespace hubgate::test {
namespace {

TEST(api_head, content_length_is_the_one_get_would_send) {
  api_service svc;
  auto admin = svc.admin();
  for (const char* target : {"/api/v1/health", "/api/v1/openapi.json", "/api/v1/users/me", "/",
                             "/app/main.js", "/i18n/de.json"}) {
    auto get = svc.call("GET", target, &admin);
    auto head = svc.call("HEAD", target, &admin);
    ASSERT_EQ(get.status, 200) << target;
    EXPECT_EQ(head.status, 200) << target;
    EXPECT_FALSE(get.raw.body.empty()) << target;
    EXPECT_EQ(head.header("content-length"), std::to_string(get.raw.body.size())) << target;
    EXPECT_TRUE(head.raw.body.empty()) << target;
  }
}

}  // namespace
}  // namespace hubgate::test

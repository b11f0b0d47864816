// The access-change observer: only successful writes to API resources trigger a
// recomputation; reads, failures, sign-ins and the access log do not.
#include "booking/controllers/access_change_observer.hpp"

#include <gtest/gtest.h>

namespace hubgate::controllers {
namespace {

http::http_request req(std::string method, std::string target) {
  http::http_request r;
  r.method = std::move(method);
  r.target = std::move(target);
  return r;
}

http::http_response status(int s) {
  http::http_response r;
  r.status = s;
  return r;
}

TEST(access_change_observer, successful_writes_change_access) {
  EXPECT_TRUE(may_change_access(req("POST", "/api/v1/bookings"), status(201)));
  EXPECT_TRUE(may_change_access(req("POST", "/api/v1/bookings/b1/cancel"), status(200)));
  EXPECT_TRUE(may_change_access(req("POST", "/api/v1/credentials/c1/suspend?x=1"), status(200)));
  EXPECT_TRUE(may_change_access(req("PATCH", "/api/v1/groups/g1"), status(200)));
  EXPECT_TRUE(may_change_access(req("DELETE", "/api/v1/groups/g1"), status(204)));
}

TEST(access_change_observer, reads_failures_and_sign_ins_do_not) {
  EXPECT_FALSE(may_change_access(req("GET", "/api/v1/bookings"), status(200)));
  EXPECT_FALSE(may_change_access(req("POST", "/api/v1/bookings"), status(409)));
  EXPECT_FALSE(may_change_access(req("POST", "/api/v1/auth/login"), status(200)));
  EXPECT_FALSE(may_change_access(req("POST", "/api/v1/auth/tokens"), status(201)));
  EXPECT_FALSE(may_change_access(req("POST", "/index.html"), status(200)));
}

TEST(access_change_observer, looking_a_card_up_does_not) {
  EXPECT_FALSE(may_change_access(req("POST", "/api/v1/credentials/lookup"), status(200)));
}

class canned final : public http::request_handler {
 public:
  int answer = 200;
  http::http_response handle(const http::http_request&) override { return status(answer); }
};

TEST(access_change_observer, wraps_a_handler_and_calls_back) {
  canned inner;
  int calls = 0;
  access_change_observer observer(inner, [&calls] { ++calls; });
  EXPECT_EQ(observer.handle(req("POST", "/api/v1/bookings")).status, 200);
  EXPECT_EQ(calls, 1);
  inner.answer = 422;
  EXPECT_EQ(observer.handle(req("POST", "/api/v1/bookings")).status, 422);
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace hubgate::controllers

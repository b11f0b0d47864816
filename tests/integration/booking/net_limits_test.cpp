// Limits of booking/net: oversized bodies and headers, malformed HTTP, slow clients, idle
// keep-alive connections and the connection cap.
#include <gtest/gtest.h>

#include <string>

#include "hubgate/test/net_util.hpp"
#include "net_test_server.hpp"

namespace {

using namespace std::chrono_literals;
using hubgate::test::client_options;
using hubgate::test::parse_json;
using hubgate::test::running_server;
using hubgate::test::stub_handler;
using hubgate::test::test_server_options;
using hubgate::test::wait_until;

std::string header_of(const hubgate::client::http_response& r, const std::string& name) {
  for (const auto& [n, v] : r.headers)
    if (n == name) return v;
  return {};
}

void expect_problem(const hubgate::client::http_response& r, int status, const std::string& code) {
  EXPECT_EQ(r.status, status);
  EXPECT_EQ(header_of(r, "content-type"), "application/problem+json");
  auto problem = parse_json(r.body);
  ASSERT_TRUE(problem.is_object()) << r.body;
  EXPECT_EQ(problem.at("code").as_string(), code);
  EXPECT_EQ(problem.at("status").to_number<int>(), status);
}

TEST(net_limits, oversized_body_is_413_problem_json) {
  stub_handler handler;
  auto options = test_server_options();
  options.body_limit = 64 * 1024;
  running_server server(options, handler);
  hubgate::client::https_client client(client_options(server.port()));
  auto r = client.request("POST", "/x", {{"Content-Type", "application/json"}},
                          std::string(options.body_limit + 1, 'a'));
  expect_problem(r, 413, "payload_too_large");
  EXPECT_EQ(handler.calls.load(), 0);

  // A body at the limit is fine, on a fresh connection (the 413 closed the last one).
  auto ok = client.request("POST", "/x", {}, std::string(options.body_limit, 'a'));
  EXPECT_EQ(ok.status, 200);
}

TEST(net_limits, oversized_headers_are_431_problem_json) {
  stub_handler handler;
  auto options = test_server_options();
  running_server server(options, handler);
  hubgate::client::https_client client(client_options(server.port()));
  auto r = client.request("GET", "/x", {{"X-Big", std::string(options.header_limit + 10, 'h')}});
  expect_problem(r, 431, "header_too_large");
  EXPECT_EQ(handler.calls.load(), 0);
}

TEST(net_limits, garbage_request_line_is_400) {
  stub_handler handler;
  running_server server(test_server_options(), handler);
  hubgate::client::https_client client(client_options(server.port()));
  auto r = client.raw_exchange("THIS IS NOT HTTP\r\n\r\n", 30s);
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_TRUE(r->received.starts_with("HTTP/1.1 400 ")) << r->received;
  EXPECT_NE(r->received.find("\"code\":\"bad_request\""), std::string::npos) << r->received;
  EXPECT_NE(r->received.find("application/problem+json"), std::string::npos);
  EXPECT_TRUE(r->closed_by_peer);
  EXPECT_EQ(handler.calls.load(), 0);
}

TEST(net_limits, bad_content_length_is_400) {
  stub_handler handler;
  running_server server(test_server_options(), handler);
  hubgate::client::https_client client(client_options(server.port()));
  auto r = client.raw_exchange("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: -5\r\n\r\n", 30s);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->received.starts_with("HTTP/1.1 400 ")) << r->received;
}

TEST(net_limits, content_length_with_chunked_encoding_is_400_not_smuggled) {
  stub_handler handler;
  running_server server(test_server_options(), handler);
  hubgate::client::https_client client(client_options(server.port()));
  auto r = client.raw_exchange(
      "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
      "0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n",
      std::chrono::seconds(30));
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->received.starts_with("HTTP/1.1 400 ")) << r->received;
  EXPECT_EQ(handler.calls.load(), 0);
}

TEST(net_limits, slow_client_sending_half_a_header_is_disconnected) {
  stub_handler handler;
  auto options = test_server_options();
  options.header_timeout = 1s;
  running_server server(options, handler);
  hubgate::client::https_client client(client_options(server.port()));
  ASSERT_TRUE(client.raw_send("GET /x HTTP/1.1\r\nHost: localhost\r\nX-Slow: "));
  auto r = client.wait_closed(60s);  // generous: the server's 1 s deadline closes it first
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->closed_by_peer);
  EXPECT_FALSE(r->timed_out);
  EXPECT_EQ(handler.calls.load(), 0);
  EXPECT_TRUE(wait_until([&] { return server.get().connection_count() == 0; }));
}

TEST(net_limits, slow_body_is_disconnected_after_the_body_timeout) {
  stub_handler handler;
  auto options = test_server_options();
  options.body_timeout = 1s;
  running_server server(options, handler);
  hubgate::client::https_client client(client_options(server.port()));
  ASSERT_TRUE(
      client.raw_send("POST /x HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\nabc"));
  auto r = client.wait_closed(60s);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->closed_by_peer);
  EXPECT_FALSE(r->timed_out);
  EXPECT_EQ(handler.calls.load(), 0);
}

TEST(net_limits, silent_connection_is_closed_after_the_header_timeout) {
  stub_handler handler;
  auto options = test_server_options();
  options.header_timeout = 1s;
  running_server server(options, handler);
  hubgate::client::https_client client(client_options(server.port()));
  auto r = client.raw_exchange("", 60s);  // TLS handshake, then nothing
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->closed_by_peer);
  EXPECT_FALSE(r->timed_out);
}

TEST(net_limits, idle_keep_alive_connection_is_closed_and_the_client_reconnects) {
  stub_handler handler;
  auto options = test_server_options();
  options.idle_timeout = 1s;
  running_server server(options, handler);
  hubgate::client::https_client client(client_options(server.port()));
  EXPECT_EQ(client.request("GET", "/x").status, 200);
  EXPECT_TRUE(wait_until([&] { return server.get().connection_count() == 0; }))
      << "the server closes the idle connection";
  EXPECT_EQ(client.request("GET", "/x").status, 200);
  EXPECT_EQ(client.connections_opened(), 2u);
}

TEST(net_limits, connections_beyond_the_cap_are_closed) {
  stub_handler handler;
  auto options = test_server_options();
  options.max_connections = 1;
  running_server server(options, handler);
  hubgate::client::https_client holder(client_options(server.port()));
  ASSERT_TRUE(holder.raw_send("GET /x HTTP/1.1\r\n"));  // holds the only slot
  ASSERT_TRUE(wait_until([&] { return server.get().connection_count() == 1; }));

  hubgate::client::https_client refused(client_options(server.port()));
  auto r = refused.try_request("GET", "/x");
  EXPECT_FALSE(r) << "status " << r.value().status;

  holder.close();
  ASSERT_TRUE(wait_until([&] { return server.get().connection_count() == 0; }));
  hubgate::client::https_client later(client_options(server.port()));
  EXPECT_EQ(later.request("GET", "/x").status, 200);
}

}  // namespace

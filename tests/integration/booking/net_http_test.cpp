// HTTP behaviour of booking/net over real TLS: keep-alive, standard headers, request ids,
// the access log, and the hand-off of requests to the handler.
#include <gtest/gtest.h>

#include <boost/json/value.hpp>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "hubgate/test/net_util.hpp"
#include "net_test_server.hpp"
#include "protocol/log/log.hpp"

namespace {

using hubgate::test::client_options;
using hubgate::test::parse_json;
using hubgate::test::running_server;
using hubgate::test::stub_handler;
using hubgate::test::test_server_options;

// One request on its own connection and thread, to hold it in flight; finish() joins.
class request_in_flight {
 public:
  request_in_flight(std::uint16_t port, std::string method, std::string target,
                    std::string body = {})
      : thread_([this, port, method, target, body] {
          hubgate::client::https_client client(client_options(port));
          response_ = client.request(method, target, {}, body);
        }) {}
  std::optional<hubgate::client::http_response> finish() {
    thread_.join();
    return response_;
  }

 private:
  std::optional<hubgate::client::http_response> response_;
  std::thread thread_;  // last: starts once response_ exists
};

std::string header_of(const hubgate::client::http_response& r, const std::string& name) {
  for (const auto& [n, v] : r.headers)
    if (n == name) return v;
  return {};
}

TEST(net_http, keep_alive_serves_many_requests_on_one_connection) {
  stub_handler handler;
  running_server server(test_server_options(), handler);
  hubgate::client::https_client client(client_options(server.port()));
  for (int i = 0; i < 5; ++i) {
    auto r = client.request("POST", "/api/v1/echo?i=" + std::to_string(i), {{"X-Test", "yes"}},
                            std::string(100 + i, 'x'));
    ASSERT_EQ(r.status, 200);
    auto echo = parse_json(r.body).as_object();
    EXPECT_EQ(echo.at("method").as_string(), "POST");
    EXPECT_EQ(echo.at("target").as_string(), "/api/v1/echo?i=" + std::to_string(i));
    EXPECT_EQ(echo.at("body_size").to_number<int>(), 100 + i);
    EXPECT_EQ(echo.at("x_test").as_string(), "yes");
    EXPECT_EQ(echo.at("remote").as_string(), "127.0.0.1");
    EXPECT_FALSE(echo.contains("client_cert_sha256"));
  }
  EXPECT_EQ(client.connections_opened(), 1u);
  EXPECT_EQ(handler.calls.load(), 5);
}

TEST(net_http, every_response_carries_date_server_and_request_id) {
  stub_handler handler;
  running_server server(test_server_options(), handler);
  hubgate::client::https_client client(client_options(server.port()));
  auto r = client.request("GET", "/x");
  EXPECT_EQ(header_of(r, "server"), "hubgate");
  const auto date = header_of(r, "date");
  EXPECT_EQ(date.size(), 29u) << date;
  EXPECT_TRUE(date.ends_with(" GMT")) << date;
  const auto id = header_of(r, "x-request-id");
  EXPECT_EQ(id.size(), 16u);
  EXPECT_EQ(parse_json(r.body).at("request_id").as_string(), id) << "handler saw the same id";
  EXPECT_EQ(header_of(r, "content-type"), "application/json");

  auto again = client.request("GET", "/x");
  EXPECT_NE(header_of(again, "x-request-id"), id) << "ids are per request";
}

TEST(net_http, keeps_a_sane_client_request_id_and_replaces_an_unsafe_one) {
  stub_handler handler;
  running_server server(test_server_options(), handler);
  hubgate::client::https_client client(client_options(server.port()));
  auto kept = client.request("GET", "/x", {{"X-Request-Id", "abc-123_def.4"}});
  EXPECT_EQ(header_of(kept, "x-request-id"), "abc-123_def.4");
  auto replaced = client.request("GET", "/x", {{"X-Request-Id", "bad id\"with{json}"}});
  EXPECT_NE(header_of(replaced, "x-request-id"), "bad id\"with{json}");
  EXPECT_EQ(header_of(replaced, "x-request-id").size(), 16u);
  auto too_long = client.request("GET", "/x", {{"X-Request-Id", std::string(65, 'a')}});
  EXPECT_EQ(header_of(too_long, "x-request-id").size(), 16u);
}

TEST(net_http, head_keeps_content_length_without_a_body) {
  stub_handler handler;
  running_server server(test_server_options(), handler);
  hubgate::client::https_client client(client_options(server.port()));
  auto head = client.request("HEAD", "/x");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_NE(header_of(head, "content-length"), "0");
  // The connection is still in step: a following GET works on it.
  auto get = client.request("GET", "/x");
  EXPECT_EQ(get.status, 200);
  EXPECT_EQ(client.connections_opened(), 1u);
}

TEST(net_http, websocket_upgrade_is_refused_with_404_for_now) {
  stub_handler handler;
  running_server server(test_server_options(), handler);
  hubgate::client::https_client client(client_options(server.port()));
  auto r = client.request("GET", "/api/v1/controllers/stream",
                          {{"Connection", "Upgrade"},
                           {"Upgrade", "websocket"},
                           {"Sec-WebSocket-Version", "13"},
                           {"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(header_of(r, "content-type"), "application/problem+json");
  EXPECT_EQ(handler.calls.load(), 0);
}

TEST(net_http, writes_one_access_log_line_per_request_at_debug) {
  std::mutex mutex;
  std::vector<std::string> lines;
  hubgate::log::set_sink([&](std::string_view line) {
    std::lock_guard lock(mutex);
    lines.emplace_back(line);
  });
  hubgate::log::set_level(hubgate::log::level::debug);
  {
    stub_handler handler;
    running_server server(test_server_options(), handler);
    hubgate::client::https_client client(client_options(server.port()));
    client.request("GET", "/api/v1/spaces?token=secret-in-query", {{"X-Request-Id", "log-test-1"}});
  }
  hubgate::log::set_sink({});
  hubgate::log::set_level(hubgate::log::level::info);

  std::vector<boost::json::object> access;
  for (const auto& line : lines) {
    auto value = parse_json(line);
    if (value.is_object() && value.as_object().at("event").as_string() == "http_request")
      access.push_back(value.as_object());
  }
  ASSERT_EQ(access.size(), 1u);
  const auto& entry = access.front();
  EXPECT_EQ(entry.at("level").as_string(), "debug");
  EXPECT_EQ(entry.at("method").as_string(), "GET");
  EXPECT_EQ(entry.at("path").as_string(), "/api/v1/spaces");
  EXPECT_EQ(entry.at("status").to_number<int>(), 200);
  EXPECT_EQ(entry.at("request_id").as_string(), "log-test-1");
  EXPECT_EQ(entry.at("remote").as_string(), "127.0.0.1");
  EXPECT_GT(entry.at("bytes").to_number<int>(), 0);
  EXPECT_GE(entry.at("duration_us").to_number<long>(), 0);
  EXPECT_TRUE(entry.at("ts").as_string().ends_with("Z"));
  for (const auto& line : lines) EXPECT_EQ(line.find("secret-in-query"), std::string::npos) << line;
}

TEST(net_http, handler_runs_on_a_worker_thread_while_other_requests_are_served) {
  stub_handler handler;
  auto options = test_server_options();
  options.io_threads = 1;  // a handler blocking the only io thread would stall everything
  running_server server(options, handler);

  request_in_flight slow(server.port(), "GET", "/slow");
  ASSERT_TRUE(handler.wait_entered_slow());
  hubgate::client::https_client fast(client_options(server.port()));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(fast.request("GET", "/fast").status, 200);
  handler.release();
  const auto slow_response = slow.finish();
  ASSERT_TRUE(slow_response);
  EXPECT_EQ(slow_response->status, 200);
  EXPECT_EQ(handler.calls_on_io_thread.load(), 0);
  EXPECT_EQ(handler.calls.load(), 4);
}

TEST(net_http,
     what_the_handler_answers_now_is_answered_on_the_io_thread_even_while_a_worker_is_held) {
  stub_handler handler;
  auto options = test_server_options();
  options.io_threads = 1;
  options.worker_threads = 1;  // held by /slow: only an answer on the io thread can get through
  running_server server(options, handler);

  request_in_flight slow(server.port(), "GET", "/slow");
  ASSERT_TRUE(handler.wait_entered_slow());
  hubgate::client::https_client client(client_options(server.port()));
  for (int i = 0; i < 3; ++i) {
    auto r = client.request("GET", "/now");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(parse_json(r.body).as_object().at("answered").as_string(), "now");
  }
  handler.release();
  const auto slow_response = slow.finish();
  ASSERT_TRUE(slow_response);
  EXPECT_EQ(slow_response->status, 200);
  EXPECT_EQ(client.request("GET", "/after").status, 200);
  EXPECT_EQ(handler.answered_now.load(), 3);
  EXPECT_EQ(handler.answered_now_on_io_thread.load(), 3);
  EXPECT_EQ(handler.calls.load(), 2);  // /slow and /after went to a worker
  EXPECT_EQ(handler.calls_on_io_thread.load(), 0);
}

TEST(net_http, a_request_taken_for_later_is_answered_when_another_thread_replies_without_a_worker) {
  stub_handler handler;
  auto options = test_server_options();
  options.io_threads = 1;
  options.worker_threads = 1;
  running_server server(options, handler);

  request_in_flight slow(server.port(), "GET", "/slow");
  ASSERT_TRUE(handler.wait_entered_slow());  // the only worker is held from here on
  request_in_flight later(server.port(), "POST", "/reply-later", "{}");
  ASSERT_TRUE(handler.wait_taken());
  hubgate::client::https_client other(client_options(server.port()));
  EXPECT_EQ(other.request("GET", "/now").status, 200);  // the connection waiting blocks nothing
  handler.reply_taken();
  const auto later_response = later.finish();
  ASSERT_TRUE(later_response);
  EXPECT_EQ(later_response->status, 200);
  EXPECT_EQ(parse_json(later_response->body).as_object().at("answered").as_string(), "later");
  handler.release();
  const auto slow_response = slow.finish();
  ASSERT_TRUE(slow_response);
  EXPECT_EQ(slow_response->status, 200);
  EXPECT_EQ(handler.calls.load(), 1);  // only /slow ran on a worker
}

}  // namespace

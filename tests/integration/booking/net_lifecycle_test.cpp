// Start-up errors, graceful stop (in-flight requests finish, idle connections close),
// signals, and several servers in one process.
#include <gtest/gtest.h>

#include <csignal>
#include <optional>
#include <stdexcept>
#include <thread>

#include "hubgate/test/net_util.hpp"
#include "net_test_server.hpp"

namespace {

using namespace std::chrono_literals;
using hubgate::test::client_options;
using hubgate::test::running_server;
using hubgate::test::stub_handler;
using hubgate::test::test_server_options;
using hubgate::test::wait_until;

TEST(net_lifecycle, stop_lets_an_in_flight_request_finish_then_returns) {
  stub_handler handler;
  running_server server(test_server_options(), handler);
  hubgate::client::https_client idle(client_options(server.port()));
  ASSERT_EQ(idle.request("GET", "/x").status, 200);  // a kept-alive, idle connection

  std::optional<hubgate::client::http_response> slow_response;
  std::thread slow([&] {
    hubgate::client::https_client client(client_options(server.port()));
    slow_response = client.request("GET", "/slow");
  });
  ASSERT_TRUE(handler.wait_entered_slow());

  server.get().stop();
  // The idle connection goes at once; the one in flight stays until its response is written.
  EXPECT_TRUE(wait_until([&] { return server.get().connection_count() == 1; }));
  EXPECT_FALSE(hubgate::test::port_open(server.port())) << "no longer accepting";

  handler.release();
  slow.join();
  ASSERT_TRUE(slow_response);
  EXPECT_EQ(slow_response->status, 200);
  bool close_requested = false;
  for (const auto& [n, v] : slow_response->headers)
    if (n == "connection" && v == "close") close_requested = true;
  EXPECT_TRUE(close_requested);
  EXPECT_TRUE(server.stop_and_join());
}

TEST(net_lifecycle, stop_before_run_returns_at_once) {
  stub_handler handler;
  hubgate::net::server server(test_server_options(), handler);
  server.stop();
  server.run_until_signal();  // must not hang
  SUCCEED();
}

TEST(net_lifecycle, sigterm_stops_run_until_signal) {
  stub_handler handler;
  struct sigaction before {};
  sigaction(SIGTERM, nullptr, &before);
  ASSERT_EQ(before.sa_handler, SIG_DFL);
  running_server server(test_server_options(), handler);
  hubgate::client::https_client client(client_options(server.port()));
  ASSERT_EQ(client.request("GET", "/x").status, 200);
  // Raise only once the server has installed its handler (otherwise SIGTERM ends the test).
  ASSERT_TRUE(wait_until([] {
    struct sigaction now {};
    sigaction(SIGTERM, nullptr, &now);
    return now.sa_handler != SIG_DFL;
  }));
  std::raise(SIGTERM);
  EXPECT_TRUE(server.stop_and_join());
  struct sigaction after {};
  sigaction(SIGTERM, nullptr, &after);
  EXPECT_EQ(after.sa_handler, SIG_DFL) << "the default disposition is restored";
}

TEST(net_lifecycle, two_servers_in_one_process_are_independent) {
  stub_handler first_handler, second_handler;
  running_server first(test_server_options(), first_handler);
  auto options = test_server_options();
  options.client_ca_file = hubgate::test::test_tls().ca_certificate.string();
  running_server second(options, second_handler);
  ASSERT_NE(first.port(), second.port());

  hubgate::client::https_client client(client_options(first.port()));
  EXPECT_EQ(client.request("GET", "/x").status, 200);
  EXPECT_TRUE(second.stop_and_join());
  EXPECT_EQ(client.request("GET", "/y").status, 200) << "the first keeps serving";
  EXPECT_EQ(first_handler.calls.load(), 2);
  EXPECT_EQ(second_handler.calls.load(), 0);
}

TEST(net_lifecycle, unusable_tls_files_fail_construction_with_the_file_named) {
  stub_handler handler;
  auto options = test_server_options();
  options.cert_chain_file = "/nonexistent/chain.pem";
  try {
    hubgate::net::server server(options, handler);
    FAIL() << "constructed without a certificate";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/chain.pem"), std::string::npos) << e.what();
  }
}

TEST(net_lifecycle, busy_port_fails_construction) {
  stub_handler handler;
  running_server first(test_server_options(), handler);
  auto options = test_server_options();
  options.port = first.port();
  EXPECT_THROW(hubgate::net::server(options, handler), std::runtime_error);
}

}  // namespace

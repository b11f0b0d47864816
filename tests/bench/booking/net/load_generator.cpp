// hubgate-load: N concurrent keep-alive TLS connections replaying a file of requests, for a
// duration or a count; prints throughput and latency percentiles as one JSON object.
#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <cstdio>
#include <thread>

#include "tests/bench/booking/net/latency_report.hpp"
#include "tests/bench/booking/net/load_options.hpp"

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using clock_type = std::chrono::steady_clock;
using hubgate::bench::connection_tally;
using hubgate::bench::load_options;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
constexpr int max_consecutive_connect_failures = 50;

struct run_state {
  const load_options& options;
  asio::ssl::context& tls;
  const std::vector<http::request<http::string_body>>& messages;
  clock_type::time_point deadline;
  std::atomic<std::int64_t> remaining;  // count mode only

  bool claim_one() {
    if (options.total_requests) return remaining.fetch_sub(1) > 0;
    return clock_type::now() < deadline;
  }
};

std::vector<http::request<http::string_body>> build_messages(const load_options& options) {
  std::vector<http::request<http::string_body>> messages;
  for (const auto& r : options.requests) {
    http::request<http::string_body> m;
    m.version(11);
    m.method_string(r.method);
    m.target(r.target);
    m.set(http::field::host, options.server_name);
    if (!options.bearer_token.empty())
      m.set(http::field::authorization, "Bearer " + options.bearer_token);
    for (const auto& [name, value] : r.headers) m.set(name, value);
    if (!r.body.empty() && m[http::field::content_type].empty())
      m.set(http::field::content_type, "application/json");
    m.body() = r.body;
    m.keep_alive(true);
    m.prepare_payload();
    messages.push_back(std::move(m));
  }
  return messages;
}

// Parameters are references and integers only: g++ 12 may destroy temporaries passed to a
// coroutine twice.
asio::awaitable<void> drive(run_state& run, connection_tally& tally, std::size_t index) {
  auto executor = co_await asio::this_coro::executor;
  tcp::resolver resolver(executor);
  const std::string service = std::to_string(run.options.port);
  auto [resolve_ec, endpoints] =
      co_await resolver.async_resolve(run.options.host, service, use_tuple);
  if (resolve_ec) {
    ++tally.errors;
    co_return;
  }
  // Each connection starts elsewhere in the (pre-shuffled) list: no single hot URL.
  std::size_t next = (index * run.messages.size()) / run.options.connections;
  int connect_failures = 0;
  bool claimed = run.claim_one();
  while (claimed) {
    beast::ssl_stream<beast::tcp_stream> stream(executor, run.tls);
    if (!run.options.insecure)
      SSL_set_tlsext_host_name(stream.native_handle(), run.options.server_name.c_str());
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(30));
    auto [connect_ec, endpoint] =
        co_await beast::get_lowest_layer(stream).async_connect(endpoints, use_tuple);
    if (!connect_ec)
      std::tie(connect_ec) =
          co_await stream.async_handshake(asio::ssl::stream_base::client, use_tuple);
    if (connect_ec) {
      ++tally.errors;
      if (++connect_failures >= max_consecutive_connect_failures) co_return;
      continue;
    }
    connect_failures = 0;
    ++tally.connects;
    beast::flat_buffer buffer;
    while (claimed) {
      const auto& message = run.messages[next];
      next = (next + 1) % run.messages.size();
      const auto started = clock_type::now();
      beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(30));
      auto [write_ec, written] = co_await http::async_write(stream, message, use_tuple);
      http::response_parser<http::string_body> parser;
      parser.body_limit(boost::none);
      parser.skip(message.method() == http::verb::head);
      boost::system::error_code read_ec = write_ec;
      if (!write_ec)
        std::tie(read_ec, written) = co_await http::async_read(stream, buffer, parser, use_tuple);
      if (read_ec) {
        ++tally.errors;
        break;  // reconnect; the claimed request is retried on the new connection
      }
      const auto micros =
          std::chrono::duration_cast<std::chrono::microseconds>(clock_type::now() - started);
      tally.latency_us.push_back(static_cast<std::uint32_t>(micros.count()));
      ++tally.statuses[static_cast<int>(parser.get().result_int())];
      claimed = run.claim_one();
      if (!parser.get().keep_alive()) break;
    }
    boost::system::error_code ignored;
    beast::get_lowest_layer(stream).socket().close(ignored);
  }
}

}  // namespace

int main(int argc, char** argv) {
  auto parsed = hubgate::bench::parse_load_options(argc, argv);
  if (!parsed) return 2;
  const load_options& options = *parsed;

  asio::ssl::context tls(asio::ssl::context::tls_client);
  SSL_CTX_set_min_proto_version(tls.native_handle(), TLS1_2_VERSION);
  if (options.insecure) {
    tls.set_verify_mode(asio::ssl::verify_none);
  } else {
    boost::system::error_code ec;
    tls.load_verify_file(options.ca_file, ec);
    if (ec) {
      std::fprintf(stderr, "hubgate-load: cannot load CA %s: %s\n", options.ca_file.c_str(),
                   ec.message().c_str());
      return 2;
    }
    tls.set_verify_mode(asio::ssl::verify_peer);
    tls.set_verify_callback(asio::ssl::host_name_verification(options.server_name));
  }

  const auto messages = build_messages(options);
  asio::io_context io;
  run_state run{
      options, tls, messages, {}, static_cast<std::int64_t>(options.total_requests.value_or(0))};
  std::vector<connection_tally> tallies(options.connections);
  for (auto& t : tallies) t.latency_us.reserve(4096);

  const auto started = clock_type::now();
  run.deadline = started + options.duration;
  for (std::size_t i = 0; i < options.connections; ++i)
    asio::co_spawn(asio::make_strand(io), drive(run, tallies[i], i), asio::detached);

  std::size_t threads =
      options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (std::size_t i = 1; i < threads; ++i) pool.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& t : pool) t.join();
  const std::chrono::duration<double> elapsed = clock_type::now() - started;

  std::puts(hubgate::bench::latency_report_json(tallies, elapsed).c_str());
  return 0;
}

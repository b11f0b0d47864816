// hubgate-bench-baseline-http: the smallest Beast keep-alive TLS server answering a fixed JSON
// body. What hubgate-load measures against it is the ceiling for the service's read path.
//   hubgate-bench-baseline-http --data-dir DIR [--port N] [--threads N]
// Prints {"port":N} once listening; stops on SIGINT/SIGTERM.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <charconv>
#include <cstdio>
#include <memory>
#include <string_view>
#include <thread>
#include <vector>

#include "booking/pki/tls_material.hpp"

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

using tls_stream = beast::ssl_stream<beast::tcp_stream>;

// Takes ownership of `raw`: a plain pointer because g++ 12 mishandles non-trivial coroutine
// arguments, and a reference to the acceptor's local would dangle.
asio::awaitable<void> serve(tls_stream* raw) {
  std::unique_ptr<tls_stream> owner(raw);
  tls_stream& stream = *owner;
  beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(30));
  if (auto [ec] = co_await stream.async_handshake(asio::ssl::stream_base::server, use_tuple); ec)
    co_return;
  beast::flat_buffer buffer;
  for (;;) {
    http::request<http::string_body> request;
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(60));
    auto [ec, n] = co_await http::async_read(stream, buffer, request, use_tuple);
    if (ec) break;
    http::response<http::string_body> response{http::status::ok, 11};
    response.set(http::field::content_type, "application/json");
    response.set(http::field::server, "baseline");
    response.body() = R"({"status":"ok"})";
    response.keep_alive(request.keep_alive());
    response.prepare_payload();
    std::tie(ec, n) = co_await http::async_write(stream, response, use_tuple);
    if (ec || !response.keep_alive()) break;
  }
  boost::system::error_code ignored;
  beast::get_lowest_layer(stream).socket().close(ignored);
}

asio::awaitable<void> accept(tcp::acceptor& acceptor, asio::ssl::context& tls) {
  for (;;) {
    auto connection_strand = asio::make_strand(acceptor.get_executor());
    auto [ec, socket] = co_await acceptor.async_accept(connection_strand, use_tuple);
    if (ec) co_return;
    auto* stream = new tls_stream(std::move(socket), tls);
    asio::co_spawn(stream->get_executor(), serve(stream), asio::detached);
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string data_dir;
  unsigned port = 0, threads = std::max(1u, std::thread::hardware_concurrency());
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view arg = argv[i], value = argv[i + 1];
    if (arg == "--data-dir")
      data_dir = value;
    else if (arg == "--port")
      std::from_chars(value.data(), value.data() + value.size(), port);
    else if (arg == "--threads")
      std::from_chars(value.data(), value.data() + value.size(), threads);
  }
  if (data_dir.empty() || threads == 0) {
    std::fputs("usage: hubgate-bench-baseline-http --data-dir DIR [--port N] [--threads N]\n",
               stderr);
    return 2;
  }
  auto material = hubgate::pki::ensure_server_tls(data_dir);
  if (!material) {
    std::fprintf(stderr, "TLS material: %s\n", material.error().message().c_str());
    return 1;
  }
  asio::ssl::context tls(asio::ssl::context::tls_server);
  SSL_CTX_set_min_proto_version(tls.native_handle(), TLS1_2_VERSION);
  tls.use_certificate_chain_file(material->certificate_chain.string());
  tls.use_private_key_file(material->private_key.string(), asio::ssl::context::pem);

  asio::io_context io;
  tcp::acceptor acceptor(io,
                         {asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)});
  std::printf("{\"port\":%u}\n", acceptor.local_endpoint().port());
  std::fflush(stdout);
  asio::co_spawn(io, accept(acceptor, tls), asio::detached);
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&io](auto, int) { io.stop(); });

  std::vector<std::thread> pool;
  for (unsigned i = 1; i < threads; ++i) pool.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& t : pool) t.join();
  return 0;
}

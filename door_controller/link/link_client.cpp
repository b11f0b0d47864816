// The one translation unit of the door controller that includes Asio and Beast.
#include "door_controller/link/link_client.hpp"

#include <openssl/ssl.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <chrono>
#include <deque>
#include <mutex>
#include <random>
#include <thread>

#include "protocol/backoff/backoff.hpp"

namespace hubgate::door {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
constexpr std::string_view stream_target = "/api/v1/controllers/stream";

using ws_stream = websocket::stream<beast::ssl_stream<beast::tcp_stream>>;

// One attempt's socket and everything that must outlive the coroutines using it.
struct connection {
  connection(asio::io_context& io, asio::ssl::context context)
      : tls(std::move(context)), ws(io, tls), ping_timer(io) {}
  asio::ssl::context tls;  // outlives the stream: it owns the verify callback
  ws_stream ws;
  asio::steady_timer ping_timer;
  std::chrono::steady_clock::time_point last_heard = std::chrono::steady_clock::now();
  bool closed = false;

  void close() {
    if (closed) return;
    closed = true;
    boost::system::error_code ignored;
    beast::get_lowest_layer(ws).socket().shutdown(tcp::socket::shutdown_both, ignored);
    beast::get_lowest_layer(ws).close();
  }
};

std::string describe(std::string_view step, const boost::system::error_code& ec) {
  return std::string(step) + ": " + ec.message();
}

}  // namespace

// All members below the mutex are touched only on the link thread.
class link_client::impl : public std::enable_shared_from_this<impl> {
 public:
  explicit impl(link_options options) : options_(std::move(options)) {
    if (options_.server_name.empty()) options_.server_name = options_.host;
  }

  void start(sink on_input) {
    sink_ = std::move(on_input);
    auto self = shared_from_this();
    asio::co_spawn(io_, run(self), asio::detached);
    thread_ = std::thread([this] { io_.run(); });
  }

  void stop() {
    if (!thread_.joinable()) return;
    asio::post(io_, [this] {
      stopping_ = true;
      if (attempt_) attempt_->close();
      resolver_.cancel();
      backoff_timer_.cancel();
    });
    thread_.join();
  }

  void set_hello(const protocol::hello_message& hello) {
    std::lock_guard lock(mutex_);
    hello_ = hello;
  }

  void send(std::string frame) {
    asio::post(io_, [this, frame = std::move(frame)]() mutable {
      if (!live_ || stopping_) return;
      outbox_.push_back(std::move(frame));
      pump_writes();
    });
  }

 private:
  static asio::awaitable<void> run(std::shared_ptr<impl> self) {
    std::random_device seed;
    hubgate::backoff backoff(self->options_.backoff_min, self->options_.backoff_max,
                             (std::uint64_t{seed()} << 32) | seed());
    while (!self->stopping_) {
      const bool worked = co_await self->connect_and_serve();
      if (self->stopping_) break;
      if (worked) backoff.reset();
      self->backoff_timer_.expires_after(backoff.next());
      co_await self->backoff_timer_.async_wait(use_tuple);
    }
  }

  std::optional<std::string> make_tls(asio::ssl::context& tls) {
    boost::system::error_code ec;
    SSL_CTX_set_min_proto_version(tls.native_handle(), TLS1_2_VERSION);
    tls.load_verify_file(options_.ca_file.string(), ec);
    if (ec) return describe("ca_file", ec);
    tls.use_certificate_chain_file(options_.cert_file.string(), ec);
    if (ec) return describe("cert_file", ec);
    tls.use_private_key_file(options_.key_file.string(), asio::ssl::context::pem, ec);
    if (ec) return describe("key_file", ec);
    tls.set_verify_mode(asio::ssl::verify_peer, ec);
    tls.set_verify_callback(asio::ssl::host_name_verification(options_.server_name), ec);
    if (ec) return describe("verify", ec);
    return std::nullopt;
  }

  // One connection from resolve to close; true when the WebSocket came up.
  asio::awaitable<bool> connect_and_serve() {
    asio::ssl::context tls(asio::ssl::context::tls_client);
    if (auto problem = make_tls(tls)) {
      report_down(*problem);
      co_return false;
    }
    auto conn = std::make_shared<connection>(io_, std::move(tls));
    attempt_ = conn;
    const auto port = std::to_string(options_.port);
    auto [rec, endpoints] = co_await resolver_.async_resolve(options_.host, port, use_tuple);
    if (rec || stopping_) co_return fail(conn, describe("resolve", rec));

    auto& tcp_layer = beast::get_lowest_layer(conn->ws);
    tcp_layer.expires_after(options_.connect_timeout);
    auto [cec, ep] = co_await tcp_layer.async_connect(endpoints, use_tuple);
    if (cec || stopping_) co_return fail(conn, describe("connect", cec));
    boost::system::error_code nodelay;  // frames are written whole: no Nagle delay for them
    tcp_layer.socket().set_option(asio::ip::tcp::no_delay(true), nodelay);
    boost::system::error_code not_ip;
    asio::ip::make_address(options_.server_name, not_ip);
    if (not_ip)  // SNI carries host names only
      SSL_set_tlsext_host_name(conn->ws.next_layer().native_handle(), options_.server_name.c_str());
    auto [hec] =
        co_await conn->ws.next_layer().async_handshake(asio::ssl::stream_base::client, use_tuple);
    if (hec || stopping_) co_return fail(conn, describe("tls", hec));

    tcp_layer.expires_never();
    websocket::stream_base::timeout timeouts{};
    timeouts.handshake_timeout = options_.connect_timeout;
    timeouts.idle_timeout = websocket::stream_base::none();
    timeouts.keep_alive_pings = false;
    conn->ws.set_option(timeouts);
    conn->ws.read_message_max(protocol::max_stream_message_bytes);
    conn->ws.text(true);
    std::weak_ptr<connection> weak = conn;
    conn->ws.control_callback([this, weak](websocket::frame_type kind, beast::string_view) {
      auto c = weak.lock();
      if (!c) return;
      c->last_heard = std::chrono::steady_clock::now();
      if (kind == websocket::frame_type::ping)
        sink_({link_input::kind::heartbeat, "ping"});
      else if (kind == websocket::frame_type::pong)
        sink_({link_input::kind::heartbeat, "pong"});
    });
    const std::string host = options_.server_name + ":" + port;
    auto [wec] = co_await conn->ws.async_handshake(host, stream_target, use_tuple);
    if (wec || stopping_) co_return fail(conn, describe("websocket", wec));

    conn->last_heard = std::chrono::steady_clock::now();
    live_ = conn;
    outbox_.clear();
    outbox_.push_back(hello_frame());
    pump_writes();
    sink_({link_input::kind::connected, {}});
    auto pinger = conn;
    asio::co_spawn(io_, heartbeat(pinger), asio::detached);

    std::string why = co_await read_frames(*conn);
    live_.reset();
    outbox_.clear();
    conn->ping_timer.cancel();
    conn->close();
    attempt_.reset();
    report_down(why);
    co_return true;
  }

  asio::awaitable<std::string> read_frames(connection& conn) {
    beast::flat_buffer buffer;
    for (;;) {
      auto [ec, n] = co_await conn.ws.async_read(buffer, use_tuple);
      if (ec) {
        if (conn.closed && !stopping_) co_return "no frame or pong within dead_after";
        if (ec == websocket::error::closed)
          co_return "closed by the service: " + std::string(conn.ws.reason().reason.c_str());
        co_return describe("read", ec);
      }
      conn.last_heard = std::chrono::steady_clock::now();
      if (!conn.ws.got_text()) {
        buffer.consume(n);
        continue;
      }
      sink_({link_input::kind::message, beast::buffers_to_string(buffer.data())});
      buffer.consume(n);
    }
  }

  // Pings every ping_interval; a connection silent for dead_after is half-open: close it.
  asio::awaitable<void> heartbeat(std::shared_ptr<connection> conn) {
    while (!conn->closed && live_ == conn) {
      conn->ping_timer.expires_after(options_.ping_interval);
      co_await conn->ping_timer.async_wait(use_tuple);
      if (conn->closed || live_ != conn) co_return;
      if (std::chrono::steady_clock::now() - conn->last_heard >= options_.dead_after) {
        conn->close();
        co_return;
      }
      websocket::ping_data payload;
      auto [ec] = co_await conn->ws.async_ping(payload, use_tuple);
      if (ec) co_return;
    }
  }

  void pump_writes() {
    if (writing_ || !live_ || outbox_.empty()) return;
    writing_ = true;
    auto conn = live_;
    asio::co_spawn(io_, write_frames(conn), asio::detached);
  }

  asio::awaitable<void> write_frames(std::shared_ptr<connection> conn) {
    while (live_ == conn && !outbox_.empty()) {
      const std::string frame = std::move(outbox_.front());
      outbox_.pop_front();
      auto [ec, n] = co_await conn->ws.async_write(asio::buffer(frame), use_tuple);
      if (ec) {
        conn->close();
        break;
      }
    }
    writing_ = false;
    // Frames queued for a newer connection while this one was still writing.
    if (live_ && live_ != conn) pump_writes();
  }

  std::string hello_frame() {
    protocol::hello_message hello;
    {
      std::lock_guard lock(mutex_);
      hello = hello_;
    }
    hello.clock_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    return protocol::serialize(hello);
  }

  bool fail(const std::shared_ptr<connection>& conn, std::string why) {
    conn->close();
    attempt_.reset();
    report_down(stopping_ ? "stopping" : why);
    return false;
  }

  void report_down(std::string why) { sink_({link_input::kind::disconnected, std::move(why)}); }

  link_options options_;
  asio::io_context io_;
  tcp::resolver resolver_{io_};
  asio::steady_timer backoff_timer_{io_};
  std::thread thread_;
  sink sink_;

  std::mutex mutex_;
  protocol::hello_message hello_;

  bool stopping_ = false;
  std::shared_ptr<connection> attempt_;
  std::shared_ptr<connection> live_;
  std::deque<std::string> outbox_;
  bool writing_ = false;
};

link_client::link_client(link_options options)
    : impl_(std::make_shared<impl>(std::move(options))) {}

link_client::~link_client() {
  stop();
}

void link_client::start(sink on_input) {
  impl_->start(std::move(on_input));
}
void link_client::stop() {
  impl_->stop();
}
void link_client::set_hello(const protocol::hello_message& hello) {
  impl_->set_hello(hello);
}
void link_client::send(std::string frame) {
  impl_->send(std::move(frame));
}

}  // namespace hubgate::door

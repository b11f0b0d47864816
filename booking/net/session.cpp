// One connection: TLS handshake, then HTTP/1.1 requests read with limits and deadlines,
// each handed to the api handler on the worker pool and answered on the connection's strand.
#include "booking/net/session.hpp"

#include <openssl/ssl.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <chrono>
#include <exception>

#include "booking/net/http_conventions.hpp"
#include "booking/net/http_translation.hpp"
#include "booking/net/ws_session.hpp"
#include "booking/pki/tls_material.hpp"
#include "protocol/log/log.hpp"

namespace hubgate::net::detail {
// Our message types; `http` below names Beast's.
using hubgate::http::http_request;
using hubgate::http::http_response;
using hubgate::http::reply_fn;
using hubgate::http::websocket_handler;
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

// After an error response the peer may still be sending (an oversized body): we read and
// discard for a while so it sees our response instead of a reset.
constexpr auto lingering_time = std::chrono::seconds(5);
constexpr std::size_t lingering_bytes = 16 * 1024 * 1024;
constexpr auto tls_shutdown_time = std::chrono::seconds(1);
// The request handler's "yes, upgrade" to a WebSocket upgrade request.
constexpr int switching_protocols = 101;

// Never lets an exception escape into the I/O threads or the worker pool: a throwing handler
// is a bug, answered with a 500 and logged with the request id.
template <class Call>
auto guarded(const http_request& request, Call&& call) -> decltype(call()) {
  try {
    return call();
  } catch (const std::exception& e) {
    log::write(log::level::error, "handler_exception",
               {{"what", e.what()}, {"request_id", request.request_id}});
  } catch (...) {
    log::write(log::level::error, "handler_exception", {{"request_id", request.request_id}});
  }
  return problem_response(500, "internal_error", "Internal Server Error");
}

class session final : public connection, public std::enable_shared_from_this<session> {
 public:
  session(std::shared_ptr<server_state> state, tcp::socket socket)
      : state_(std::move(state)), tls_(state_->current_tls()), stream_(std::move(socket), *tls_) {
    boost::system::error_code ec;
    auto& tcp_socket = beast::get_lowest_layer(stream_).socket();
    const auto endpoint = tcp_socket.remote_endpoint(ec);
    if (!ec) remote_ = endpoint.address().to_string();
    // A response or frame is written whole: Nagle would hold its last partial segment until
    // the peer's delayed ACK (up to 40 ms) for nothing.
    tcp_socket.set_option(tcp::no_delay(true), ec);
  }

  ~session() override { state_->remove_connection(id_); }

  void start() {
    id_ = state_->add_connection(weak_from_this());
    asio::co_spawn(stream_.get_executor(), run(shared_from_this()), asio::detached);
  }

  void close_if_idle() override {
    asio::post(stream_.get_executor(), [weak = weak_from_this()] {
      auto self = weak.lock();
      if (!self) return;
      if (self->ws_)
        self->ws_->close();
      else if (self->idle_)
        beast::get_lowest_layer(self->stream_).cancel();
    });
  }

 private:
  enum class read_outcome { request, closed, error_response_sent };

  static asio::awaitable<void> run(std::shared_ptr<session> self) {
    try {
      co_await self->serve();
    } catch (const std::exception& e) {
      log::write(log::level::error, "session_exception",
                 {{"what", e.what()}, {"remote", self->remote_}});
    }
  }

  asio::awaitable<void> serve() {
    auto& lowest = beast::get_lowest_layer(stream_);
    lowest.expires_after(state_->options.header_timeout);
    if (auto [ec] = co_await stream_.async_handshake(asio::ssl::stream_base::server, use_tuple);
        ec) {
      log::write(log::level::debug, "tls_handshake_failed",
                 {{"remote", remote_}, {"error", ec.message()}});
      co_return;
    }
    client_cert_sha256_ = peer_certificate_sha256();
    if (const auto& check = state_->options.client_cert_check) {
      // Refused peers (revoked controllers) get nothing after the handshake, not even a 403.
      const std::string sha = client_cert_sha256_.value_or("");
      if (!check(sha)) {
        log::write(log::level::info, "client_certificate_refused", {{"remote", remote_}});
        lowest.close();
        co_return;
      }
    }

    bool first = true;
    for (;;) {
      if (state_->stopping) break;
      if (!co_await wait_for_request_start(first)) co_return;
      first = false;

      const auto started = std::chrono::steady_clock::now();
      http::request_parser<http::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(state_->options.header_limit));
      parser.body_limit(state_->options.body_limit);
      const auto outcome = co_await read_request(parser);
      if (outcome == read_outcome::closed) co_return;
      if (outcome == read_outcome::error_response_sent) break;

      const bool keep_alive = parser.get().keep_alive();
      const bool upgrade = beast::websocket::is_upgrade(parser.get());
      auto request = std::make_shared<const http_request>(
          to_api_request(parser.get(), remote_, client_cert_sha256_));
      http_response response;
      if (upgrade) {
        const auto& endpoints = state_->options.websocket_endpoints;
        const auto found = endpoints.find(path_of(request->target));
        if (found == endpoints.end() || found->second == nullptr) {
          response = problem_response(404, "not_found", "Not Found", "no WebSocket endpoint here");
        } else if (state_->options.websocket_upgrades_through_handler) {
          response = co_await call_handler(request);
        } else {
          response.status = switching_protocols;
        }
        if (response.status == switching_protocols) {
          co_await serve_websocket(parser, request, found->second);
          co_return;
        }
      } else {
        response = co_await call_handler(request);
      }
      const bool again = keep_alive && !state_->stopping;
      const auto bytes = co_await write_response(*request, response, again, started);
      if (!bytes || !again) break;
    }
    co_await close_gracefully();
  }

  // The connection becomes a WebSocket connection until it ends (ws_session.cpp).
  asio::awaitable<void> serve_websocket(http::request_parser<http::string_body>& parser,
                                        const std::shared_ptr<const http_request>& request,
                                        websocket_handler* handler) {
    auto upgrade = parser.release();
    auto connection = std::make_shared<ws_connection>(state_, stream_, shared_from_this(), remote_,
                                                      client_cert_sha256_);
    ws_ = connection;
    auto shared_request = request;
    co_await ws_connection::run(connection, buffer_, upgrade, shared_request, handler);
    ws_.reset();  // breaks the session <-> connection cycle; the peer keeps us while held
  }

  // Waits until the first bytes of the next request are buffered. The first request gets the
  // header deadline (a connection must be useful quickly), later ones the idle keep-alive one.
  asio::awaitable<bool> wait_for_request_start(bool first) {
    if (buffer_.size() > 0) co_return true;
    idle_ = true;
    beast::get_lowest_layer(stream_).expires_after(first ? state_->options.header_timeout
                                                         : state_->options.idle_timeout);
    auto [ec, n] = co_await stream_.async_read_some(buffer_.prepare(4096), use_tuple);
    idle_ = false;
    if (ec) {
      // Idle timeout or server stop: say goodbye properly. A peer that left needs nothing.
      if (ec == beast::error::timeout || ec == asio::error::operation_aborted)
        co_await close_gracefully();
      co_return false;
    }
    buffer_.commit(n);
    co_return true;
  }

  asio::awaitable<read_outcome> read_request(http::request_parser<http::string_body>& parser) {
    auto& lowest = beast::get_lowest_layer(stream_);
    lowest.expires_after(state_->options.header_timeout);
    auto [ec, n] = co_await http::async_read_header(stream_, buffer_, parser, use_tuple);
    if (!ec && !parser.is_done()) {
      if (beast::iequals(parser.get()[http::field::expect], "100-continue")) {
        http::response<http::empty_body> go_on{http::status::continue_, 11};
        auto [wec, wn] = co_await http::async_write(stream_, go_on, use_tuple);
        if (wec) co_return read_outcome::closed;
      }
      lowest.expires_after(state_->options.body_timeout);
      std::tie(ec, n) = co_await http::async_read(stream_, buffer_, parser, use_tuple);
    }
    if (!ec) co_return read_outcome::request;

    http_response problem;
    if (ec == http::error::header_limit) {
      problem = problem_response(431, "header_too_large", "Request Header Fields Too Large");
    } else if (ec == http::error::body_limit) {
      problem = problem_response(413, "payload_too_large", "Payload Too Large");
    } else if (ec == beast::error::timeout) {
      log::write(log::level::debug, "request_timeout", {{"remote", remote_}});
      co_return read_outcome::closed;
    } else if (ec.category() == http::make_error_code(http::error::bad_method).category() &&
               ec != http::error::end_of_stream && ec != http::error::partial_message) {
      problem = problem_response(400, "bad_request", "Bad Request", "malformed HTTP request");
    } else {
      co_return read_outcome::closed;  // the peer went away mid-request
    }
    co_await send_error(problem);
    co_return read_outcome::error_response_sent;
  }

  // Coroutine parameters here are references to the caller's locals, never temporaries:
  // g++ 12 may destroy a temporary in a co_await expression twice.
  asio::awaitable<http_response> call_handler(const std::shared_ptr<const http_request>& request) {
    // What the handler can answer from memory costs less than a thread hand-off: answered here.
    auto& handler = state_->handler;
    if (auto now = guarded(*request, [&] { return handler.answer_now(*request); }))
      co_return std::move(*now);
    auto state = state_;
    auto initiation = [state, request](auto completion) {
      // Whichever thread replies, the coroutine resumes on this connection's strand (the
      // completion's executor); a second reply (a handler bug) is dropped there.
      auto executor = asio::get_associated_executor(completion);
      auto slot = std::make_shared<std::optional<decltype(completion)>>(std::move(completion));
      reply_fn reply = [slot, executor](http_response response) {
        asio::post(executor, [slot, response = std::move(response)]() mutable {
          if (!*slot) return;
          auto resume = std::move(**slot);
          slot->reset();
          std::move(resume)(std::move(response));
        });
      };
      // A write that waits only for the store's writer is replied to from there...
      bool taken = true;
      try {
        taken = state->handler.answer_later(*request, reply);
      } catch (...) {
        log::write(log::level::error, "handler_exception", {{"request_id", request->request_id}});
        reply(problem_response(500, "internal_error", "Internal Server Error"));
      }
      if (taken) return;
      // ...anything else may block on the store: it runs on the worker pool.
      asio::post(state->workers, [state, request, reply] {
        reply(guarded(*request, [&] { return state->handler.handle(*request); }));
      });
    };
    auto response =
        co_await asio::async_initiate<decltype(asio::use_awaitable), void(http_response)>(
            std::move(initiation), asio::use_awaitable);
    co_return response;
  }

  // Returns the body bytes written, or nullopt when the write failed.
  asio::awaitable<std::optional<std::size_t>> write_response(
      const http_request& request, http_response& response, bool keep_alive,
      std::chrono::steady_clock::time_point started) {
    auto message =
        to_beast_response(request, std::move(response), keep_alive, state_->options.server_name);
    const auto status = message.result_int();
    const auto bytes = message.body().size();
    beast::get_lowest_layer(stream_).expires_after(state_->options.body_timeout);
    auto [ec, n] = co_await http::async_write(stream_, message, use_tuple);
    if (log::enabled(log::level::debug)) {
      const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                              std::chrono::steady_clock::now() - started)
                              .count();
      log::write(log::level::debug, "http_request",
                 {{"method", request.method},
                  {"path", loggable_path(request.target)},
                  {"status", status},
                  {"bytes", bytes},
                  {"duration_us", micros},
                  {"request_id", request.request_id},
                  {"remote", remote_},
                  {"write_ok", !ec}});
    }
    if (ec) co_return std::nullopt;
    co_return bytes;
  }

  asio::awaitable<void> send_error(http_response& response) {
    http_request request;  // nothing parsed: id and log fields come from the connection
    request.method = "-";
    request.target = "-";
    request.request_id = make_request_id();
    response.set_header("connection", "close");
    const auto started = std::chrono::steady_clock::now();
    const auto ok = co_await write_response(request, response, false, started);
    if (ok) co_await linger();
  }

  asio::awaitable<void> linger() {
    auto& lowest = beast::get_lowest_layer(stream_);
    lowest.expires_after(lingering_time);
    std::size_t discarded = 0;
    while (discarded < lingering_bytes) {
      buffer_.consume(buffer_.size());
      auto [ec, n] = co_await stream_.async_read_some(buffer_.prepare(64 * 1024), use_tuple);
      if (ec) break;
      discarded += n;
    }
    buffer_.consume(buffer_.size());
  }

  asio::awaitable<void> close_gracefully() {
    auto& lowest = beast::get_lowest_layer(stream_);
    lowest.expires_after(tls_shutdown_time);
    co_await stream_.async_shutdown(use_tuple);
    lowest.close();
  }

  std::optional<std::string> peer_certificate_sha256() {
    X509* cert = SSL_get0_peer_certificate(stream_.native_handle());
    if (cert == nullptr) return std::nullopt;
    unsigned char* der = nullptr;
    const int length = i2d_X509(cert, &der);
    if (length <= 0) return std::nullopt;
    auto hex = pki::sha256_hex(
        std::string_view(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length)));
    OPENSSL_free(der);
    return hex;
  }

  std::shared_ptr<server_state> state_;
  std::shared_ptr<boost::asio::ssl::context> tls_;  // outlives stream_, which refers to it
  beast::ssl_stream<beast::tcp_stream> stream_;
  beast::flat_buffer buffer_;
  std::string remote_;
  std::optional<std::string> client_cert_sha256_;
  std::uint64_t id_ = 0;
  bool idle_ = true;                   // only touched on the strand
  std::shared_ptr<ws_connection> ws_;  // while upgraded; only touched on the strand
};

}  // namespace

void start_session(std::shared_ptr<server_state> state, tcp::socket socket) {
  std::make_shared<session>(std::move(state), std::move(socket))->start();
}

}  // namespace hubgate::net::detail

// One WebSocket connection of the server, upgraded from an HTTP session on the same TLS stream:
// a read loop handing text frames to the http::websocket_handler on the worker pool, one write
// queue, pings and a dead-peer deadline. Internal to booking/net.
#pragma once
#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <chrono>
#include <cstddef>
#include <deque>
#include <memory>
#include <optional>
#include <string>

#include "booking/http/websocket_handler.hpp"
#include "booking/net/server_state.hpp"

namespace hubgate::net::detail {

using tls_stream = boost::beast::ssl_stream<boost::beast::tcp_stream>;

class ws_connection final : public http::ws_peer,
                            public std::enable_shared_from_this<ws_connection> {
 public:
  // `stream` belongs to `owner` (the HTTP session), which this object keeps alive.
  ws_connection(std::shared_ptr<server_state> state, tls_stream& stream,
                std::shared_ptr<void> owner, std::string remote,
                std::optional<std::string> client_cert_sha256);

  // Accepts the upgrade and serves until the connection ends; on_close has run when it
  // returns. Call once, on the connection's strand; the arguments are the caller's locals.
  static boost::asio::awaitable<void> run(
      const std::shared_ptr<ws_connection>& self, boost::beast::flat_buffer& buffer,
      boost::beast::http::request<boost::beast::http::string_body>& upgrade,
      const std::shared_ptr<const http::http_request>& request, http::websocket_handler* handler);

  void send(std::string text) override;
  void close() override;
  const std::string& remote_address() const override { return remote_; }
  const std::optional<std::string>& client_cert_sha256() const override { return cert_; }

 private:
  struct frame {
    enum class kind { text, ping, close } what = kind::text;
    std::string text;
  };
  void configure_stream();  // timeouts, liveness, limits and headers, before the accept
  static boost::asio::awaitable<void> read_frames(const std::shared_ptr<ws_connection>& self,
                                                  const std::shared_ptr<http::ws_peer>& peer,
                                                  http::websocket_handler* handler, bool opened);
  void end_transport();   // after the last frame: stops the pings and closes the socket
  void enqueue(frame f);  // on the strand
  static boost::asio::awaitable<void> write_loop(std::shared_ptr<ws_connection> self);
  static boost::asio::awaitable<void> ping_loop(std::shared_ptr<ws_connection> self);
  void drop();  // hard close of the TCP connection, on the strand

  std::shared_ptr<server_state> state_;
  boost::beast::websocket::stream<tls_stream&> ws_;
  std::shared_ptr<void> owner_;
  std::string remote_;
  std::optional<std::string> cert_;
  boost::asio::steady_timer ping_timer_;
  // Touched only on the strand:
  // Any frame from the peer, pongs and pings included (Beast's own idle timeout counts only
  // data messages when it does not send the pings itself, so it is not used).
  std::chrono::steady_clock::time_point last_heard_ = std::chrono::steady_clock::now();
  std::deque<frame> queue_;
  std::size_t queued_bytes_ = 0;
  bool writing_ = false;
  bool open_ = false;     // accepted and not yet ended
  bool closing_ = false;  // a close frame is queued or sent
  std::atomic<bool> ended_{false};
};

}  // namespace hubgate::net::detail

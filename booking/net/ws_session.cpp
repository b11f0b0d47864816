#include "booking/net/ws_session.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <exception>
#include <functional>

#include "protocol/log/log.hpp"

namespace hubgate::net::detail {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

// Runs fn() on the worker pool (the handler may block) and resumes on the caller's strand.
// A throwing handler is a bug: logged, and treated like a refusal. The arguments are the
// caller's named locals (g++ 12 may destroy temporaries in a co_await expression twice).
asio::awaitable<bool> on_workers(const std::shared_ptr<server_state>& state_ref,
                                 std::function<bool()>& fn_ref) {
  auto state = state_ref;  // NOLINT: the coroutine frame owns a copy
  auto initiation = [state, fn = std::move(fn_ref)](auto completion) mutable {
    asio::post(state->workers, [fn = std::move(fn), completion = std::move(completion)]() mutable {
      bool ok = false;
      try {
        ok = fn();
      } catch (const std::exception& e) {
        log::write(log::level::error, "websocket_handler_exception", {{"what", e.what()}});
      }
      auto executor = asio::get_associated_executor(completion);
      asio::dispatch(executor, [completion = std::move(completion), ok]() mutable {
        std::move(completion)(ok);
      });
    });
  };
  auto ok = co_await asio::async_initiate<decltype(asio::use_awaitable), void(bool)>(
      std::move(initiation), asio::use_awaitable);
  co_return ok;
}

}  // namespace

ws_connection::ws_connection(std::shared_ptr<server_state> state, tls_stream& stream,
                             std::shared_ptr<void> owner, std::string remote,
                             std::optional<std::string> client_cert_sha256)
    : state_(std::move(state)),
      ws_(stream),
      owner_(std::move(owner)),
      remote_(std::move(remote)),
      cert_(std::move(client_cert_sha256)),
      ping_timer_(stream.get_executor()) {}

void ws_connection::configure_stream() {
  const auto& o = state_->options;
  // From here on the WebSocket timeouts govern: the TCP deadline would cut idle streams.
  beast::get_lowest_layer(ws_.next_layer()).expires_never();
  websocket::stream_base::timeout timeouts{};
  timeouts.handshake_timeout = o.header_timeout;
  // Beast re-arms its idle timer only when a read of a data message starts, so with its own
  // pings off a peer that answers every ping but sends no message for idle_timeout would be
  // cut. ping_loop sends the pings through the write queue and judges liveness from any frame.
  timeouts.idle_timeout = websocket::stream_base::none();
  timeouts.keep_alive_pings = false;
  ws_.set_option(timeouts);
  std::weak_ptr<ws_connection> weak = shared_from_this();
  ws_.control_callback([weak](websocket::frame_type, beast::string_view) {
    if (auto c = weak.lock()) c->last_heard_ = std::chrono::steady_clock::now();
  });
  ws_.read_message_max(o.ws_message_limit);
  ws_.set_option(
      websocket::stream_base::decorator([server_name = o.server_name](websocket::response_type& r) {
        r.set(beast::http::field::server, server_name);
      }));
}

asio::awaitable<void> ws_connection::run(
    const std::shared_ptr<ws_connection>& self_ref, beast::flat_buffer& buffer,
    beast::http::request<beast::http::string_body>& upgrade,
    const std::shared_ptr<const http::http_request>& request_ref,
    http::websocket_handler* handler) {
  const auto self = self_ref;        // NOLINT: the coroutine frame owns a copy
  const auto request = request_ref;  // NOLINT: the coroutine frame owns a copy
  const auto state = self->state_;
  self->configure_stream();
  // A client sends frames only after our 101, so nothing it sent may sit in the HTTP buffer.
  if (buffer.size() > 0) {
    log::write(log::level::debug, "websocket_early_data", {{"remote", self->remote_}});
    self->ended_ = true;
    co_return;
  }
  auto [accept_ec] = co_await self->ws_.async_accept(upgrade, use_tuple);
  if (accept_ec) {
    log::write(log::level::debug, "websocket_accept_failed",
               {{"remote", self->remote_}, {"error", accept_ec.message()}});
    self->ended_ = true;
    co_return;
  }
  self->open_ = true;
  self->last_heard_ = std::chrono::steady_clock::now();
  auto peer = std::static_pointer_cast<http::ws_peer>(self);
  std::function<bool()> open_call = [handler, peer, request] {
    return handler->on_open(peer, *request);
  };
  const bool opened = co_await on_workers(state, open_call);
  log::write(log::level::debug, "websocket_open",
             {{"remote", self->remote_}, {"path", request->target}, {"accepted", opened}});
  if (!opened) self->close();
  asio::co_spawn(self->ping_timer_.get_executor(), ping_loop(self), asio::detached);
  co_await read_frames(self, peer, handler, opened);
  self->end_transport();
  std::function<bool()> close_call = [handler, peer] {
    handler->on_close(peer);
    return true;
  };
  co_await on_workers(state, close_call);
}

// Hands each text frame to the handler (once it accepted the connection) until the peer
// closes or the connection breaks.
asio::awaitable<void> ws_connection::read_frames(const std::shared_ptr<ws_connection>& self_ref,
                                                 const std::shared_ptr<http::ws_peer>& peer_ref,
                                                 http::websocket_handler* handler, bool opened) {
  const auto self = self_ref;  // NOLINT: the coroutine frame owns a copy
  const auto peer = peer_ref;  // NOLINT: the coroutine frame owns a copy
  const auto state = self->state_;
  beast::flat_buffer frame_buffer;
  for (;;) {
    frame_buffer.clear();
    auto [ec, n] = co_await self->ws_.async_read(frame_buffer, use_tuple);
    if (ec) {
      if (ec != websocket::error::closed)
        log::write(log::level::debug, "websocket_read_ended",
                   {{"remote", self->remote_}, {"error", ec.message()}});
      co_return;
    }
    self->last_heard_ = std::chrono::steady_clock::now();
    if (!self->ws_.got_text() || !opened) continue;  // the protocol is text frames only
    std::function<bool()> text_call =
        [handler, peer, text = beast::buffers_to_string(frame_buffer.data())]() mutable {
          handler->on_text(peer, std::move(text));
          return true;
        };
    co_await on_workers(state, text_call);
  }
}

void ws_connection::end_transport() {
  open_ = false;
  ended_ = true;
  // The queue is left to write_loop: a write in flight still reads its frame's bytes.
  boost::system::error_code ignored;
  ping_timer_.cancel();
  beast::get_lowest_layer(ws_.next_layer()).socket().close(ignored);
}

void ws_connection::send(std::string text) {
  if (ended_) return;
  asio::post(ping_timer_.get_executor(),
             [self = shared_from_this(), text = std::move(text)]() mutable {
               self->enqueue({frame::kind::text, std::move(text)});
             });
}

void ws_connection::close() {
  if (ended_) return;
  asio::post(ping_timer_.get_executor(), [self = shared_from_this()] {
    if (self->closing_) return;
    self->closing_ = true;
    self->enqueue({frame::kind::close, {}});
  });
}

void ws_connection::enqueue(frame f) {
  if (!open_ || ended_) return;
  queued_bytes_ += f.text.size();
  if (queued_bytes_ > state_->options.ws_queue_limit) {
    log::write(log::level::warn, "websocket_peer_too_slow",
               {{"remote", remote_}, {"queued_bytes", queued_bytes_}});
    drop();
    return;
  }
  queue_.push_back(std::move(f));
  if (writing_) return;
  writing_ = true;
  asio::co_spawn(ping_timer_.get_executor(), write_loop(shared_from_this()), asio::detached);
}

asio::awaitable<void> ws_connection::write_loop(std::shared_ptr<ws_connection> self) {
  while (!self->queue_.empty() && !self->ended_) {
    auto& f = self->queue_.front();
    boost::system::error_code ec;
    if (f.what == frame::kind::ping) {
      websocket::ping_data payload;
      std::tie(ec) = co_await self->ws_.async_ping(payload, use_tuple);
    } else if (f.what == frame::kind::close) {
      websocket::close_reason reason(websocket::close_code::normal);
      std::tie(ec) = co_await self->ws_.async_close(reason, use_tuple);
    } else {
      self->ws_.text(true);
      auto data = asio::buffer(f.text);
      std::size_t n = 0;
      std::tie(ec, n) = co_await self->ws_.async_write(data, use_tuple);
    }
    self->queued_bytes_ -= std::min(self->queued_bytes_, self->queue_.front().text.size());
    self->queue_.pop_front();
    if (ec) {
      self->drop();
      break;
    }
  }
  self->writing_ = false;
}

asio::awaitable<void> ws_connection::ping_loop(std::shared_ptr<ws_connection> self) {
  const auto interval = self->state_->options.ws_ping_interval;
  const auto dead_after = self->state_->options.ws_dead_after;
  while (!self->ended_) {
    self->ping_timer_.expires_after(interval);
    auto [ec] = co_await self->ping_timer_.async_wait(use_tuple);
    if (ec || self->ended_) break;
    if (std::chrono::steady_clock::now() - self->last_heard_ >= dead_after) {
      log::write(log::level::info, "websocket_peer_silent", {{"remote", self->remote_}});
      self->drop();  // half-open: nothing, not even a pong, for dead_after
      break;
    }
    if (!self->closing_) self->enqueue({frame::kind::ping, {}});
  }
}

void ws_connection::drop() {
  boost::system::error_code ignored;
  beast::get_lowest_layer(ws_.next_layer()).socket().cancel(ignored);
  beast::get_lowest_layer(ws_.next_layer())
      .socket()
      .shutdown(asio::socket_base::shutdown_both, ignored);
}

}  // namespace hubgate::net::detail

// The server object: binds the listener, runs the io threads, stops gracefully. The listener
// lives here too; connections are served by session.cpp.
#include "booking/net/server.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <stdexcept>
#include <thread>
#include <vector>

#include "booking/net/server_state.hpp"
#include "booking/net/session.hpp"
#include "booking/net/tls_context.hpp"
#include "protocol/log/log.hpp"

namespace hubgate::net {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace detail {

server_state::server_state(server_options opts, http::request_handler& h)
    : options(std::move(opts)),
      handler(h),
      workers(options.worker_threads == 0 ? 1 : options.worker_threads),
      tls_(std::make_shared<asio::ssl::context>(make_server_tls_context(options))),
      work_(asio::make_work_guard(io)) {}

std::shared_ptr<asio::ssl::context> server_state::current_tls() const {
  std::lock_guard lock(mutex_);
  return tls_;
}

void server_state::replace_tls(std::shared_ptr<asio::ssl::context> tls) {
  std::lock_guard lock(mutex_);
  tls_ = std::move(tls);
}

bool server_state::try_reserve_connection() {
  std::size_t current = open_.load();
  do {
    if (current >= options.max_connections) return false;
  } while (!open_.compare_exchange_weak(current, current + 1));
  return true;
}

std::uint64_t server_state::add_connection(std::weak_ptr<connection> c) {
  std::lock_guard lock(mutex_);
  const auto id = next_id_++;
  connections_.emplace(id, std::move(c));
  return id;
}

void server_state::remove_connection(std::uint64_t id) {
  {
    std::lock_guard lock(mutex_);
    connections_.erase(id);
  }
  open_.fetch_sub(1);
  release_io_work_if_drained();
}

void server_state::begin_stop() {
  stopping = true;
  std::vector<std::shared_ptr<connection>> open;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, weak] : connections_)
      if (auto c = weak.lock()) open.push_back(std::move(c));
  }
  for (const auto& c : open) c->close_if_idle();
  release_io_work_if_drained();
}

void server_state::release_io_work_if_drained() {
  if (!stopping || open_.load() != 0) return;
  std::lock_guard lock(mutex_);
  work_.reset();
}

}  // namespace detail

namespace {
thread_local const void* io_thread_owner = nullptr;
}

class server::impl : public std::enable_shared_from_this<server::impl> {
 public:
  impl(server_options options, http::request_handler& handler)
      : state_(std::make_shared<detail::server_state>(std::move(options), handler)),
        control_(asio::make_strand(state_->io)),
        acceptor_(control_),
        signals_(control_) {
    const auto& o = state_->options;
    boost::system::error_code ec;
    tcp::resolver resolver(state_->io);
    const auto endpoints =
        resolver.resolve(o.host, std::to_string(o.port), tcp::resolver::numeric_service, ec);
    if (ec || endpoints.empty())
      throw std::runtime_error("cannot resolve listen address '" + o.host + "': " + ec.message());
    const tcp::endpoint endpoint = endpoints.begin()->endpoint();
    if (acceptor_.open(endpoint.protocol(), ec); !ec)
      if (acceptor_.set_option(asio::socket_base::reuse_address(true), ec); !ec)
        if (acceptor_.bind(endpoint, ec); !ec)
          acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
      throw std::runtime_error("cannot listen on " + o.host + ":" + std::to_string(o.port) + ": " +
                               ec.message());
    port_ = acceptor_.local_endpoint().port();
  }

  void start() {
    asio::co_spawn(control_, accept_loop(shared_from_this()), asio::detached);
    log::write(log::level::info, "server_listening",
               {{"host", state_->options.host},
                {"port", port_},
                {"client_certificates", !state_->options.client_ca_file.empty()}});
  }

  void run_until_signal() {
    asio::post(control_, [self = shared_from_this()] {
      if (self->state_->stopping) return;
      self->signals_.add(SIGINT);
      self->signals_.add(SIGTERM);
      self->signals_.async_wait([self](const boost::system::error_code& ec, int signal) {
        if (ec) return;
        log::write(log::level::info, "server_signal", {{"signal", signal}});
        self->stop();
      });
    });
    std::size_t threads = state_->options.io_threads;
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> extra;
    for (std::size_t i = 1; i < threads; ++i) extra.emplace_back([this] { run_io(); });
    run_io();
    for (auto& t : extra) t.join();
    ran_ = true;
    log::write(log::level::info, "server_stopped", {{"port", port_}});
  }

  void stop() {
    if (state_->stopping.exchange(true)) return;
    log::write(log::level::info, "server_stopping",
               {{"port", port_}, {"open_connections", state_->open_connections()}});
    asio::post(control_, [self = shared_from_this()] {
      boost::system::error_code ignored;
      self->acceptor_.close(ignored);
      self->signals_.cancel(ignored);
      self->signals_.clear(ignored);
      self->state_->begin_stop();
    });
  }

  void reload_tls() {
    state_->replace_tls(
        std::make_shared<asio::ssl::context>(detail::make_server_tls_context(state_->options)));
    log::write(log::level::info, "server_tls_reloaded", {{"port", port_}});
  }

  // For the destructor: when run_until_signal never ran, drain what the constructor queued.
  void finish() {
    stop();
    if (!ran_) run_io();
    state_->workers.join();
  }

  std::uint16_t port() const { return port_; }
  std::size_t connection_count() const { return state_->open_connections(); }
  bool on_io_thread() const { return io_thread_owner == this; }

 private:
  void run_io() {
    io_thread_owner = this;
    for (;;) {
      try {
        state_->io.run();
        break;
      } catch (const std::exception& e) {
        // A throwing handler is a bug; keep serving the other connections.
        log::write(log::level::error, "io_thread_exception", {{"what", e.what()}});
      }
    }
    io_thread_owner = nullptr;
  }

  static asio::awaitable<void> accept_loop(std::shared_ptr<impl> self) {
    auto& state = *self->state_;
    for (;;) {
      // Each connection gets its own strand. Named, not a temporary inside co_await: g++ 12
      // may destroy such temporaries twice.
      auto connection_strand = asio::make_strand(state.io);
      auto [ec, socket] = co_await self->acceptor_.async_accept(
          connection_strand, asio::as_tuple(asio::use_awaitable));
      if (ec) {
        if (ec == asio::error::operation_aborted || !self->acceptor_.is_open()) co_return;
        // Out of descriptors or similar: back off briefly instead of spinning.
        log::write(log::level::warn, "accept_failed", {{"error", ec.message()}});
        asio::steady_timer backoff(self->control_, std::chrono::milliseconds(100));
        co_await backoff.async_wait(asio::as_tuple(asio::use_awaitable));
        continue;
      }
      if (state.stopping) co_return;
      if (!state.try_reserve_connection()) {
        // Once per episode at the cap, not once per refused connection (a flood would
        // otherwise flood the log too).
        if (!self->at_capacity_)
          log::write(log::level::warn, "connection_refused_at_capacity",
                     {{"max_connections", state.options.max_connections}});
        self->at_capacity_ = true;
        boost::system::error_code ignored;
        socket.close(ignored);
        continue;
      }
      self->at_capacity_ = false;
      detail::start_session(self->state_, std::move(socket));
    }
  }

  std::shared_ptr<detail::server_state> state_;
  asio::strand<asio::io_context::executor_type> control_;
  tcp::acceptor acceptor_;
  asio::signal_set signals_;
  std::uint16_t port_ = 0;
  bool ran_ = false;
  bool at_capacity_ = false;  // only touched by the accept loop, on control_
};

server::server(server_options options, http::request_handler& handler)
    : impl_(std::make_shared<impl>(std::move(options), handler)) {
  impl_->start();
}

server::~server() {
  impl_->finish();
}

std::uint16_t server::port() const {
  return impl_->port();
}
void server::run_until_signal() {
  impl_->run_until_signal();
}
void server::stop() {
  impl_->stop();
}
void server::reload_tls() {
  impl_->reload_tls();
}
std::size_t server::connection_count() const {
  return impl_->connection_count();
}
bool server::on_io_thread() const {
  return impl_->on_io_thread();
}

}  // namespace hubgate::net

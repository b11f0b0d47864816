// What a server's listener and its sessions share: options, handler, io_context, TLS context,
// worker pool, the stop flag and the registry of open connections. Internal to booking/net.
#pragma once
#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/thread_pool.hpp>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "booking/http/http_message.hpp"
#include "booking/net/server.hpp"

namespace hubgate::net::detail {

// An open connection as the server sees it at shutdown time.
class connection {
 public:
  virtual ~connection() = default;
  // Called from any thread: closes the connection if it is waiting for a request; one that
  // is reading, handling or writing a request finishes it and then closes.
  virtual void close_if_idle() = 0;
};

class server_state : public std::enable_shared_from_this<server_state> {
 public:
  server_state(server_options opts, http::request_handler& h);

  const server_options options;
  http::request_handler& handler;
  boost::asio::io_context io;
  boost::asio::thread_pool workers;
  std::atomic<bool> stopping{false};

  // The TLS context new connections use; replace_tls swaps it (a renewed certificate) while
  // open connections keep the one they started with. Any thread.
  std::shared_ptr<boost::asio::ssl::context> current_tls() const;
  void replace_tls(std::shared_ptr<boost::asio::ssl::context> tls);

  // Connection accounting, from any thread.
  std::size_t open_connections() const { return open_.load(); }
  bool try_reserve_connection();  // false when at max_connections
  std::uint64_t add_connection(std::weak_ptr<connection> c);
  void remove_connection(std::uint64_t id);  // also releases the io work when stopping and last

  // Sets stopping, closes idle connections, and lets io.run() return once the last goes.
  void begin_stop();
  void release_io_work_if_drained();

 private:
  std::atomic<std::size_t> open_{0};
  mutable std::mutex mutex_;
  std::shared_ptr<boost::asio::ssl::context> tls_;
  std::uint64_t next_id_ = 1;
  std::unordered_map<std::uint64_t, std::weak_ptr<connection>> connections_;
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work_;
};

}  // namespace hubgate::net::detail

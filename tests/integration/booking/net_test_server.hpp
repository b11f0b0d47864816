// Shared fixture of the booking/net integration tests: TLS material in a temporary dir, a stub
// handler that echoes what it received (and can be held in flight), a server on its own thread.
#pragma once
#include <atomic>
#include <boost/json/value.hpp>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "booking/http/http_message.hpp"
#include "booking/net/server.hpp"
#include "booking/pki/tls_material.hpp"
#include "hubgate/test/temp_dir.hpp"
#include "protocol/https_client/https_client.hpp"

namespace hubgate::test {

// Answers 200 with a JSON echo of the request. A target starting with "/slow" waits until
// release() is called, to hold a request in flight; one starting with "/now" is answered by
// answer_now (where the caller runs it); one starting with "/reply-later" is taken by
// answer_later and replied to by reply_taken() (from the test's thread); every other one by
// handle().
class stub_handler final : public http::request_handler {
 public:
  http::http_response handle(const http::http_request& request) override;
  std::optional<http::http_response> answer_now(const http::http_request& request) override;
  bool answer_later(const http::http_request& request, const http::reply_fn& reply) override;
  bool wait_taken(std::chrono::milliseconds deadline = std::chrono::seconds(30));
  void reply_taken();  // replies to the request answer_later took

  void release();
  bool wait_entered_slow(std::chrono::milliseconds deadline = std::chrono::seconds(30));
  std::function<bool()> is_io_thread;  // set by the fixture once the server exists
  std::atomic<int> calls{0};
  std::atomic<int> calls_on_io_thread{0};
  std::atomic<int> answered_now{0};
  std::atomic<int> answered_now_on_io_thread{0};
  std::optional<http::http_request> last_request();

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool released_ = false;
  int slow_entered_ = 0;
  std::optional<http::http_request> last_;
  http::reply_fn taken_;
};

// A server on a background thread; the destructor stops it and joins.
class running_server {
 public:
  running_server(net::server_options options, stub_handler& handler);
  ~running_server();
  net::server& get() { return *server_; }
  std::uint16_t port() const { return server_->port(); }
  // Stops and waits (bounded) for run_until_signal to return; true when it did.
  bool stop_and_join(std::chrono::milliseconds deadline = std::chrono::seconds(30));

 private:
  std::unique_ptr<net::server> server_;
  std::thread thread_;
  std::atomic<bool> returned_{false};
};

// Test TLS material (made once per process: key generation is the slow part).
const pki::server_tls_paths& test_tls();
net::server_options test_server_options();
client::https_client_options client_options(std::uint16_t port);
boost::json::value parse_json(const std::string& text);

}  // namespace hubgate::test

#include "net_test_server.hpp"

#include <gtest/gtest.h>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "hubgate/test/net_util.hpp"

namespace hubgate::test {

std::optional<http::http_response> stub_handler::answer_now(const http::http_request& request) {
  if (!request.target.starts_with("/now")) return std::nullopt;
  ++answered_now;
  if (is_io_thread && is_io_thread()) ++answered_now_on_io_thread;
  http::http_response response;
  response.set_header("content-type", "application/json");
  response.body = boost::json::serialize(boost::json::object{{"answered", "now"}});
  return response;
}

bool stub_handler::answer_later(const http::http_request& request, const http::reply_fn& reply) {
  if (!request.target.starts_with("/reply-later")) return false;
  std::lock_guard lock(mutex_);
  taken_ = reply;
  cv_.notify_all();
  return true;
}

bool stub_handler::wait_taken(std::chrono::milliseconds deadline) {
  std::unique_lock lock(mutex_);
  return cv_.wait_for(lock, deadline, [this] { return static_cast<bool>(taken_); });
}

void stub_handler::reply_taken() {
  http::reply_fn reply;
  {
    std::lock_guard lock(mutex_);
    reply = std::move(taken_);
    taken_ = nullptr;
  }
  http::http_response response;
  response.set_header("content-type", "application/json");
  response.body = boost::json::serialize(boost::json::object{{"answered", "later"}});
  reply(std::move(response));
}

http::http_response stub_handler::handle(const http::http_request& request) {
  ++calls;
  if (is_io_thread && is_io_thread()) ++calls_on_io_thread;
  {
    std::unique_lock lock(mutex_);
    last_ = request;
    if (request.target.starts_with("/slow")) {
      ++slow_entered_;
      cv_.notify_all();
      cv_.wait(lock, [this] { return released_; });
    }
  }
  boost::json::object echo;
  echo["method"] = request.method;
  echo["target"] = request.target;
  echo["body_size"] = request.body.size();
  echo["request_id"] = request.request_id;
  echo["remote"] = request.remote_address;
  echo["x_test"] = request.header("x-test");
  if (request.client_cert_sha256) echo["client_cert_sha256"] = *request.client_cert_sha256;
  http::http_response response;
  response.set_header("content-type", "application/json");
  response.body = boost::json::serialize(echo);
  return response;
}

void stub_handler::release() {
  std::lock_guard lock(mutex_);
  released_ = true;
  cv_.notify_all();
}

bool stub_handler::wait_entered_slow(std::chrono::milliseconds deadline) {
  std::unique_lock lock(mutex_);
  return cv_.wait_for(lock, deadline, [this] { return slow_entered_ > 0; });
}

std::optional<http::http_request> stub_handler::last_request() {
  std::lock_guard lock(mutex_);
  return last_;
}

running_server::running_server(net::server_options options, stub_handler& handler)
    : server_(std::make_unique<net::server>(std::move(options), handler)) {
  handler.is_io_thread = [s = server_.get()] { return s->on_io_thread(); };
  thread_ = std::thread([this] {
    server_->run_until_signal();
    returned_ = true;
  });
}

bool running_server::stop_and_join(std::chrono::milliseconds deadline) {
  server_->stop();
  const bool returned = wait_until([this] { return returned_.load(); }, deadline);
  if (returned && thread_.joinable()) thread_.join();
  return returned;
}

running_server::~running_server() {
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

const pki::server_tls_paths& test_tls() {
  static temp_dir dir("hubgate-net-tls");
  static const pki::server_tls_paths paths = [] {
    auto made = pki::ensure_server_tls(dir.path());
    if (!made) throw std::runtime_error("test TLS material: " + made.error().message());
    return *made;
  }();
  return paths;
}

net::server_options test_server_options() {
  net::server_options options;
  options.port = 0;
  options.cert_chain_file = test_tls().certificate_chain.string();
  options.private_key_file = test_tls().private_key.string();
  options.io_threads = 2;
  options.worker_threads = 4;
  return options;
}

client::https_client_options client_options(std::uint16_t port) {
  client::https_client_options options;
  options.port = port;
  options.ca_file = test_tls().ca_certificate.string();
  options.timeout = std::chrono::seconds(30);
  return options;
}

boost::json::value parse_json(const std::string& text) {
  boost::system::error_code ec;
  auto value = boost::json::parse(text, ec);
  EXPECT_FALSE(ec) << "not JSON: " << text;
  return value;
}

}  // namespace hubgate::test

#include "protocol/https_client/wss_client.hpp"

#include <openssl/ssl.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <optional>

#include "protocol/https_client/tls_connect.hpp"

namespace hubgate::client {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using boost::system::error_code;

class wss_client::impl {
 public:
  explicit impl(wss_client_options options)
      : options_(std::move(options)), tls_(asio::ssl::context::tls_client) {
    SSL_CTX_set_min_proto_version(tls_.native_handle(), TLS1_2_VERSION);
    tls_.set_verify_mode(asio::ssl::verify_peer);
    tls_.load_verify_file(options_.ca_file);  // throws on a bad file: a setup error
    tls_.set_verify_callback(asio::ssl::host_name_verification(options_.server_name));
    if (!options_.client_cert_file.empty()) {
      tls_.use_certificate_chain_file(options_.client_cert_file);
      tls_.use_private_key_file(options_.client_key_file, asio::ssl::context::pem);
    }
  }

  boost::system::result<void> connect() {
    ws_.emplace(io_, tls_);
    handshake_answer_ = {};
    handshake_answer_.result(0u);  // stays 0 when no upgrade answer arrives
    reading_ = false;
    buffer_.clear();
    error_code ec = connect_tls(io_, ws_->next_layer(), options_.host, options_.port,
                                options_.server_name, options_.timeout);
    if (ec) return fail(ec);
    auto& lowest = beast::get_lowest_layer(*ws_);
    lowest.expires_never();
    websocket::stream_base::timeout t{};
    t.handshake_timeout = options_.timeout;
    t.idle_timeout = websocket::stream_base::none();
    t.keep_alive_pings = false;
    ws_->set_option(t);
    ws_->read_message_max(256u << 20);
    const std::string host = options_.host + ":" + std::to_string(options_.port);
    ws_->set_option(websocket::stream_base::decorator(
        [headers = options_.headers](websocket::request_type& request) {
          for (const auto& [name, value] : headers) request.set(name, value);
        }));
    bool done = false;
    ws_->async_handshake(handshake_answer_, host, options_.path, [&](error_code e) {
      ec = e;
      done = true;
    });
    // Run only until the handshake completes: a failed one may leave its timer armed.
    run_until([&] { return done; }, options_.timeout + std::chrono::seconds(1));
    if (!done) ec = beast::error::timeout;
    if (ec) return fail(ec);
    return {};
  }

  boost::system::result<void> send_text(std::string_view text) {
    if (!ws_ || !ws_->is_open()) return asio::error::not_connected;
    error_code ec = beast::error::timeout;
    bool done = false;
    ws_->text(true);
    ws_->async_write(asio::buffer(text.data(), text.size()), [&](error_code e, std::size_t) {
      ec = e;
      done = true;
    });
    // A pending read is work too: run only until this write is through.
    run_until([&] { return done; }, options_.timeout);
    if (!done) {
      beast::get_lowest_layer(*ws_).socket().close();
      run_until([&] { return done; }, options_.timeout);
    }
    return ec ? boost::system::result<void>(ec) : boost::system::result<void>();
  }

  boost::system::result<std::string> read_text(std::chrono::milliseconds deadline) {
    if (!ws_) return asio::error::not_connected;
    if (!reading_) {
      reading_ = true;
      read_done_ = false;
      buffer_.clear();
      ws_->async_read(buffer_, [this](error_code e, std::size_t) {
        read_ec_ = e;
        read_done_ = true;
      });
    }
    run_until([this] { return read_done_; }, deadline);
    if (!read_done_) return beast::error::timeout;
    reading_ = false;
    if (read_ec_) return read_ec_;
    return beast::buffers_to_string(buffer_.data());
  }

  void close() {
    if (!ws_) return;
    if (ws_->is_open()) {
      bool closed = false;
      ws_->async_close(websocket::close_code::normal, [&closed](error_code) { closed = true; });
      run_until([&] { return closed && (!reading_ || read_done_); },
                std::chrono::milliseconds(2000));
    }
    ws_.reset();
    io_.restart();
  }

  bool is_open() const { return ws_ && ws_->is_open(); }
  int handshake_status() const { return static_cast<int>(handshake_answer_.result_int()); }

 private:
  void run() {
    io_.restart();
    io_.run();
  }

  template <class Done>
  void run_until(Done done, std::chrono::milliseconds deadline) {
    const auto until = std::chrono::steady_clock::now() + deadline;
    io_.restart();
    while (!done() && std::chrono::steady_clock::now() < until) {
      if (io_.run_one_until(until) == 0 && io_.stopped()) io_.restart();
      if (io_.stopped()) break;
    }
  }

  error_code fail(error_code ec) {
    ws_.reset();
    return ec;
  }

  wss_client_options options_;
  asio::io_context io_;
  asio::ssl::context tls_;
  std::optional<websocket::stream<beast::ssl_stream<beast::tcp_stream>>> ws_;
  beast::flat_buffer buffer_;
  websocket::response_type handshake_answer_;
  bool reading_ = false;
  bool read_done_ = false;
  error_code read_ec_;
};

wss_client::wss_client(wss_client_options options)
    : impl_(std::make_unique<impl>(std::move(options))) {}
wss_client::~wss_client() = default;
boost::system::result<void> wss_client::connect() {
  return impl_->connect();
}
boost::system::result<void> wss_client::send_text(std::string_view text) {
  return impl_->send_text(text);
}
boost::system::result<std::string> wss_client::read_text(std::chrono::milliseconds deadline) {
  return impl_->read_text(deadline);
}
void wss_client::close() {
  impl_->close();
}
bool wss_client::is_open() const {
  return impl_->is_open();
}
int wss_client::handshake_status() const {
  return impl_->handshake_status();
}

}  // namespace hubgate::client

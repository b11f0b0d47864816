// Synchronous on the outside, Asio inside: each operation runs the private io_context until
// it completes, with tcp_stream deadlines as the timeout.
#include "protocol/https_client/https_client.hpp"

#include <openssl/ssl.h>
#include <poll.h>

#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <cctype>
#include <optional>
#include <stdexcept>

#include "protocol/https_client/tls_connect.hpp"

namespace hubgate::client {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using boost::system::error_code;

namespace {

using tls_stream = beast::ssl_stream<beast::tcp_stream>;

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// True when the peer has closed (or sent anything) on an idle keep-alive connection: a
// response we did not ask for means the connection is no longer usable either.
bool peer_done(tls_stream& stream) {
  auto& socket = beast::get_lowest_layer(stream).socket();
  if (!socket.is_open()) return true;
  pollfd p{socket.native_handle(), POLLIN, 0};
  return ::poll(&p, 1, 0) != 0;
}

}  // namespace

// Defined here rather than in a file of its own: every TU with Beast's TLS costs a minute.
error_code connect_tls(asio::io_context& io, tls_stream& stream, const std::string& host,
                       std::uint16_t port, const std::string& server_name,
                       std::chrono::milliseconds timeout) {
  auto run = [&io] {
    io.restart();
    io.run();
  };
  error_code ec;
  tcp::resolver resolver(io);
  const auto endpoints = resolver.resolve(host, std::to_string(port), ec);
  if (ec) return ec;
  auto& lowest = beast::get_lowest_layer(stream);
  lowest.expires_after(timeout);
  lowest.async_connect(endpoints, [&ec](error_code e, const tcp::endpoint&) { ec = e; });
  run();
  if (ec) return ec;
  error_code not_an_address;
  asio::ip::make_address(server_name, not_an_address);
  if (not_an_address) SSL_set_tlsext_host_name(stream.native_handle(), server_name.c_str());
  lowest.expires_after(timeout);
  stream.async_handshake(asio::ssl::stream_base::client, [&ec](error_code e) { ec = e; });
  run();
  return ec;
}

class https_client::impl {
 public:
  explicit impl(https_client_options options)
      : options_(std::move(options)), tls_(asio::ssl::context::tls_client) {
    tls_.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_compression);
    SSL_CTX_set_min_proto_version(tls_.native_handle(), TLS1_2_VERSION);
    if (options_.insecure) {
      tls_.set_verify_mode(asio::ssl::verify_none);
    } else {
      tls_.set_verify_mode(asio::ssl::verify_peer);
      if (options_.ca_file.empty())
        tls_.set_default_verify_paths();
      else
        tls_.load_verify_file(options_.ca_file);  // throws on a bad file: a setup error
      tls_.set_verify_callback(asio::ssl::host_name_verification(options_.server_name));
    }
    if (!options_.client_cert_file.empty()) {
      tls_.use_certificate_chain_file(options_.client_cert_file);
      tls_.use_private_key_file(options_.client_key_file, asio::ssl::context::pem);
    }
  }

  boost::system::result<http_response> request(std::string_view method, std::string_view target,
                                               const header_list& headers, std::string_view body) {
    http::request<http::string_body> message;
    message.version(11);
    message.method_string(method);
    message.target(target);
    message.set(http::field::host, options_.host + ":" + std::to_string(options_.port));
    for (const auto& [name, value] : headers) message.set(name, value);
    message.body() = std::string(body);
    message.prepare_payload();

    const bool reused = stream_ && !peer_done(*stream_);
    if (!reused) {
      if (auto ec = connect(stream_); ec) return ec;
    }
    auto result = exchange(message);
    if (!result && reused && !response_started_) {
      // The server closed the kept-alive connection just as we sent: one fresh attempt.
      if (auto ec = connect(stream_); ec) return ec;
      result = exchange(message);
    }
    if (!result) stream_.reset();
    return result;
  }

  boost::system::result<void> raw_send(std::string_view bytes) {
    if (auto ec = connect(raw_); ec) return ec;
    error_code ec;
    beast::get_lowest_layer(*raw_).expires_after(options_.timeout);
    asio::async_write(*raw_, asio::buffer(bytes.data(), bytes.size()),
                      [&ec](error_code e, std::size_t) { ec = e; });
    run();
    if (ec) return ec;
    return {};
  }

  boost::system::result<raw_result> wait_closed(std::chrono::milliseconds deadline) {
    if (!raw_) return asio::error::not_connected;
    raw_result result;
    beast::get_lowest_layer(*raw_).expires_after(deadline);
    for (;;) {
      char chunk[4096];
      error_code ec;
      std::size_t n = 0;
      raw_->async_read_some(asio::buffer(chunk), [&](error_code e, std::size_t got) {
        ec = e;
        n = got;
      });
      run();
      result.received.append(chunk, n);
      if (!ec) continue;
      if (ec == beast::error::timeout)
        result.timed_out = true;
      else
        result.closed_by_peer = true;
      break;
    }
    raw_.reset();
    return result;
  }

  std::size_t opened() const { return opened_; }
  void close() {
    stream_.reset();
    raw_.reset();
  }

 private:
  void run() {
    io_.restart();
    io_.run();
  }

  error_code connect(std::optional<tls_stream>& stream) {
    stream.reset();
    buffer_.clear();
    stream.emplace(io_, tls_);
    if (auto ec = connect_tls(io_, *stream, options_.host, options_.port, options_.server_name,
                              options_.timeout))
      return ec;
    ++opened_;
    return {};
  }

  boost::system::result<http_response> exchange(http::request<http::string_body>& message) {
    response_started_ = false;
    auto& lowest = beast::get_lowest_layer(*stream_);
    error_code write_ec;
    lowest.expires_after(options_.timeout);
    http::async_write(*stream_, message, [&write_ec](error_code e, std::size_t) { write_ec = e; });
    run();

    // Even when the write failed the server may have answered first (413, 431): read it.
    http::response_parser<http::string_body> parser;
    parser.body_limit(boost::none);
    parser.skip(message.method() == http::verb::head);  // its Content-Length announces no body
    error_code read_ec;
    if (!write_ec || stream_->next_layer().socket().is_open()) {
      lowest.expires_after(options_.timeout);
      http::async_read_header(*stream_, buffer_, parser,
                              [&read_ec](error_code e, std::size_t) { read_ec = e; });
      run();
      response_started_ = !read_ec;
      if (!read_ec && !parser.is_done()) {
        http::async_read(*stream_, buffer_, parser,
                         [&read_ec](error_code e, std::size_t) { read_ec = e; });
        run();
      }
    }
    if (read_ec || !parser.is_done()) return write_ec ? write_ec : read_ec;

    auto& response = parser.get();
    http_response out;
    out.status = static_cast<int>(response.result_int());
    for (const auto& field : response)
      out.headers.emplace_back(lower(field.name_string()), std::string(field.value()));
    out.body = std::move(response.body());
    if (!response.keep_alive()) shutdown(stream_);
    return out;
  }

  void shutdown(std::optional<tls_stream>& stream) {
    if (!stream) return;
    beast::get_lowest_layer(*stream).expires_after(std::chrono::seconds(1));
    stream->async_shutdown([](error_code) {});
    run();
    stream.reset();
  }

  https_client_options options_;
  asio::io_context io_;
  asio::ssl::context tls_;
  std::optional<tls_stream> stream_;
  std::optional<tls_stream> raw_;
  beast::flat_buffer buffer_;
  std::size_t opened_ = 0;
  bool response_started_ = false;
};

https_client::https_client(https_client_options options)
    : impl_(std::make_unique<impl>(std::move(options))) {}
https_client::~https_client() = default;

boost::system::result<http_response> https_client::try_request(std::string_view method,
                                                               std::string_view target,
                                                               const header_list& headers,
                                                               std::string_view body) {
  return impl_->request(method, target, headers, body);
}

http_response https_client::request(std::string_view method, std::string_view target,
                                    const header_list& headers, std::string_view body) {
  auto result = impl_->request(method, target, headers, body);
  if (!result)
    throw std::runtime_error("HTTPS " + std::string(method) + " " + std::string(target) +
                             " failed: " + result.error().message());
  return std::move(*result);
}

boost::system::result<raw_result> https_client::raw_exchange(
    std::string_view bytes, std::chrono::milliseconds read_deadline) {
  if (auto sent = impl_->raw_send(bytes); !sent) return sent.error();
  return impl_->wait_closed(read_deadline);
}

boost::system::result<void> https_client::raw_send(std::string_view bytes) {
  return impl_->raw_send(bytes);
}

boost::system::result<raw_result> https_client::wait_closed(std::chrono::milliseconds deadline) {
  return impl_->wait_closed(deadline);
}

std::size_t https_client::connections_opened() const {
  return impl_->opened();
}
void https_client::close() {
  impl_->close();
}

}  // namespace hubgate::client

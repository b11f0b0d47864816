// The client side of a TLS connection, shared by the HTTPS and WSS clients: resolve, connect
// and handshake (with SNI unless the server name is an address), each step bounded by the
// timeout, driving the client's own io_context until done. Internal to the clients (and raw-socket
// tests).
#pragma once
#include <boost/asio/io_context.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <chrono>
#include <cstdint>
#include <string>

namespace hubgate::client {

boost::system::error_code connect_tls(boost::asio::io_context& io,
                                      boost::beast::ssl_stream<boost::beast::tcp_stream>& stream,
                                      const std::string& host, std::uint16_t port,
                                      const std::string& server_name,
                                      std::chrono::milliseconds timeout);

}  // namespace hubgate::client

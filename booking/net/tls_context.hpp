// Builds the server's TLS context from server_options: TLS 1.2/1.3, ECDHE + AEAD, server
// preference, no compression or renegotiation, optional mandatory client certificates.
#pragma once
#include <boost/asio/ssl/context.hpp>

#include "booking/net/server.hpp"

namespace hubgate::net::detail {

// Throws std::runtime_error naming the file that could not be used.
boost::asio::ssl::context make_server_tls_context(const server_options& options);

}  // namespace hubgate::net::detail

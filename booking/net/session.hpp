// One TLS + HTTP/1.1 keep-alive connection of the server. Internal to booking/net.
#pragma once
#include <boost/asio/ip/tcp.hpp>
#include <memory>

#include "booking/net/server_state.hpp"

namespace hubgate::net::detail {

// Takes over an accepted socket (already on its own strand) and serves it until it closes.
// The connection slot must have been reserved with server_state::try_reserve_connection.
void start_session(std::shared_ptr<server_state> state, boost::asio::ip::tcp::socket socket);

}  // namespace hubgate::net::detail

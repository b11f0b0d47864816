// WebSocket endpoints as the application sees them: a peer it can send text frames to and
// close, and a handler booking/net calls on open, on each text frame and on close.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "booking/http/http_message.hpp"

namespace hubgate::http {

// One open WebSocket connection. Every member is thread-safe; after the connection closed
// they do nothing.
class ws_peer {
 public:
  virtual ~ws_peer() = default;
  // Queues one text frame; frames go out in the order queued (one write queue per
  // connection). A peer that lets its queue grow past the server's limit is disconnected.
  virtual void send(std::string text) = 0;
  // Sends a close frame after what is queued, then drops the connection.
  virtual void close() = 0;
  virtual const std::string& remote_address() const = 0;
  // SHA-256 (hex) of the client certificate, when the connection presented one.
  virtual const std::optional<std::string>& client_cert_sha256() const = 0;
};

// Called by booking/net on a worker thread (never an I/O thread), one call at a time per
// connection and in frame order, so it may block (e.g. on a durable commit) and the next frame
// of that connection waits for it. Must not throw.
class websocket_handler {
 public:
  virtual ~websocket_handler() = default;
  // After the upgrade: false closes the connection at once.
  virtual bool on_open(const std::shared_ptr<ws_peer>& peer, const http_request& upgrade) = 0;
  virtual void on_text(const std::shared_ptr<ws_peer>& peer, std::string text) = 0;
  // Exactly once per opened connection, whoever closed it.
  virtual void on_close(const std::shared_ptr<ws_peer>& peer) = 0;
};

}  // namespace hubgate::http

// The board's end of the live link: one mutual-TLS WebSocket to the service's controller port,
// kept open with pings, reconnected with backoff + jitter, on its own thread and io_context.
// It only moves frames; the daemon's storage thread decides what they mean.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "door_controller/link/link_options.hpp"
#include "protocol/stream_message.hpp"

namespace hubgate::door {

// What the link hands to the daemon, from the link thread.
struct link_input {
  enum class kind {
    connected,     // the WebSocket is up and the hello went out first
    disconnected,  // detail: why (TLS refused, timeout, closed by the service, ...)
    message,       // detail: one text frame as received
    heartbeat,     // detail: "ping" (from the service) or "pong" (to our ping) arrived
  };
  kind what = kind::message;
  std::string detail;
};

class link_client {
 public:
  using sink = std::function<void(link_input)>;

  explicit link_client(link_options options);
  ~link_client();  // stops
  link_client(const link_client&) = delete;
  link_client& operator=(const link_client&) = delete;

  // Starts the link thread; `on_input` is called on it and must only queue.
  void start(sink on_input);
  // Closes the connection, ends the thread; idempotent.
  void stop();

  // Thread-safe. The hello the next connection opens with (clock_ms is filled in at sending).
  void set_hello(const protocol::hello_message& hello);
  // Thread-safe. Queues one frame on the current connection, after the hello; dropped when
  // there is none (the daemon sends what matters again after `connected`).
  void send(std::string frame);

  class impl;

 private:
  std::shared_ptr<impl> impl_;
};

}  // namespace hubgate::door

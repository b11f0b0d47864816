// The live access log: admins' browsers keep a WebSocket on /api/v1/access-events/live (on the
// main port, the upgrade authorised by the route table like any request) and receive every
// newly stored access event as one text frame, in the form GET /access-events lists them.
//
//   service -> browser: {"type":"ready"}  once the connection is registered
//                       {"type":"access_event","event":{<as in GET /access-events>}}
//
// Before each batch the credentials of every connection are checked again: a connection whose
// session ended (sign-out, expiry) or whose user is no longer an active admin is closed and
// receives nothing more.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "booking/api/services.hpp"
#include "booking/http/websocket_handler.hpp"
#include "protocol/event.hpp"

namespace hubgate::api {

class live_access_log final : public http::websocket_handler {
 public:
  // `svc` must outlive this object.
  explicit live_access_log(services& svc);
  ~live_access_log() override;
  live_access_log(const live_access_log&) = delete;
  live_access_log& operator=(const live_access_log&) = delete;
  // Ends the publishing thread (idempotent; the destructor calls it).
  void stop();

  // After a board's events were stored durably. Never blocks: the events are looked up with
  // their card owners and sent on this object's own thread.
  void events_stored(const std::string& controller_id,
                     const std::vector<protocol::access_event>& events);

  // Checks again that the upgrade comes from an admin (the route already did).
  bool on_open(const std::shared_ptr<http::ws_peer>& peer,
               const http::http_request& upgrade) override;
  void on_text(const std::shared_ptr<http::ws_peer>& peer, std::string text) override;
  void on_close(const std::shared_ptr<http::ws_peer>& peer) override;

  std::size_t listeners() const;

 private:
  struct batch {
    std::string controller_id;
    std::vector<protocol::access_event> events;
  };
  void run();
  void publish(const batch& b);

  services& svc_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<batch> pending_;
  // Each connection with the credential headers (Cookie, Authorization) of its upgrade.
  std::map<std::shared_ptr<http::ws_peer>, http::http_request> peers_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace hubgate::api

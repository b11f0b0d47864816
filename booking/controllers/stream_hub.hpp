// The service end of the live link: one WebSocket per enrolled controller on the controller
// port. Sends each board a signed snapshot, then deltas after every change that affects
// access; stores the events boards upload and acknowledges them once durable. What the lists
// hold is access::hub_access (pure); this is the board link: registry, recomputation pacing,
// intake.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "booking/access/hub_access.hpp"
#include "booking/controllers/board_events.hpp"
#include "booking/controllers/board_sync.hpp"
#include "booking/controllers/hub_state_reader.hpp"
#include "booking/http/websocket_handler.hpp"
#include "protocol/keys.hpp"
#include "protocol/stream_message.hpp"

namespace hubgate::controllers {

// A controller as the stream last saw it.
struct live_status {
  bool online = false;
  std::optional<sys_seconds> last_seen;
  std::optional<std::int64_t> clock_skew_ms;  // board clock minus service clock at hello/status
  std::string reader = "unknown";             // ok | lost | unknown
  std::string door = "unknown";               // open | closed | unknown
  std::uint64_t epoch = 0;
  std::uint64_t acked_sequence = 0;
};

struct hub_options {
  access::derivation_options derivation;
  // A burst of writes (an admin editing a group, a bulk import) gives one recomputation.
  std::chrono::milliseconds debounce{75};
  // Recompute at least this often even without changes, so windows roll with the horizon.
  std::chrono::seconds refresh{std::chrono::hours{1}};
  std::chrono::seconds check_in_early_grace{std::chrono::minutes{15}};
  // How far a board's clock may have run behind the service's at enrolment: events dated
  // earlier than enrolment less this are refused (see earliest_event_time).
  std::chrono::seconds event_clock_tolerance{std::chrono::hours{1}};
  // The clock that paces debounce and refresh (the wall clock is the constructor's `now`).
  std::function<std::chrono::steady_clock::time_point()> monotonic_now = [] {
    return std::chrono::steady_clock::now();
  };
};

class stream_hub final : public http::websocket_handler {
 public:
  stream_hub(hub_ports ports, protocol::signing_key key, hub_options options,
             std::function<sys_seconds()> now);
  ~stream_hub() override;
  stream_hub(const stream_hub&) = delete;
  stream_hub& operator=(const stream_hub&) = delete;

  // Loads the enrolled controllers and starts the recomputation thread.
  outcome<void> start();
  // Stops the thread; called by the destructor too.
  void stop();

  // For server_options::client_cert_check: only certificates of enrolled, unrevoked
  // controllers pass. Never blocks on the store.
  bool certificate_allowed(const std::string& sha256) const;
  void controller_enrolled(const controller_record& c);
  // Forgets its certificate and closes its live connection.
  void controller_revoked(std::string_view controller_id);
  // Something that may change access was written: recompute soon (debounced, own thread).
  void access_changed();

  live_status status(std::string_view controller_id) const;
  // The credential behind a card pseudonym at a site, when the service knows the card.
  std::optional<domain::credential> credential_for(std::string_view site_id,
                                                   const protocol::pseudonym& card) const;
  std::uint64_t recomputations() const noexcept { return recomputations_.load(); }
  // Events boards sent for a door not theirs or dated before they existed: not stored.
  std::uint64_t refused_events() const noexcept { return refused_events_.load(); }

  bool on_open(const std::shared_ptr<http::ws_peer>& peer,
               const http::http_request& upgrade) override;
  void on_text(const std::shared_ptr<http::ws_peer>& peer, std::string text) override;
  void on_close(const std::shared_ptr<http::ws_peer>& peer) override;

 private:
  struct link {
    std::shared_ptr<http::ws_peer> peer;
    board_sync sync;
    live_status status;
  };
  // What the hub knows of an enrolled controller without asking the store.
  struct known_controller {
    std::string site_id;
    sys_seconds events_not_before{};
  };

  void run();
  outcome<access::hub_access> derive(sys_seconds now);
  void remember_locked(const controller_record& c);
  void publish_locked(sys_seconds now);
  void send_locked(link& l, const protocol::stream_message& m);
  std::string controller_of(const http::ws_peer* peer) const;
  void on_events(const std::shared_ptr<http::ws_peer>& peer, const std::string& controller_id,
                 const protocol::events_message& m);
  outcome<screened_events> screen(const std::string& controller_id,
                                  const std::vector<protocol::access_event>& events);
  bool check_in_taps(const std::string& site_id, const std::vector<protocol::access_event>& taps,
                     sys_seconds now);
  void note_clock(link& l, std::int64_t clock_ms, sys_seconds now);

  hub_ports ports_;
  protocol::signing_key key_;
  hub_options options_;
  std::function<sys_seconds()> now_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::map<std::string, std::string, std::less<>> cert_owner_;  // sha256 -> controller
  std::map<std::string, known_controller, std::less<>> known_;  // controller -> what
  std::map<std::string, link, std::less<>> links_;              // controller -> link
  std::map<const http::ws_peer*, std::string> peer_owner_;
  access::access_lists lists_;
  access::pseudonym_index cards_;
  bool have_lists_ = false;
  bool dirty_ = true;
  bool sync_wanted_ = false;
  bool stopping_ = false;
  std::chrono::steady_clock::time_point next_refresh_{};
  // When the last recomputation ended and what it cost: the next one waits a few times that
  // long, so that under a stream of writes derivation takes a bounded share of the CPU.
  std::chrono::steady_clock::time_point derived_at_{};
  std::chrono::steady_clock::duration derive_cost_{};
  std::atomic<std::uint64_t> recomputations_{0};
  std::atomic<std::uint64_t> refused_events_{0};
  std::thread thread_;
};

}  // namespace hubgate::controllers

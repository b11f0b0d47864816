#include "booking/api/live_access_log.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <limits>
#include <set>
#include <utility>

#include "booking/api/access_event_json.hpp"
#include "booking/auth/authenticator.hpp"
#include "booking/controllers/controller_service.hpp"
#include "protocol/log/log.hpp"

namespace hubgate::api {
namespace {

// Batches waiting for the publishing thread; beyond it the oldest are dropped (the browsers
// still have GET /access-events).
constexpr std::size_t max_pending = 1000;

}  // namespace

live_access_log::live_access_log(services& svc) : svc_(svc), thread_([this] { run(); }) {}

live_access_log::~live_access_log() {
  stop();
}

void live_access_log::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void live_access_log::events_stored(const std::string& controller_id,
                                    const std::vector<protocol::access_event>& events) {
  {
    std::lock_guard lock(mutex_);
    if (peers_.empty() || events.empty()) return;
    if (pending_.size() >= max_pending) {
      pending_.pop_front();
      log::write(log::level::warn, "live_access_log_behind", {{"dropped_batches", 1}});
    }
    pending_.push_back({controller_id, events});
  }
  wake_.notify_one();
}

namespace {

bool is_admin(services& svc, const http::http_request& credentials) {
  auto auth = svc.authenticator.authenticate(credentials);
  return auth.who && auth.who->actor.is_admin();
}

// Only what authenticate reads, so that a stored upgrade keeps no other header or body.
http::http_request credentials_of(const http::http_request& upgrade) {
  http::http_request kept;
  for (const auto& [name, value] : upgrade.headers)
    if (name == "cookie" || name == "authorization") kept.headers.emplace_back(name, value);
  return kept;
}

}  // namespace

bool live_access_log::on_open(const std::shared_ptr<http::ws_peer>& peer,
                              const http::http_request& upgrade) {
  auto auth = svc_.authenticator.authenticate(upgrade);
  if (!auth.who || !auth.who->actor.is_admin()) return false;
  {
    std::lock_guard lock(mutex_);
    peers_.emplace(peer, credentials_of(upgrade));
  }
  peer->send(R"({"type":"ready"})");
  log::write(log::level::info, "live_access_log_opened",
             {{"user_id", auth.who->user.id}, {"remote", peer->remote_address()}});
  return true;
}

void live_access_log::on_text(const std::shared_ptr<http::ws_peer>&, std::string) {
  // Browsers only listen; what they send is ignored.
}

void live_access_log::on_close(const std::shared_ptr<http::ws_peer>& peer) {
  std::lock_guard lock(mutex_);
  peers_.erase(peer);
}

std::size_t live_access_log::listeners() const {
  std::lock_guard lock(mutex_);
  return peers_.size();
}

void live_access_log::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
    if (stopping_) return;
    auto next = std::move(pending_.front());
    pending_.pop_front();
    lock.unlock();
    publish(next);
    lock.lock();
  }
}

// Reads the batch back through the controller service, so the frames carry the card owners
// exactly as GET /access-events shows them.
void live_access_log::publish(const batch& b) {
  controllers::event_filter filter;
  filter.controller_id = b.controller_id;
  std::int64_t first = std::numeric_limits<std::int64_t>::max(), last = 0;
  std::set<std::string, std::less<>> ids;
  for (const auto& e : b.events) {
    first = std::min(first, e.at);
    last = std::max(last, e.at);
    ids.insert(e.id);
  }
  filter.from_ms = first;
  filter.to_ms = last + 1;
  filter.limit = 100000;  // far beyond one batch: the time range keeps it small
  auto found = svc_.controllers.events(filter);
  if (!found) {
    log::write(log::level::warn, "live_access_log_lookup_failed",
               {{"controller_id", b.controller_id}, {"message", found.error().code.message()}});
    return;
  }
  std::vector<std::string> frames;
  // Newest first from the store; browsers get them in the order they happened.
  for (auto it = found->rbegin(); it != found->rend(); ++it)
    if (ids.contains(it->stored.event.id))
      frames.push_back(boost::json::serialize(
          boost::json::object{{"type", "access_event"}, {"event", to_json(*it)}}));
  std::vector<std::pair<std::shared_ptr<http::ws_peer>, http::http_request>> peers;
  {
    std::lock_guard lock(mutex_);
    peers.assign(peers_.begin(), peers_.end());
  }
  for (const auto& [peer, credentials] : peers) {
    if (!is_admin(svc_, credentials)) {
      log::write(log::level::info, "live_access_log_closed",
                 {{"reason", "signed_out_or_not_admin"}, {"remote", peer->remote_address()}});
      {
        std::lock_guard lock(mutex_);
        peers_.erase(peer);
      }
      peer->close();
      continue;
    }
    for (const auto& frame : frames) peer->send(frame);
  }
}

}  // namespace hubgate::api

#include "booking/controllers/stream_hub.hpp"

#include <algorithm>
#include <utility>

#include "protocol/log/log.hpp"

namespace hubgate::controllers {
namespace {

std::int64_t unix_ms(sys_seconds t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

}  // namespace

stream_hub::stream_hub(hub_ports ports, protocol::signing_key key, hub_options options,
                       std::function<sys_seconds()> now)
    : ports_(ports), key_(std::move(key)), options_(std::move(options)), now_(std::move(now)) {}

stream_hub::~stream_hub() {
  stop();
}

outcome<void> stream_hub::start() {
  auto all = ports_.controllers.list_controllers();
  if (!all) return all.error();
  {
    std::lock_guard lock(mutex_);
    for (const auto& c : *all) {
      remember_locked(c);
      if (c.status == controller_status::enrolled && c.cert_sha256)
        cert_owner_[*c.cert_sha256] = c.id;
    }
  }
  thread_ = std::thread([this] { run(); });
  return {};
}

void stream_hub::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool stream_hub::certificate_allowed(const std::string& sha256) const {
  std::lock_guard lock(mutex_);
  return cert_owner_.contains(sha256);
}

void stream_hub::controller_enrolled(const controller_record& c) {
  {
    std::lock_guard lock(mutex_);
    remember_locked(c);
    if (c.cert_sha256) cert_owner_[*c.cert_sha256] = c.id;
  }
  access_changed();
}

void stream_hub::remember_locked(const controller_record& c) {
  known_[c.id] = {c.site_id,
                  earliest_event_time(c.enrolled_at, c.created_at, options_.event_clock_tolerance)};
  links_.try_emplace(c.id, link{nullptr, board_sync(c.id, c.epoch), {}});
}

void stream_hub::controller_revoked(std::string_view controller_id) {
  std::shared_ptr<http::ws_peer> peer;
  {
    std::lock_guard lock(mutex_);
    std::erase_if(cert_owner_, [&](const auto& kv) { return kv.second == controller_id; });
    if (auto it = links_.find(controller_id); it != links_.end()) {
      peer = it->second.peer;
      it->second.sync.on_disconnect();
    }
  }
  if (peer) peer->close();
  log::write(log::level::info, "controller_revoked",
             {{"controller_id", controller_id}, {"was_online", peer != nullptr}});
}

void stream_hub::access_changed() {
  bool already = false;
  {
    std::lock_guard lock(mutex_);
    already = std::exchange(dirty_, true);
  }
  // Once per burst: while dirty, the derivation thread is settling and needs no more wakes.
  if (!already) wake_.notify_all();
}

live_status stream_hub::status(std::string_view controller_id) const {
  std::lock_guard lock(mutex_);
  auto it = links_.find(controller_id);
  if (it == links_.end()) return {};
  auto s = it->second.status;
  s.epoch = it->second.sync.epoch();
  s.acked_sequence = it->second.sync.acked_sequence();
  return s;
}

std::optional<domain::credential> stream_hub::credential_for(
    std::string_view site_id, const protocol::pseudonym& card) const {
  std::lock_guard lock(mutex_);
  auto site = cards_.find(site_id);
  if (site == cards_.end()) return std::nullopt;
  auto it = site->second.find(card);
  if (it == site->second.end()) return std::nullopt;
  return it->second;
}

void stream_hub::run() {
  std::unique_lock lock(mutex_);
  const auto& monotonic_now = options_.monotonic_now;
  while (!stopping_) {
    const auto refresh_at = have_lists_ ? next_refresh_ : monotonic_now();
    wake_.wait_until(lock, refresh_at, [this] { return stopping_ || dirty_ || sync_wanted_; });
    if (stopping_) break;
    // A burst of writes settles into one recomputation; a costly one spaces out the next.
    if (dirty_) {
      const auto settle =
          std::max(monotonic_now() + options_.debounce, derived_at_ + 3 * derive_cost_);
      if (wake_.wait_until(lock, settle, [this] { return stopping_; })) break;
    }
    const bool recompute = dirty_ || !have_lists_ || monotonic_now() >= next_refresh_;
    dirty_ = false;
    sync_wanted_ = false;
    const auto now = now_();
    if (recompute) {
      lock.unlock();
      const auto started = monotonic_now();
      auto fresh = derive(now);
      lock.lock();
      derived_at_ = monotonic_now();
      derive_cost_ = derived_at_ - started;
      next_refresh_ = derived_at_ + options_.refresh;
      if (fresh) {
        lists_ = std::move(fresh->lists);
        cards_ = std::move(fresh->cards);
        have_lists_ = true;
        recomputations_.fetch_add(1);
      } else {
        // Boards keep their previous lists; the next change or refresh tries again.
        log::write(log::level::warn, "access_recompute_failed",
                   {{"message", fresh.error().code.message()}});
      }
    }
    if (have_lists_) publish_locked(now);
  }
}

outcome<access::hub_access> stream_hub::derive(sys_seconds now) {
  auto state = read_hub_state(ports_, options_.derivation, now);
  if (!state) return state.error();
  if (!*state) return access::hub_access{};
  auto access = access::derive_hub_access(**state, options_.derivation, now);
  if (!access) return failure(access.error());
  return std::move(*access);
}

void stream_hub::publish_locked(sys_seconds now) {
  static const protocol::access_list nothing;
  for (auto& [id, l] : links_) {
    if (!l.peer || !l.sync.ready()) continue;
    auto it = lists_.find(id);
    const auto& current = it == lists_.end() ? nothing : it->second;
    auto open_epoch = [this, id = id]() -> std::optional<std::uint64_t> {
      auto epoch = ports_.controllers.next_epoch(id);
      if (!epoch) {
        log::write(log::level::warn, "epoch_open_failed", {{"controller_id", id}});
        return std::nullopt;
      }
      return *epoch;
    };
    const auto was_oversized = l.sync.oversized_payload();
    auto envelope = l.sync.next(current, open_epoch, now.time_since_epoch().count());
    if (const auto bytes = l.sync.oversized_payload(); bytes != 0 && was_oversized == 0)
      log::write(log::level::error, "list_too_large",
                 {{"controller_id", id},
                  {"bytes", bytes},
                  {"limit", controllers::board_sync::max_payload_bytes}});
    if (!envelope) continue;
    log::write(log::level::debug, "list_sent",
               {{"controller_id", id},
                {"type", envelope->type},
                {"epoch", envelope->epoch},
                {"sequence", envelope->sequence}});
    send_locked(l, protocol::list_message{protocol::sign(*envelope, key_)});
  }
}

void stream_hub::send_locked(link& l, const protocol::stream_message& m) {
  if (l.peer) l.peer->send(protocol::serialize(m));
}

std::string stream_hub::controller_of(const http::ws_peer* peer) const {
  std::lock_guard lock(mutex_);
  auto it = peer_owner_.find(peer);
  return it == peer_owner_.end() ? std::string() : it->second;
}

bool stream_hub::on_open(const std::shared_ptr<http::ws_peer>& peer, const http::http_request&) {
  const auto& sha = peer->client_cert_sha256();
  std::shared_ptr<http::ws_peer> replaced;
  std::string id;
  {
    std::lock_guard lock(mutex_);
    auto owner = sha ? cert_owner_.find(*sha) : cert_owner_.end();
    if (owner == cert_owner_.end()) return false;
    id = owner->second;
    auto& l = links_.try_emplace(id, link{nullptr, board_sync(id), {}}).first->second;
    // One live connection per board: a newer one replaces a half-open older one.
    replaced = std::exchange(l.peer, peer);
    if (replaced) peer_owner_.erase(replaced.get());
    peer_owner_[peer.get()] = id;
    l.sync.on_disconnect();  // until its hello says what it holds
    l.status.online = true;
    l.status.last_seen = now_();
  }
  if (replaced) replaced->close();
  log::write(log::level::info, "controller_connected",
             {{"controller_id", id}, {"remote", peer->remote_address()}});
  return true;
}

void stream_hub::note_clock(link& l, std::int64_t clock_ms, sys_seconds now) {
  const auto service_ms = unix_ms(std::chrono::time_point_cast<std::chrono::seconds>(now));
  l.status.clock_skew_ms = clock_ms - service_ms;
}

void stream_hub::on_text(const std::shared_ptr<http::ws_peer>& peer, std::string text) {
  const auto id = controller_of(peer.get());
  if (id.empty()) return;
  auto parsed = protocol::parse_stream_message(text);
  if (!parsed) {
    log::write(log::level::warn, "stream_message_refused",
               {{"controller_id", id}, {"error", parsed.error().message()}});
    return;
  }
  const auto now = now_();
  if (auto* events = std::get_if<protocol::events_message>(&*parsed)) {
    on_events(peer, id, *events);
    return;
  }
  bool wake = false;
  {
    std::lock_guard lock(mutex_);
    auto it = links_.find(id);
    if (it == links_.end() || it->second.peer != peer) return;
    auto& l = it->second;
    l.status.last_seen = now;
    if (auto* hello = std::get_if<protocol::hello_message>(&*parsed)) {
      if (hello->controller_id != id) {
        log::write(log::level::warn, "hello_foreign_id", {{"controller_id", id}});
        peer->close();
        return;
      }
      note_clock(l, hello->clock_ms, now);
      l.status.reader = std::string(protocol::to_string(hello->reader));
      l.status.door = std::string(protocol::to_string(hello->door));
      l.sync.on_hello(hello->epoch, hello->sequence);
      wake = true;
    } else if (auto* ack = std::get_if<protocol::ack_message>(&*parsed)) {
      if (!l.sync.on_ack(ack->epoch, ack->sequence))
        log::write(log::level::debug, "stale_ack",
                   {{"controller_id", id}, {"sequence", ack->sequence}});
    } else if (auto* resync = std::get_if<protocol::resync_message>(&*parsed)) {
      log::write(log::level::warn, "controller_resync",
                 {{"controller_id", id}, {"reason", resync->reason}});
      l.sync.on_resync();
      wake = true;
    } else if (auto* status = std::get_if<protocol::status_message>(&*parsed)) {
      note_clock(l, status->clock_ms, now);
      l.status.reader = std::string(protocol::to_string(status->reader));
      l.status.door = std::string(protocol::to_string(status->door));
    }
    if (wake) sync_wanted_ = true;
  }
  if (wake) wake_.notify_all();
}

void stream_hub::on_close(const std::shared_ptr<http::ws_peer>& peer) {
  std::string id;
  {
    std::lock_guard lock(mutex_);
    auto owner = peer_owner_.find(peer.get());
    if (owner == peer_owner_.end()) return;
    id = owner->second;
    peer_owner_.erase(owner);
    auto it = links_.find(id);
    if (it != links_.end() && it->second.peer == peer) {
      it->second.peer.reset();
      it->second.sync.on_disconnect();
      it->second.status.online = false;
      it->second.status.last_seen = now_();
    }
  }
  log::write(log::level::info, "controller_disconnected", {{"controller_id", id}});
}

}  // namespace hubgate::controllers

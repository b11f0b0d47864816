#include "booking/controllers/stream_hub.hpp"

#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <utility>

#include "booking/controllers/hub_index.hpp"
#include "booking/controllers/pseudonym_maker.hpp"
#include "booking/controllers/tap_check_in.hpp"
#include "booking/log/log.hpp"

namespace hubgate::controllers {
namespace {

std::int64_t unix_ms(sys_seconds t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

std::vector<std::uint8_t> random_list_key() {
  std::vector<std::uint8_t> key(32);
  if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1) std::abort();
  return key;
}

}  // namespace

stream_hub::stream_hub(hub_ports ports, protocol::signing_key key, hub_options options,
                       std::function<sys_seconds()> now)
    : ports_(ports), key_(std::move(key)), options_(options), now_(std::move(now)) {}

stream_hub::~stream_hub() {
  stop();
}

outcome<void> stream_hub::start() {
  auto all = ports_.controllers.list_controllers();
  if (!all) return all.error();
  {
    std::lock_guard lock(mutex_);
    for (const auto& c : *all) {
      controller_site_[c.id] = c.site_id;
      links_.try_emplace(c.id, link{nullptr, board_sync(c.id, c.epoch), {}});
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
    controller_site_[c.id] = c.site_id;
    links_.try_emplace(c.id, link{nullptr, board_sync(c.id, c.epoch), {}});
    if (c.cert_sha256) cert_owner_[*c.cert_sha256] = c.id;
  }
  access_changed();
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
  while (!stopping_) {
    const auto refresh_at = have_lists_ ? next_refresh_ : std::chrono::steady_clock::now();
    wake_.wait_until(lock, refresh_at, [this] { return stopping_ || dirty_ || sync_wanted_; });
    if (stopping_) break;
    // A burst of writes settles into one recomputation; a costly one spaces out the next.
    if (dirty_) {
      const auto settle = std::max(std::chrono::steady_clock::now() + options_.debounce,
                                   derived_at_ + 3 * derive_cost_);
      if (wake_.wait_until(lock, settle, [this] { return stopping_; })) break;
    }
    const bool recompute =
        dirty_ || !have_lists_ || std::chrono::steady_clock::now() >= next_refresh_;
    dirty_ = false;
    sync_wanted_ = false;
    const auto now = now_();
    if (recompute) {
      lock.unlock();
      const auto started = std::chrono::steady_clock::now();
      auto fresh = derive(now);
      lock.lock();
      derived_at_ = std::chrono::steady_clock::now();
      derive_cost_ = derived_at_ - started;
      next_refresh_ = std::chrono::steady_clock::now() + options_.refresh;
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

outcome<stream_hub::derivation> stream_hub::derive(sys_seconds now) {
  hub_state state;
  auto sites = ports_.catalog.list_sites();
  if (!sites) return sites.error();
  state.sites = std::move(*sites);
  auto spaces = ports_.catalog.list_spaces({});
  if (!spaces) return spaces.error();
  state.spaces = std::move(*spaces);
  auto doors = ports_.catalog.list_doors(std::nullopt);
  if (!doors) return doors.error();
  state.doors = std::move(*doors);
  // Without a door on a controller there is no list to serve: skip reading the bookings.
  if (std::none_of(state.doors.begin(), state.doors.end(),
                   [](const domain::door& d) { return d.controller_id.has_value(); }))
    return derivation{};
  auto groups = ports_.catalog.list_groups();
  if (!groups) return groups.error();
  state.groups = std::move(*groups);
  auto users = ports_.users.list_users();
  if (!users) return users.error();
  state.users = std::move(*users);
  auto credentials = ports_.controllers.all_credentials();
  if (!credentials) return credentials.error();
  state.credentials = std::move(*credentials);
  // Only bookings that can open a door within the horizon.
  domain::booking_filter f;
  f.from = now - options_.derivation.late_grace;
  f.to = now + options_.derivation.horizon + options_.derivation.horizon_step +
         options_.derivation.early_grace;
  f.statuses = {domain::booking_status::confirmed, domain::booking_status::checked_in};
  f.limit = 10'000'000;
  auto bookings = ports_.bookings.list_bookings(f);
  if (!bookings) return bookings.error();
  state.bookings = std::move(*bookings);
  auto keys = ports_.controllers.list_keys();
  if (!keys) return keys.error();
  for (const auto& d : state.doors) {
    if (!d.controller_id || keys->contains(d.site_id)) continue;
    auto key = ports_.controllers.ensure_list_key(d.site_id, random_list_key());
    if (!key) return key.error();
    (*keys)[d.site_id] = std::move(*key);
  }
  state.list_keys = std::move(*keys);

  auto lists = derive_access_lists(state, options_.derivation, now);
  if (!lists) return failure(lists.error());
  derivation out{std::move(*lists), {}};
  for (const auto& [site_id, key] : state.list_keys) {
    pseudonym_maker make(key);
    auto& index = out.cards[site_id];
    for (const auto& c : state.credentials)
      if (auto bytes = card_bytes(c.card_id)) index.emplace(make(*bytes), c);
  }
  return out;
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
    auto envelope = l.sync.next(current, open_epoch, now.time_since_epoch().count());
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

void stream_hub::on_events(const std::shared_ptr<http::ws_peer>& peer, const std::string& id,
                           const protocol::events_message& m) {
  const auto now = now_();
  // Acknowledged only once durable: a failure means no ack, and the board sends them again.
  auto stored = ports_.controllers.insert_events(id, m.events, now);
  if (!stored) {
    log::write(log::level::warn, "events_store_failed",
               {{"controller_id", id}, {"message", stored.error().code.message()}});
    return;
  }
  protocol::events_ack_message ack;
  for (const auto& e : m.events) ack.ids.push_back(e.id);
  std::string site;
  {
    std::lock_guard lock(mutex_);
    auto it = links_.find(id);
    if (it != links_.end()) it->second.status.last_seen = now;
    if (auto s = controller_site_.find(id); s != controller_site_.end()) site = s->second;
  }
  peer->send(protocol::serialize(protocol::stream_message{std::move(ack)}));
  log::write(log::level::debug, "events_stored",
             {{"controller_id", id}, {"received", m.events.size()}, {"new", *stored}});

  bool changed = false;
  for (const auto& e : m.events) {
    if (e.kind != protocol::event_kind::tap_granted || !e.card) continue;
    auto credential = credential_for(site, *e.card);
    if (!credential) continue;
    // The board's clock says when the tap happened; never later than now.
    auto at = std::min(now, sys_seconds{std::chrono::duration_cast<std::chrono::seconds>(
                                std::chrono::milliseconds{e.at})});
    auto done = check_in_by_tap(ports_.catalog, ports_.bookings, ports_.booking_service,
                                credential->user_id, e.door_id, at, options_.check_in_early_grace);
    if (!done) continue;
    for (const auto& b : *done) {
      log::write(log::level::info, "booking_checked_in_by_tap",
                 {{"booking_id", b.id}, {"door_id", e.door_id}});
      changed = true;
    }
  }
  if (changed) access_changed();
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

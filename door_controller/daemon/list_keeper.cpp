#include "door_controller/daemon/list_keeper.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "door_controller/cache/list_file.hpp"
#include "door_controller/decision/access_index.hpp"
#include "protocol/access_list_json.hpp"
#include "protocol/envelope.hpp"
#include "protocol/log/log.hpp"

namespace hubgate::door {

list_keeper::list_keeper(local_store& store, const protocol::verify_key& key,
                         std::string controller_id, std::filesystem::path list_file,
                         door_loop& loop)
    : store_(store),
      key_(key),
      controller_id_(std::move(controller_id)),
      list_file_(std::move(list_file)),
      loop_(loop) {}

void list_keeper::load_stored() {
  auto loaded = store_.load_list(key_, controller_id_);
  if (!loaded) {
    if (loaded.error() == cache_errc::no_list) {
      log::write(log::level::info, "no_stored_list");
      return;
    }
    log::write(log::level::error, "stored_list_refused", {{"error", loaded.error().message()}});
    loop_.record_list_event(protocol::event_kind::list_refused,
                            "stored list: " + loaded.error().message());
    needs_snapshot_ = true;
    if (auto cleared = store_.clear_list(); !cleared)
      log::write(log::level::error, "store_failed", {{"error", cleared.error().message()}});
    return;
  }
  const auto entries = loaded->list.entries.size();
  apply(std::move(loaded->list), loaded->epoch, loaded->sequence, loaded->issued_at);
  log::write(
      log::level::info, "list_loaded",
      {{"source", "store"}, {"epoch", epoch_}, {"sequence", sequence_}, {"entries", entries}});
}

void list_keeper::check_file(bool force) {
  if (list_file_.empty()) return;
  struct stat info {};
  if (::stat(list_file_.c_str(), &info) != 0) {
    if (!reported_missing_)
      log::write(log::level::warn, "list_file_missing", {{"path", list_file_.string()}});
    reported_missing_ = true;
    seen_.reset();
    return;
  }
  reported_missing_ = false;
  const file_identity now{
      static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec,
      static_cast<std::uintmax_t>(info.st_size), static_cast<std::uint64_t>(info.st_ino)};
  if (!force && seen_ && *seen_ == now) return;
  seen_ = now;

  auto loaded = load_list_file(list_file_, key_, controller_id_, epoch_, sequence_);
  if (!loaded) {
    if (already_applied(list_file_)) return;
    log::write(log::level::warn, "list_refused",
               {{"path", list_file_.string()}, {"error", loaded.error().message()}});
    loop_.record_list_event(protocol::event_kind::list_refused, loaded.error().message());
    return;
  }
  if (auto saved = store_.save_list(loaded->envelope_text); !saved)
    log::write(log::level::error, "store_failed", {{"error", saved.error().message()}});
  const auto entries = loaded->list.list.entries.size();
  apply(std::move(loaded->list.list), loaded->list.epoch, loaded->list.sequence,
        loaded->list.issued_at);
  log::write(
      log::level::info, "list_loaded",
      {{"source", "file"}, {"epoch", epoch_}, {"sequence", sequence_}, {"entries", entries}});
  loop_.record_list_event(protocol::event_kind::list_accepted,
                          fmt::format("epoch {} sequence {}", epoch_, sequence_));
}

boost::system::result<void> list_keeper::apply_message(const protocol::signed_envelope& message) {
  const auto& body = message.body;
  if (auto ok = protocol::accept(message, key_, controller_id_, epoch_, sequence_); !ok) {
    // The service re-sending the newest message (its ack was lost) is no refusal: the same
    // (epoch, sequence) under a valid signature is the same message.
    if (ok.error() == protocol::errc::replayed_sequence && body.epoch == epoch_ &&
        body.sequence == sequence_ && !needs_snapshot_)
      return {};
    return ok.error();
  }
  const bool is_snapshot = body.type == protocol::envelope_type::snapshot;
  protocol::access_list next;
  if (is_snapshot) {
    auto list = protocol::parse_access_list(body.payload);
    if (!list) return list.error();
    next = std::move(*list);
  } else if (body.type == protocol::envelope_type::delta) {
    auto delta = protocol::parse_access_list_delta(body.payload);
    if (!delta) return delta.error();
    next = current_;
    protocol::apply_delta(next, *delta);
  } else {
    return protocol::errc::unexpected_type;
  }
  // Persisted before it decides anything, so a restart resumes from exactly what was acked.
  if (auto saved = store_.save_list(protocol::encode(message)); !saved) return saved.error();
  const auto entries = next.entries.size();
  apply(std::move(next), body.epoch, body.sequence, body.issued_at);
  if (is_snapshot) {
    needs_snapshot_ = false;
    log::write(
        log::level::info, "list_loaded",
        {{"source", "link"}, {"epoch", epoch_}, {"sequence", sequence_}, {"entries", entries}});
    loop_.record_list_event(protocol::event_kind::list_accepted,
                            fmt::format("epoch {} sequence {}", epoch_, sequence_));
  } else {
    log::write(log::level::debug, "list_delta_applied",
               {{"epoch", epoch_}, {"sequence", sequence_}, {"entries", entries}});
  }
  return {};
}

void list_keeper::apply(protocol::access_list list, std::uint64_t epoch, std::uint64_t sequence,
                        std::int64_t issued_at) {
  epoch_ = epoch;
  sequence_ = sequence;
  loop_.set_list(access_index(list), issued_at, list.doors);
  current_ = std::move(list);
}

// The file we already hold (same epoch and sequence, validly signed) reads as a replay, but
// re-reading it at start or on SIGHUP is not a refusal worth reporting.
bool list_keeper::already_applied(const std::filesystem::path& path) const {
  if (sequence_ == 0) return false;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  auto decoded = protocol::decode(text.str());
  if (!decoded || !protocol::verify(*decoded, key_)) return false;
  return decoded->body.controller_id == controller_id_ && decoded->body.epoch == epoch_ &&
         decoded->body.sequence == sequence_;
}

}  // namespace hubgate::door

#include "door_controller/daemon/list_keeper.hpp"

#include "door_controller/cache/list_file.hpp"
#include "door_controller/daemon/json_log.hpp"
#include "door_controller/decision/access_index.hpp"
#include "protocol/envelope.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <sys/stat.h>

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
      log(log_level::info, "no_stored_list");
      return;
    }
    log(log_level::error, "stored_list_refused", {{"error", loaded.error().message()}});
    loop_.record_list_event(protocol::event_kind::list_refused,
                            "stored list: " + loaded.error().message());
    if (auto cleared = store_.clear_list(); !cleared)
      log(log_level::error, "store_failed", {{"error", cleared.error().message()}});
    return;
  }
  epoch_ = loaded->epoch;
  sequence_ = loaded->sequence;
  loop_.set_list(access_index(loaded->list), loaded->issued_at);
  log(log_level::info, "list_loaded",
      {{"source", "store"}, {"epoch", epoch_}, {"sequence", sequence_},
       {"entries", loaded->list.entries.size()}});
}

void list_keeper::check_file(bool force) {
  if (list_file_.empty()) return;
  struct stat info {};
  if (::stat(list_file_.c_str(), &info) != 0) {
    if (!reported_missing_) log(log_level::warn, "list_file_missing", {{"path", list_file_.string()}});
    reported_missing_ = true;
    seen_.reset();
    return;
  }
  reported_missing_ = false;
  const file_identity now{static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 +
                              info.st_mtim.tv_nsec,
                          static_cast<std::uintmax_t>(info.st_size),
                          static_cast<std::uint64_t>(info.st_ino)};
  if (!force && seen_ && *seen_ == now) return;
  seen_ = now;

  auto loaded = load_list_file(list_file_, key_, controller_id_, epoch_, sequence_);
  if (!loaded) {
    if (already_applied(list_file_)) return;
    log(log_level::warn, "list_refused",
        {{"path", list_file_.string()}, {"error", loaded.error().message()}});
    loop_.record_list_event(protocol::event_kind::list_refused, loaded.error().message());
    return;
  }
  if (auto saved = store_.save_list(loaded->envelope_text); !saved)
    log(log_level::error, "store_failed", {{"error", saved.error().message()}});
  epoch_ = loaded->list.epoch;
  sequence_ = loaded->list.sequence;
  loop_.set_list(access_index(loaded->list.list), loaded->list.issued_at);
  log(log_level::info, "list_loaded",
      {{"source", "file"}, {"epoch", epoch_}, {"sequence", sequence_},
       {"entries", loaded->list.list.entries.size()}});
  loop_.record_list_event(protocol::event_kind::list_accepted,
                          fmt::format("epoch {} sequence {}", epoch_, sequence_));
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

// Keeps the door loop's access list current: the verified list from the local store at start,
// then the signed list file whenever it changes (or on SIGHUP), and messages from the live
// link. A refused file or message is reported as list_refused and the last good list keeps
// deciding.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>

#include "door_controller/cache/local_store.hpp"
#include "door_controller/daemon/door_loop.hpp"
#include "protocol/envelope.hpp"
#include "protocol/keys.hpp"

namespace hubgate::door {

class list_keeper {
 public:
  list_keeper(local_store& store, const protocol::verify_key& key, std::string controller_id,
              std::filesystem::path list_file, door_loop& loop);

  // Loads what the store holds (a tampered store is reported and cleared).
  void load_stored();
  // Reads the list file when it changed since the last look, or always when `force`.
  void check_file(bool force);
  // A message from the live link: protocol::accept, persist, then apply. The error says why
  // it was refused (the caller asks for a resync); a re-sent copy of the newest message
  // succeeds without changing anything, so it can be acknowledged again.
  boost::system::result<void> apply_message(const protocol::signed_envelope& message);

  std::uint64_t epoch() const { return epoch_; }
  std::uint64_t sequence() const { return sequence_; }
  // The stored list was refused at start and no good snapshot has arrived since.
  bool needs_snapshot() const { return needs_snapshot_; }

 private:
  struct file_identity {
    std::int64_t mtime_ns = 0;
    std::uintmax_t size = 0;
    std::uint64_t inode = 0;
    friend bool operator==(const file_identity&, const file_identity&) = default;
  };
  bool already_applied(const std::filesystem::path& path) const;
  void apply(protocol::access_list list, std::uint64_t epoch, std::uint64_t sequence,
             std::int64_t issued_at);

  local_store& store_;
  const protocol::verify_key& key_;
  std::string controller_id_;
  std::filesystem::path list_file_;
  door_loop& loop_;
  std::uint64_t epoch_ = 0;
  std::uint64_t sequence_ = 0;
  protocol::access_list current_;  // deltas from the link apply to it
  bool needs_snapshot_ = false;
  std::optional<file_identity> seen_;
  bool reported_missing_ = false;
};

}  // namespace hubgate::door

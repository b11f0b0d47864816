// The board's local SQLite store: the signed list exactly as received (snapshot plus ordered
// deltas, re-verified on every load) and the durable queue of events awaiting upload.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "door_controller/cache/cache_errc.hpp"
#include "door_controller/cache/loaded_list.hpp"
#include "protocol/event.hpp"
#include "protocol/keys.hpp"
#include "protocol/sqlite/database.hpp"

struct sqlite3;

namespace hubgate::door {

// One connection; not thread-safe: the daemon calls it from its single storage thread.
// WAL with synchronous=FULL, so every successful call is durable on return (kill -9 and
// power loss included).
class local_store {
 public:
  // Creates the file and schema when absent; refuses a schema newer than this code knows.
  static result<local_store> open(const std::filesystem::path& path);

  local_store(local_store&&) noexcept;
  local_store& operator=(local_store&&) noexcept;
  ~local_store();

  // Persists one envelope exactly as received, after the caller has run protocol::accept.
  // A snapshot replaces the stored list and its deltas; a delta is appended and must carry
  // the stored epoch and the next sequence (else out_of_order); a delta with nothing stored
  // is not_a_snapshot. Malformed text is the protocol error from decode.
  result<void> save_list(std::string_view signed_envelope_text);

  // Decodes and verifies the snapshot and every delta again (signature, controller id,
  // epoch, consecutive sequences) and applies the deltas. no_list when empty; tampered when
  // anything fails: the caller reports it and asks for a fresh snapshot.
  result<loaded_list> load_list(const protocol::verify_key& key, std::string_view controller_id);

  // Forgets the stored list (e.g. after it was found tampered).
  result<void> clear_list();

  // Durable before it returns, so the caller may move the relay afterwards. Appending an id
  // already queued is a no-op (uploads are deduplicated by id anyway).
  result<void> append_event(const protocol::access_event& event);
  // Oldest first.
  result<std::vector<protocol::access_event>> pending_events(std::size_t limit);
  // Called only after the service acknowledged a durable commit; returns how many went.
  result<std::size_t> delete_events(std::span<const std::string> ids);
  result<std::uint64_t> event_count();

 private:
  explicit local_store(sqlite::database db) noexcept : db_(std::move(db)) {}
  sqlite::database db_;
};

}  // namespace hubgate::door

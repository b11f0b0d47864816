// The storage the door link needs, free of SQL: controllers and their enrolment tokens, the
// sites' list keys, and the access events boards upload. booking/store implements it.
#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "booking/domain/credential.hpp"
#include "booking/domain/failure.hpp"
#include "protocol/event.hpp"

namespace hubgate::controllers {

using domain::failure;
using domain::outcome;
using sys_seconds = std::chrono::sys_seconds;

enum class controller_status { pending, enrolled, revoked };
std::string_view to_string(controller_status s) noexcept;

struct controller_record {
  std::string id;  // assigned by the store when empty
  std::string name;
  std::string site_id;
  std::vector<std::string> door_ids;
  controller_status status = controller_status::pending;
  std::string token_hash;  // SHA-256 hex of the enrolment token; empty once redeemed
  std::optional<sys_seconds> token_expires_at;
  std::optional<std::string> cert_sha256;  // of the certificate issued at enrolment (DER)
  sys_seconds created_at{};
  std::optional<sys_seconds> enrolled_at;
  std::optional<sys_seconds> revoked_at;
  std::uint64_t epoch = 0;  // the list epoch last opened for this controller
};

// An uploaded access event as stored: the board's record plus who sent it and when.
struct stored_event {
  std::string controller_id;
  protocol::access_event event;
  sys_seconds received_at{};
};

struct event_filter {
  std::optional<std::int64_t> from_ms, to_ms;  // event time on the board, [from, to)
  std::optional<std::string> door_id, controller_id;
  std::vector<protocol::event_kind> kinds;  // empty: any
  std::size_t limit = 100;
};

class controller_repository {
 public:
  virtual ~controller_repository() = default;

  virtual outcome<controller_record> insert_controller(controller_record c) = 0;
  virtual outcome<controller_record> get_controller(std::string_view id) = 0;
  virtual outcome<controller_record> find_by_token_hash(std::string_view token_hash) = 0;
  virtual outcome<std::vector<controller_record>> list_controllers() = 0;
  // Compare-and-set in one transaction: the controller must still be pending with this token
  // hash, unexpired at `now`; it becomes enrolled with the certificate's hash and the token is
  // cleared (single use). errc::enrollment_token_invalid otherwise.
  virtual outcome<controller_record> redeem_token(std::string_view id, std::string_view token_hash,
                                                  sys_seconds now, std::string cert_sha256) = 0;
  virtual outcome<controller_record> revoke_controller(std::string_view id, sys_seconds now) = 0;
  // Increments the controller's epoch durably and returns the new value.
  virtual outcome<std::uint64_t> next_epoch(std::string_view id) = 0;

  // The site's list key; `candidate` is stored when the site has none yet.
  virtual outcome<std::vector<std::uint8_t>> ensure_list_key(
      std::string_view site_id, const std::vector<std::uint8_t>& candidate) = 0;
  virtual outcome<std::map<std::string, std::vector<std::uint8_t>>> list_keys() = 0;

  // Every credential of every user (pseudonyms are computed from them).
  virtual outcome<std::vector<domain::credential>> all_credentials() = 0;

  // In one durable transaction; an event whose id is stored already is skipped. Returns the
  // number of events newly stored.
  virtual outcome<std::size_t> insert_events(std::string_view controller_id,
                                             const std::vector<protocol::access_event>& events,
                                             sys_seconds received_at) = 0;
  // Newest first.
  virtual outcome<std::vector<stored_event>> list_events(const event_filter& filter) = 0;
  virtual outcome<std::size_t> count_events() = 0;
};

}  // namespace hubgate::controllers

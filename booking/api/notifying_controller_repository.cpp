#include "booking/api/notifying_controller_repository.hpp"

#include <utility>

namespace hubgate::api {

using namespace controllers;

notifying_controller_repository::notifying_controller_repository(controller_repository& inner,
                                                                 listener stored)
    : inner_(inner), stored_(std::move(stored)) {}

outcome<controller_record> notifying_controller_repository::insert_controller(controller_record c) {
  return inner_.insert_controller(std::move(c));
}
outcome<controller_record> notifying_controller_repository::get_controller(std::string_view id) {
  return inner_.get_controller(id);
}
outcome<controller_record> notifying_controller_repository::find_by_token_hash(
    std::string_view token_hash) {
  return inner_.find_by_token_hash(token_hash);
}
outcome<std::vector<controller_record>> notifying_controller_repository::list_controllers() {
  return inner_.list_controllers();
}
outcome<controller_record> notifying_controller_repository::redeem_token(
    std::string_view id, std::string_view token_hash, sys_seconds now, std::string cert_sha256) {
  return inner_.redeem_token(id, token_hash, now, std::move(cert_sha256));
}
outcome<controller_record> notifying_controller_repository::revoke_controller(std::string_view id,
                                                                              sys_seconds now) {
  return inner_.revoke_controller(id, now);
}
outcome<std::uint64_t> notifying_controller_repository::next_epoch(std::string_view id) {
  return inner_.next_epoch(id);
}
outcome<std::vector<std::uint8_t>> notifying_controller_repository::ensure_list_key(
    std::string_view site_id, const std::vector<std::uint8_t>& candidate) {
  return inner_.ensure_list_key(site_id, candidate);
}
outcome<std::map<std::string, std::vector<std::uint8_t>>>
notifying_controller_repository::list_keys() {
  return inner_.list_keys();
}
outcome<std::vector<domain::credential>> notifying_controller_repository::all_credentials() {
  return inner_.all_credentials();
}

outcome<std::size_t> notifying_controller_repository::insert_events(
    std::string_view controller_id, const std::vector<protocol::access_event>& events,
    sys_seconds received_at) {
  auto stored = inner_.insert_events(controller_id, events, received_at);
  if (stored && *stored > 0 && stored_) stored_(std::string(controller_id), events);
  return stored;
}

outcome<std::vector<stored_event>> notifying_controller_repository::list_events(
    const event_filter& filter) {
  return inner_.list_events(filter);
}
outcome<std::size_t> notifying_controller_repository::count_events() {
  return inner_.count_events();
}

}  // namespace hubgate::api

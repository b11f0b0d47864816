// The controllers' store with a listener for newly stored access events: every call is
// forwarded, and after a durable insert that stored something the listener hears of it (the
// live access log pushes it to the admins' browsers).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "booking/controllers/controller_repository.hpp"

namespace hubgate::api {

class notifying_controller_repository final : public controllers::controller_repository {
 public:
  using listener = std::function<void(const std::string& controller_id,
                                      const std::vector<protocol::access_event>& events)>;
  notifying_controller_repository(controllers::controller_repository& inner, listener stored);

  controllers::outcome<controllers::controller_record> insert_controller(
      controllers::controller_record c) override;
  controllers::outcome<controllers::controller_record> get_controller(std::string_view id) override;
  controllers::outcome<controllers::controller_record> find_by_token_hash(
      std::string_view token_hash) override;
  controllers::outcome<std::vector<controllers::controller_record>> list_controllers() override;
  controllers::outcome<controllers::controller_record> redeem_token(
      std::string_view id, std::string_view token_hash, controllers::sys_seconds now,
      std::string cert_sha256) override;
  controllers::outcome<controllers::controller_record> revoke_controller(
      std::string_view id, controllers::sys_seconds now) override;
  controllers::outcome<std::uint64_t> next_epoch(std::string_view id) override;
  controllers::outcome<std::vector<std::uint8_t>> ensure_list_key(
      std::string_view site_id, const std::vector<std::uint8_t>& candidate) override;
  controllers::outcome<std::map<std::string, std::vector<std::uint8_t>>> list_keys() override;
  controllers::outcome<std::vector<domain::credential>> all_credentials() override;
  // The listener runs after the commit, with the whole batch (events already stored before
  // are in it too: listeners deduplicate by event id).
  controllers::outcome<std::size_t> insert_events(std::string_view controller_id,
                                                  const std::vector<protocol::access_event>& events,
                                                  controllers::sys_seconds received_at) override;
  controllers::outcome<std::vector<controllers::stored_event>> list_events(
      const controllers::event_filter& filter) override;
  controllers::outcome<std::size_t> count_events() override;

 private:
  controllers::controller_repository& inner_;
  listener stored_;
};

}  // namespace hubgate::api

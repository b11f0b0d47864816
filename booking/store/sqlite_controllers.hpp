// The SQLite controller repository: controllers with their enrolment tokens, the sites' list
// keys, the cards with their UIDs unsealed for the access derivation and the uploaded access
// events. Internal to booking/store.
#pragma once
#include "booking/controllers/controller_repository.hpp"
#include "booking/store/card_cipher.hpp"
#include "booking/store/sqlite_access.hpp"

namespace hubgate::store {

class sqlite_controllers final : public controllers::controller_repository, private sqlite_access {
 public:
  sqlite_controllers(write_queue& writer, reader_pool& readers, const card_cipher& cipher)
      : sqlite_access(writer, readers), cipher_(cipher) {}
  using record = controllers::controller_record;

  outcome<record> insert_controller(record c) override;
  outcome<record> get_controller(std::string_view id) override;
  outcome<record> find_by_token_hash(std::string_view token_hash) override;
  outcome<std::vector<record>> list_controllers() override;
  outcome<record> redeem_token(std::string_view id, std::string_view token_hash,
                               controllers::sys_seconds now, std::string cert_sha256) override;
  outcome<record> revoke_controller(std::string_view id, controllers::sys_seconds now) override;
  outcome<std::uint64_t> next_epoch(std::string_view id) override;

  outcome<std::vector<std::uint8_t>> ensure_list_key(
      std::string_view site_id, const std::vector<std::uint8_t>& candidate) override;
  outcome<std::map<std::string, std::vector<std::uint8_t>>> list_keys() override;

  outcome<std::vector<domain::credential>> all_credentials() override;

  outcome<std::size_t> insert_events(std::string_view controller_id,
                                     const std::vector<protocol::access_event>& events,
                                     controllers::sys_seconds received_at) override;
  outcome<std::vector<controllers::stored_event>> list_events(
      const controllers::event_filter& filter) override;
  outcome<std::size_t> count_events() override;

 private:
  const card_cipher& cipher_;
};

}  // namespace hubgate::store

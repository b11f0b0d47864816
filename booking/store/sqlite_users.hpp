// The SQLite user repository: users (unique e-mail, case-insensitive) and their credentials
// (unique card identifier). Internal to booking/store.
#pragma once
#include "booking/domain/ports.hpp"
#include "booking/store/card_cipher.hpp"
#include "booking/store/sqlite_access.hpp"

namespace hubgate::store {

// Credential rows, shared with the controllers store (which reads every card to compute
// pseudonyms). The columns show the card by its hint; with card_sealed after them, the UID
// can be unsealed.
inline constexpr const char* credential_columns =
    "id, user_id, kind, card_hint, label, status, expires_at, legacy, created_at";
outcome<domain::credential> read_credential(const statement& st);
// read_credential over credential_columns followed by card_sealed, with card_id unsealed:
// bad_record when the seal does not open under this key.
outcome<domain::credential> read_unsealed_credential(const statement& st,
                                                     const card_cipher& cipher);

inline constexpr const char* user_columns =
    "id, email, display_name, role, group_ids, active, language, created_at";

outcome<domain::user> read_user(const statement& st);

class sqlite_users final : public domain::user_repository, private sqlite_access {
 public:
  sqlite_users(write_queue& writer, reader_pool& readers, const card_cipher& cipher)
      : sqlite_access(writer, readers), cipher_(cipher) {}

  outcome<std::vector<domain::user>> list_users() override;
  outcome<domain::user> get_user(std::string_view id) override;
  outcome<domain::user> find_user_by_email(std::string_view email) override;
  outcome<std::size_t> count_users() override;
  outcome<domain::user> insert_user(domain::user u, std::string password_hash) override;
  outcome<domain::user> update_user(domain::user u) override;

  outcome<std::vector<domain::credential>> list_credentials(std::string_view user_id) override;
  outcome<domain::credential> get_credential(std::string_view id) override;
  outcome<domain::credential> find_credential_by_card(std::string_view card_id) override;
  outcome<domain::credential> insert_credential(domain::credential c) override;
  outcome<domain::credential> update_credential(domain::credential c) override;

 private:
  const card_cipher& cipher_;
};

}  // namespace hubgate::store

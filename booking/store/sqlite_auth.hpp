// The SQLite auth repository: password hashes, sessions and API tokens, stored by their
// SHA-256 only so that a copy of the database opens no session. Internal to booking/store.
#pragma once
#include "booking/domain/ports.hpp"
#include "booking/store/sqlite_access.hpp"

namespace hubgate::store {

class sqlite_auth final : public domain::auth_repository, private sqlite_access {
 public:
  using sqlite_access::sqlite_access;

  outcome<domain::login_record> find_login(std::string_view email) override;
  outcome<std::size_t> set_password_hash(std::string_view user_id, std::string hash,
                                         std::string_view kept_session) override;

  outcome<void> insert_session(std::string_view token, const domain::session_record& s) override;
  outcome<domain::session_record> find_session(std::string_view token,
                                               domain::sys_seconds now) override;
  outcome<void> touch_session(std::string_view token, domain::sys_seconds now) override;
  outcome<void> delete_session(std::string_view token) override;
  outcome<std::size_t> delete_expired_sessions(domain::sys_seconds now,
                                               domain::sys_seconds unused_since) override;
  outcome<std::vector<domain::session_summary>> list_sessions(std::string_view user_id,
                                                              domain::sys_seconds now) override;
  outcome<void> delete_session_by_id(std::string_view user_id, std::string_view id) override;

  outcome<domain::api_token_record> insert_api_token(std::string_view token,
                                                     domain::api_token_record t) override;
  outcome<domain::api_token_record> find_api_token(std::string_view token) override;
  outcome<void> touch_api_token(std::string_view id, domain::sys_seconds now) override;
  outcome<std::vector<domain::api_token_record>> list_api_tokens(std::string_view user_id) override;
  outcome<void> revoke_api_token(std::string_view id) override;
};

}  // namespace hubgate::store

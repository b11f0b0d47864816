// Repository wrappers that keep the authentication cache honest: every logout, token
// revocation, password change and user update made through them is forgotten at once.
#pragma once
#include "booking/auth/auth_cache.hpp"
#include "booking/domain/ports.hpp"

namespace hubgate::api {

class invalidating_auth_repository final : public domain::auth_repository {
 public:
  invalidating_auth_repository(domain::auth_repository& inner, auth::auth_cache& cache)
      : inner_(inner), cache_(cache) {}

  domain::outcome<domain::login_record> find_login(std::string_view email) override;
  domain::outcome<std::size_t> set_password_hash(std::string_view user_id, std::string hash,
                                                 std::string_view kept_session) override;
  domain::outcome<void> insert_session(std::string_view token,
                                       const domain::session_record& s) override;
  domain::outcome<domain::session_record> find_session(std::string_view token,
                                                       domain::sys_seconds now) override;
  domain::outcome<void> touch_session(std::string_view token, domain::sys_seconds now) override;
  domain::outcome<void> delete_session(std::string_view token) override;
  domain::outcome<std::size_t> delete_expired_sessions(domain::sys_seconds now,
                                                       domain::sys_seconds unused_since) override;
  domain::outcome<std::vector<domain::session_summary>> list_sessions(
      std::string_view user_id, domain::sys_seconds now) override;
  domain::outcome<void> delete_session_by_id(std::string_view user_id,
                                             std::string_view id) override;
  domain::outcome<domain::api_token_record> insert_api_token(std::string_view token,
                                                             domain::api_token_record t) override;
  domain::outcome<domain::api_token_record> find_api_token(std::string_view token) override;
  domain::outcome<void> touch_api_token(std::string_view id, domain::sys_seconds now) override;
  domain::outcome<std::vector<domain::api_token_record>> list_api_tokens(
      std::string_view user_id) override;
  domain::outcome<void> revoke_api_token(std::string_view id) override;

 private:
  domain::auth_repository& inner_;
  auth::auth_cache& cache_;
};

class invalidating_user_repository final : public domain::user_repository {
 public:
  invalidating_user_repository(domain::user_repository& inner, auth::auth_cache& cache)
      : inner_(inner), cache_(cache) {}

  domain::outcome<std::vector<domain::user>> list_users() override;
  domain::outcome<domain::user> get_user(std::string_view id) override;
  domain::outcome<domain::user> find_user_by_email(std::string_view email) override;
  domain::outcome<std::size_t> count_users() override;
  domain::outcome<domain::user> insert_user(domain::user u, std::string password_hash) override;
  domain::outcome<domain::user> update_user(domain::user u) override;
  domain::outcome<std::vector<domain::credential>> list_credentials(
      std::string_view user_id) override;
  domain::outcome<domain::credential> get_credential(std::string_view id) override;
  domain::outcome<domain::credential> find_credential_by_card(std::string_view card_id) override;
  domain::outcome<domain::credential> insert_credential(domain::credential c) override;
  domain::outcome<domain::credential> update_credential(domain::credential c) override;

 private:
  domain::user_repository& inner_;
  auth::auth_cache& cache_;
};

}  // namespace hubgate::api

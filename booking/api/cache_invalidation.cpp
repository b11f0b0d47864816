#include "booking/api/cache_invalidation.hpp"

namespace hubgate::api {

using domain::outcome;

// Each change is forgotten after the store has it, so a lookup racing with it either sees
// the new state or is refused a place in the cache by the generation check.

outcome<domain::login_record> invalidating_auth_repository::find_login(std::string_view email) {
  return inner_.find_login(email);
}
outcome<std::size_t> invalidating_auth_repository::set_password_hash(
    std::string_view user_id, std::string hash, std::string_view kept_session) {
  auto r = inner_.set_password_hash(user_id, std::move(hash), kept_session);
  cache_.forget_user(user_id);
  return r;
}
outcome<void> invalidating_auth_repository::insert_session(std::string_view token,
                                                           const domain::session_record& s) {
  return inner_.insert_session(token, s);
}
outcome<domain::session_record> invalidating_auth_repository::find_session(
    std::string_view token, domain::sys_seconds now) {
  return inner_.find_session(token, now);
}
outcome<void> invalidating_auth_repository::touch_session(std::string_view token,
                                                          domain::sys_seconds now) {
  return inner_.touch_session(token, now);
}
outcome<void> invalidating_auth_repository::delete_session(std::string_view token) {
  auto r = inner_.delete_session(token);
  cache_.forget_token(token);
  return r;
}
outcome<std::size_t> invalidating_auth_repository::delete_expired_sessions(
    domain::sys_seconds now, domain::sys_seconds unused_since) {
  return inner_.delete_expired_sessions(now, unused_since);  // the cache checks both itself
}
outcome<std::vector<domain::session_summary>> invalidating_auth_repository::list_sessions(
    std::string_view user_id, domain::sys_seconds now) {
  return inner_.list_sessions(user_id, now);
}
outcome<void> invalidating_auth_repository::delete_session_by_id(std::string_view user_id,
                                                                 std::string_view id) {
  auto r = inner_.delete_session_by_id(user_id, id);
  cache_.forget_user(user_id);  // the cache knows sessions by their whole digest only
  return r;
}
outcome<domain::api_token_record> invalidating_auth_repository::insert_api_token(
    std::string_view token, domain::api_token_record t) {
  return inner_.insert_api_token(token, std::move(t));
}
outcome<domain::api_token_record> invalidating_auth_repository::find_api_token(
    std::string_view token) {
  return inner_.find_api_token(token);
}
outcome<void> invalidating_auth_repository::touch_api_token(std::string_view id,
                                                            domain::sys_seconds now) {
  return inner_.touch_api_token(id, now);
}
outcome<std::vector<domain::api_token_record>> invalidating_auth_repository::list_api_tokens(
    std::string_view user_id) {
  return inner_.list_api_tokens(user_id);
}
outcome<void> invalidating_auth_repository::revoke_api_token(std::string_view id) {
  auto r = inner_.revoke_api_token(id);
  cache_.forget_api_token_id(id);
  return r;
}

outcome<std::vector<domain::user>> invalidating_user_repository::list_users() {
  return inner_.list_users();
}
outcome<domain::user> invalidating_user_repository::get_user(std::string_view id) {
  return inner_.get_user(id);
}
outcome<domain::user> invalidating_user_repository::find_user_by_email(std::string_view email) {
  return inner_.find_user_by_email(email);
}
outcome<std::size_t> invalidating_user_repository::count_users() {
  return inner_.count_users();
}
outcome<domain::user> invalidating_user_repository::insert_user(domain::user u,
                                                                std::string password_hash) {
  return inner_.insert_user(std::move(u), std::move(password_hash));
}
outcome<domain::user> invalidating_user_repository::update_user(domain::user u) {
  std::string id = u.id;
  auto r = inner_.update_user(std::move(u));
  cache_.forget_user(id);
  return r;
}
outcome<std::vector<domain::credential>> invalidating_user_repository::list_credentials(
    std::string_view user_id) {
  return inner_.list_credentials(user_id);
}
outcome<domain::credential> invalidating_user_repository::get_credential(std::string_view id) {
  return inner_.get_credential(id);
}
outcome<domain::credential> invalidating_user_repository::find_credential_by_card(
    std::string_view card_id) {
  return inner_.find_credential_by_card(card_id);
}
outcome<domain::credential> invalidating_user_repository::insert_credential(domain::credential c) {
  return inner_.insert_credential(std::move(c));
}
outcome<domain::credential> invalidating_user_repository::update_credential(domain::credential c) {
  return inner_.update_credential(std::move(c));
}

}  // namespace hubgate::api

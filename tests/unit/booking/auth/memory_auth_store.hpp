// Hand-written in-memory stores for the auth tests: accounts with their hashes, sessions and
// bearer tokens kept by clear token (the real store keeps digests; the rules do not care),
// and users; counters show which writes the code under test made.
#pragma once
#include <map>
#include <string>

#include "booking/domain/ports.hpp"

namespace hubgate::auth::testing {

using domain::outcome;

class memory_auth final : public domain::auth_repository {
 public:
  std::map<std::string, domain::login_record, std::less<>> logins;  // by email
  std::map<std::string, domain::session_record, std::less<>> sessions;
  std::map<std::string, domain::api_token_record, std::less<>> tokens;
  std::size_t sessions_opened = 0;
  std::size_t touches = 0;

  outcome<domain::login_record> find_login(std::string_view email) override {
    auto it = logins.find(email);
    if (it == logins.end()) return domain::errc::not_found;
    return it->second;
  }
  outcome<std::size_t> set_password_hash(std::string_view user_id, std::string hash,
                                         std::string_view kept_session) override {
    for (auto& [email, login] : logins)
      if (login.account.id == user_id) {
        login.password_hash = std::move(hash);
        return static_cast<std::size_t>(std::erase_if(sessions, [&](const auto& s) {
          return s.second.user_id == user_id && s.first != kept_session;
        }));
      }
    return domain::errc::not_found;
  }
  outcome<void> insert_session(std::string_view token, const domain::session_record& s) override {
    ++sessions_opened;
    sessions.insert_or_assign(std::string(token), s);
    return {};
  }
  outcome<domain::session_record> find_session(std::string_view token,
                                               domain::sys_seconds now) override {
    auto it = sessions.find(token);
    if (it == sessions.end() || it->second.expires_at <= now) return domain::errc::not_found;
    return it->second;
  }
  outcome<void> touch_session(std::string_view token, domain::sys_seconds now) override {
    auto it = sessions.find(token);
    if (it == sessions.end()) return domain::errc::not_found;
    ++touches;
    it->second.last_seen = now;
    return {};
  }
  outcome<void> delete_session(std::string_view token) override {
    sessions.erase(std::string(token));
    return {};
  }
  outcome<std::size_t> delete_expired_sessions(domain::sys_seconds now,
                                               domain::sys_seconds unused_since) override {
    return static_cast<std::size_t>(std::erase_if(sessions, [&](const auto& s) {
      return s.second.expires_at <= now || s.second.last_seen <= unused_since;
    }));
  }
  // Here a session's id is its clear token.
  outcome<std::vector<domain::session_summary>> list_sessions(std::string_view user_id,
                                                              domain::sys_seconds now) override {
    std::vector<domain::session_summary> out;
    for (const auto& [token, s] : sessions)
      if (s.user_id == user_id && s.expires_at > now)
        out.push_back({token, s.created_at, s.last_seen, s.expires_at});
    return out;
  }
  outcome<void> delete_session_by_id(std::string_view user_id, std::string_view id) override {
    auto it = sessions.find(id);
    if (it == sessions.end() || it->second.user_id != user_id) return domain::errc::not_found;
    sessions.erase(it);
    return {};
  }
  outcome<domain::api_token_record> insert_api_token(std::string_view token,
                                                     domain::api_token_record t) override {
    if (t.id.empty()) t.id = "tok" + std::to_string(tokens.size() + 1);
    tokens.insert_or_assign(std::string(token), t);
    return t;
  }
  outcome<domain::api_token_record> find_api_token(std::string_view token) override {
    auto it = tokens.find(token);
    if (it == tokens.end() || it->second.revoked) return domain::errc::not_found;
    return it->second;
  }
  outcome<void> touch_api_token(std::string_view id, domain::sys_seconds now) override {
    for (auto& [clear, t] : tokens)
      if (t.id == id) {
        ++touches;
        t.last_used = now;
        return {};
      }
    return domain::errc::not_found;
  }
  outcome<std::vector<domain::api_token_record>> list_api_tokens(
      std::string_view user_id) override {
    std::vector<domain::api_token_record> out;
    for (const auto& [clear, t] : tokens)
      if (t.user_id == user_id) out.push_back(t);
    return out;
  }
  outcome<void> revoke_api_token(std::string_view id) override {
    for (auto& [clear, t] : tokens)
      if (t.id == id) t.revoked = true;
    return {};
  }
};

class memory_users final : public domain::user_repository {
 public:
  std::map<std::string, domain::user, std::less<>> users;  // by id

  outcome<domain::user> get_user(std::string_view id) override {
    auto it = users.find(id);
    if (it == users.end()) return domain::errc::not_found;
    return it->second;
  }
  // Not used by authentication.
  outcome<std::vector<domain::user>> list_users() override { return unused(); }
  outcome<domain::user> find_user_by_email(std::string_view) override { return unused(); }
  outcome<std::size_t> count_users() override { return unused(); }
  outcome<domain::user> insert_user(domain::user, std::string) override { return unused(); }
  outcome<domain::user> update_user(domain::user) override { return unused(); }
  outcome<std::vector<domain::credential>> list_credentials(std::string_view) override {
    return unused();
  }
  outcome<domain::credential> get_credential(std::string_view) override { return unused(); }
  outcome<domain::credential> find_credential_by_card(std::string_view) override {
    return unused();
  }
  outcome<domain::credential> insert_credential(domain::credential) override { return unused(); }
  outcome<domain::credential> update_credential(domain::credential) override { return unused(); }

 private:
  static domain::failure unused() { return domain::errc::not_found; }
};

}  // namespace hubgate::auth::testing

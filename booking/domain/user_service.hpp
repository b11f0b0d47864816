// Managing users and their cards: admins list, create and update users and enrol, suspend
// or revoke credentials; every user reads themself ("me") and their own credentials.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "booking/domain/actor.hpp"
#include "booking/domain/credential.hpp"
#include "booking/domain/failure.hpp"
#include "booking/domain/ports.hpp"
#include "booking/domain/user.hpp"

namespace hubgate::domain {

outcome<void> validate(const user& u);
outcome<void> validate(const credential& c);
// Upper-case hex without separators ("04:a1:..." and "04a1..." both give "04A1...");
// validation_failed unless 4..32 bytes of hex.
outcome<std::string> normalise_card_id(std::string_view text);

struct user_update {
  std::optional<std::string> display_name;
  std::optional<role> new_role;                       // admin only
  std::optional<std::vector<std::string>> group_ids;  // admin only
  std::optional<bool> active;                         // admin only
  std::optional<std::string> language;
  std::optional<std::string> email;  // admin only
};

class user_service {
 public:
  user_service(user_repository& users, catalog_repository& catalog);

  outcome<std::vector<user>> list_users(const actor& who);        // admin
  outcome<user> get_user(const actor& who, std::string_view id);  // admin or self
  outcome<user> me(const actor& who);
  // The caller hashes the password (the api uses scrypt); the domain never sees it in clear.
  outcome<user> create_user(const actor& who, user u, std::string password_hash,
                            sys_seconds now);  // admin
  outcome<user> update_user(const actor& who, std::string_view id, const user_update& change);

  outcome<std::vector<credential>> list_credentials(const actor& who, std::string_view user_id);
  // Returns the stored card: its hint, never its UID.
  outcome<credential> enrol_credential(const actor& who, credential c, sys_seconds now);  // admin
  // Whose card a found card is (admin): validation_failed for a UID that is not hex,
  // card_not_enrolled when no credential holds it.
  outcome<credential> find_credential_by_card(const actor& who, std::string_view card_id);
  outcome<credential> set_credential_status(const actor& who, std::string_view id,
                                            credential_status status);           // admin
  outcome<credential> revoke_credential(const actor& who, std::string_view id);  // admin

 private:
  user_repository& users_;
  catalog_repository& catalog_;
};

}  // namespace hubgate::domain

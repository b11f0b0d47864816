// The real hubgate-booking binary for API integration tests: started on a free port with a
// temporary data dir and admin credentials, reached over HTTPS with the CA it generated.
#pragma once
#include <boost/json/value.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "hubgate/test/child_process.hpp"
#include "hubgate/test/temp_dir.hpp"
#include "hubgate/test/utc_text.hpp"
#include "protocol/https_client/https_client.hpp"

namespace hubgate::test {

inline const std::string admin_email = "admin@hub.example";
inline const std::string admin_password = "admin-password-for-tests";

// One signed-in caller: a cookie session (with its CSRF token) or a bearer token.
struct caller {
  std::string cookie;  // "hubgate_session=..."
  std::string csrf;
  std::string bearer;
  std::string user_id;
};

struct reply {
  int status = 0;
  client::http_response raw;
  boost::json::value json;  // null when the body is not JSON
  std::string header(std::string_view name) const;
  std::string code() const;  // the problem's code, or ""
};

class api_service {
 public:
  // Starts the service on a fresh data dir (or `data_dir` when given, for restarts).
  explicit api_service(std::vector<std::string> extra_args = {},
                       std::optional<std::string> data_dir = std::nullopt);
  ~api_service();

  void start();
  void stop(int sig = 15);  // waits for exit; expects exit status 0
  int exit_status_after_stop() const { return last_exit_; }
  const std::string& data_dir() const { return data_dir_; }
  int port() const { return port_; }
  child_process& process() { return *process_; }

  std::unique_ptr<client::https_client> client() const;

  // One request on `c` (a client of this service) as `who` (nullptr: anonymous).
  reply call(client::https_client& c, std::string_view method, std::string_view target,
             const caller* who = nullptr, std::string_view body = {},
             client::https_client::header_list extra = {}) const;
  reply call(std::string_view method, std::string_view target, const caller* who = nullptr,
             std::string_view body = {}, client::https_client::header_list extra = {});

  caller login(const std::string& email, const std::string& password);
  caller admin() { return login(admin_email, admin_password); }
  // Admin creates a member (password "member-password-<n>") and signs them in.
  caller new_member(const caller& admin, const std::string& email);

 private:
  std::unique_ptr<temp_dir> own_dir_;
  std::string data_dir_;
  std::vector<std::string> extra_args_;
  int port_ = 0;
  int last_exit_ = -1;
  std::unique_ptr<child_process> process_;
  std::unique_ptr<client::https_client> client_;
};

std::string member_password(const std::string& email);

}  // namespace hubgate::test

namespace hubgate::test {

// A small hub made through the API: one always-open site in Europe/Berlin with a room
// (exclusive, 6), a pool (shared, 5) and an event area (needs approval).
struct test_hub {
  std::string site_id, room_id, pool_id, event_id;
};
test_hub make_hub(api_service& svc, const caller& admin);

std::string booking_body(const std::string& space_id, const std::string& start,
                         const std::string& end, int seats = 1);

}  // namespace hubgate::test

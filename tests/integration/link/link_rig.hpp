// The whole live link under test: the real hubgate-booking (demo hub, main and controller
// ports), and real boards, each a hubgate-sim reader twin plus a hubgate-door enrolled through
// the API and connected over mutual TLS, all in one temporary directory.
#pragma once
#include <boost/json/value.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hubgate/test/child_process.hpp"
#include "hubgate/test/temp_dir.hpp"
#include "protocol/https_client/https_client.hpp"

namespace hubgate::test {

inline const std::string link_admin_email = "admin@hub.example";
inline const std::string link_admin_password = "admin-password-for-link-tests";
inline const std::string demo_password = "hubgate-demo";

// Demo members (DESIGN §7) and their cards.
inline const std::string anna_email = "anna.schmidt@hub.example";  // students
inline const std::string anna_card = "04A1B2C3D4E501";
inline const std::string jonas_email = "jonas.becker@hub.example";  // researchers
inline const std::string jonas_card = "04A1B2C3D4E502";
// The demo seed's card for the administrator (link_admin_email).
inline const std::string admin_demo_card = "04A1B2C3D4E500";

// The string member `key` of a JSON object, or "" when absent or not a string.
std::string text_of(const boost::json::value& v, std::string_view key);

struct http_reply {
  int status = 0;
  std::string body;
  boost::json::value json;  // null when the body is not JSON
};

// A signed-in user: bearer token (admin) or cookie + CSRF token (members).
struct session {
  std::string bearer;
  std::string cookie;
  std::string csrf;
  std::string user_id;
};

struct new_controller {
  std::string id;
  std::string token;
  std::string ca_hash;
};

class board;

class link_rig {
 public:
  link_rig();
  ~link_rig();

  // Starts hubgate-booking; a message (for GTEST_SKIP) when this build of the service has no
  // controller port yet.
  std::optional<std::string> start_service(std::vector<std::string> extra_args = {});
  void stop_service(int sig = 15);
  void kill_service();
  void signal_service(int sig);
  bool service_running();
  int service_pid() const { return service_ ? static_cast<int>(service_->pid()) : -1; }
  std::string service_log() const;

  http_reply call(std::string_view method, std::string_view target, const session* who = nullptr,
                  std::string_view body = {});
  session& admin() { return admin_; }
  session login(const std::string& email, const std::string& password = demo_password);

  const std::string& site_id() const { return site_id_; }
  std::string door_id(const std::string& name);   // by the demo's name, e.g. "Lab door"
  std::string space_id(const std::string& name);  // e.g. "Innovation Lab"
  std::string space_of_kind(const std::string& kind);
  // Opening hours of every day 00:00-24:00, so tests do not depend on the time of day.
  void open_site_all_week();

  // POST /controllers as admin; fails the test unless 201.
  new_controller create_controller(const std::string& name, const std::vector<std::string>& doors);
  // Boards get their own sim, config and data dir under the rig's directory.
  board& add_board(const std::string& name);

  // A booking from now + lead seconds for `minutes`; returns its id ("" and a test failure
  // when refused).
  std::string book(const session& who, const std::string& space_id, int lead_seconds, int minutes,
                   int seats = 1);
  std::string booking_status(const std::string& booking_id);
  std::vector<boost::json::value> access_events(const std::string& query);

  const temp_dir& dir() const { return dir_; }
  int port() const { return port_; }
  int controller_port() const { return controller_port_; }

 private:
  std::unique_ptr<client::https_client> client() const;
  void load_catalog();

  temp_dir dir_;
  std::string data_dir_;
  std::vector<std::string> service_args_;
  int port_ = 0;
  int controller_port_ = 0;
  std::unique_ptr<child_process> service_;
  std::unique_ptr<client::https_client> client_;
  session admin_;
  std::string site_id_;
  std::map<std::string, std::string> doors_;
  std::vector<boost::json::value> spaces_;
  std::map<std::string, std::unique_ptr<board>> boards_;
};

class board {
 public:
  board(link_rig& rig, std::string name);
  ~board();

  // hubgate-door enroll; returns the exit status and leaves its output in enroll_output().
  int enroll(const std::string& token, const std::string& ca_hash);
  std::string enroll_output() const;
  void start_sim();
  void start_door();
  void stop_door();
  void kill_door();
  void signal_door(int sig) { door_->signal(sig); }
  bool door_running();

  // Taps `uid` until the board decides as `granted` (or the deadline passes); true on success.
  bool tap_until(const std::string& uid, bool granted,
                 std::chrono::milliseconds deadline = std::chrono::seconds(30));
  // One tap; the board's decision (nullopt when none was logged in time).
  std::optional<bool> tap_once(const std::string& uid);
  bool wait_link_up(std::chrono::milliseconds deadline = std::chrono::seconds(30));
  bool link_is_up() const;
  std::size_t log_count(const std::string& event) const;
  // Events still queued on the board for upload (hubgate-door events), -1 on failure.
  long queued_events();
  std::string door_log() const;
  std::string store_path() const;
  std::string data_dir() const;
  std::string control(const std::string& line);
  std::string controller_id;

 private:
  bool wait_card_removed();
  link_rig& rig_;
  std::string name_;
  std::string dir_;
  std::unique_ptr<child_process> sim_;
  std::unique_ptr<child_process> door_;
};

}  // namespace hubgate::test

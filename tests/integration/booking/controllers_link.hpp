// Test support for the door link against the real hubgate-booking: a service with a
// controller port, a hub with doors on one controller, enrolment of a test board, and a
// WebSocket board that speaks the stream protocol.
#pragma once
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "api_service.hpp"
#include "protocol/https_client/wss_client.hpp"
#include "protocol/keys.hpp"
#include "protocol/stream_message.hpp"

namespace hubgate::test {

// A service on free ports, with the controller port on 127.0.0.1.
struct link_service {
  explicit link_service(std::vector<std::string> extra_args = {});
  int controller_port = 0;
  std::unique_ptr<api_service> svc;
  caller admin;
  test_hub hub;
  std::string room_door_id;      // leads into the room
  std::string entrance_door_id;  // the site entrance
};

struct created_controller {
  std::string id, token, ca_hash;
};
created_controller create_controller(link_service& s, const std::vector<std::string>& doors);

// A board's enrolment: its files in a temp dir and what the service returned.
struct enrolled_board {
  std::string controller_id;
  std::string cert_file, key_file, ca_file;
  std::string list_verify_key_pem, list_key_hex, endpoint;
};
std::optional<enrolled_board> enroll(link_service& s, const std::string& token, temp_dir& dir,
                                     reply* raw = nullptr);

// A WebSocket client with the board's certificate (or another one).
std::unique_ptr<client::wss_client> board_client(const link_service& s, const std::string& ca_file,
                                                 const std::string& cert_file,
                                                 const std::string& key_file);

std::string hello(const std::string& controller_id, std::uint64_t epoch = 0,
                  std::uint64_t sequence = 0);

// The enrolled board on its link: connected with its certificate, hello said. Throws when
// either fails.
std::unique_ptr<client::wss_client> connect_board(const link_service& s,
                                                  const enrolled_board& board);

// A tap at `door` now, as a board reports it; a denied one with `reason`.
protocol::access_event tap_event(const std::string& door, std::optional<std::string> card_hex,
                                 protocol::event_kind kind = protocol::event_kind::tap_denied,
                                 const std::string& reason = "no_window");

// Reads stream messages until `match` holds for one (returned) or the deadline passes.
std::optional<protocol::stream_message> read_until(
    client::wss_client& c, const std::function<bool(const protocol::stream_message&)>& match,
    std::chrono::milliseconds deadline = std::chrono::seconds(30));

// The pseudonym of a card (hex id) under a list key (hex).
std::string pseudonym_hex(const std::string& list_key_hex, const std::string& card_hex);

std::string post_json(link_service& s, const std::string& target, const boost::json::object& body,
                      int expect_status);

}  // namespace hubgate::test

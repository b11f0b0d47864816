// A board enrolled for the room and entrance doors, its stream open and its snapshot read.
#pragma once
#include <gtest/gtest.h>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "controllers_link.hpp"

namespace hubgate::test {

struct connected_board {
  link_service s;
  temp_dir dir{"hubgate-stream"};
  created_controller created;
  enrolled_board board;
  std::unique_ptr<client::wss_client> client;
  protocol::signed_envelope snapshot;

  connected_board() {
    std::vector<std::string> doors{s.room_door_id, s.entrance_door_id};
    created = create_controller(s, doors);
    auto b = enroll(s, created.token, dir);
    if (!b) throw std::runtime_error("enrolment failed");
    board = *b;
    client = connect_board(s, board);
    auto m = read_until(*client, [](const protocol::stream_message& m) {
      return std::holds_alternative<protocol::list_message>(m);
    });
    if (!m) throw std::runtime_error("no snapshot");
    snapshot = std::get<protocol::list_message>(*m).envelope;
  }

  void ack(const protocol::signed_envelope& e) {
    client->send_text(protocol::serialize(protocol::ack_message{e.body.epoch, e.body.sequence}));
  }

  std::string member_with_card(const std::string& email, const std::string& card,
                               caller* who = nullptr) {
    auto m = s.svc->new_member(s.admin, email);
    auto r = s.svc->call("POST", "/api/v1/users/" + m.user_id + "/credentials", &s.admin,
                         boost::json::serialize(boost::json::object{{"card_id", card}}));
    EXPECT_EQ(r.status, 201) << r.raw.body;
    if (who) *who = m;
    return m.user_id;
  }
};

}  // namespace hubgate::test

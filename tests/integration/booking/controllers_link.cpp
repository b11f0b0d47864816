#include "controllers_link.hpp"

#include <boost/json/serialize.hpp>
#include <fstream>
#include <stdexcept>

#include "booking/pki/tls_material.hpp"
#include "hubgate/test/net_util.hpp"
#include "protocol/hex.hpp"
#include "protocol/pseudonym.hpp"

namespace hubgate::test {
namespace {

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

std::vector<std::uint8_t> bytes_of(const std::string& hex) {
  std::vector<std::uint8_t> out(hex.size() / 2);
  if (!protocol::from_hex(hex, out)) throw std::runtime_error("bad hex " + hex);
  return out;
}

}  // namespace

std::string post_json(link_service& s, const std::string& target, const boost::json::object& body,
                      int expect_status) {
  auto r = s.svc->call("POST", target, &s.admin, boost::json::serialize(body));
  if (r.status != expect_status)
    throw std::runtime_error("POST " + target + " gave " + std::to_string(r.status) + ": " +
                             r.raw.body);
  return r.json.is_object() && r.json.as_object().contains("id")
             ? std::string(r.json.at("id").as_string())
             : "";
}

link_service::link_service(std::vector<std::string> extra_args) {
  controller_port = free_port();
  extra_args.insert(extra_args.begin(),
                    {"--controller-listen", "127.0.0.1:" + std::to_string(controller_port)});
  svc = std::make_unique<api_service>(extra_args);
  if (!wait_until([&] { return port_open(controller_port); }, std::chrono::seconds(60)))
    throw std::runtime_error("the controller port did not open");
  admin = svc->admin();
  hub = make_hub(*svc, admin);
  room_door_id = post_json(*this, "/api/v1/doors",
                           {{"site_id", hub.site_id},
                            {"name", "Room door"},
                            {"space_ids", boost::json::array{hub.room_id}}},
                           201);
  entrance_door_id =
      post_json(*this, "/api/v1/doors",
                {{"site_id", hub.site_id}, {"name", "Entrance"}, {"is_entrance", true}}, 201);
}

created_controller create_controller(link_service& s, const std::vector<std::string>& doors) {
  boost::json::array ids;
  for (const auto& d : doors) ids.emplace_back(d);
  auto r = s.svc->call("POST", "/api/v1/controllers", &s.admin,
                       boost::json::serialize(boost::json::object{
                           {"name", "Board"}, {"site_id", s.hub.site_id}, {"door_ids", ids}}));
  if (r.status != 201) throw std::runtime_error("creating a controller failed: " + r.raw.body);
  return {std::string(r.json.at("controller").at("id").as_string()),
          std::string(r.json.at("enrollment_token").as_string()),
          std::string(r.json.at("ca_hash").as_string())};
}

std::optional<enrolled_board> enroll(link_service& s, const std::string& token, temp_dir& dir,
                                     reply* raw) {
  auto key = pki::make_key_and_csr("test-board");
  if (!key) throw std::runtime_error("cannot make a key");
  auto r = s.svc->call(
      "POST", "/api/v1/controllers/enroll", nullptr,
      boost::json::serialize(boost::json::object{{"token", token}, {"csr_pem", key->csr_pem}}));
  if (raw) *raw = r;
  if (r.status != 200) return std::nullopt;
  const auto& o = r.json.as_object();
  enrolled_board b;
  b.controller_id = std::string(o.at("controller_id").as_string());
  b.cert_file = dir / (b.controller_id + ".crt");
  b.key_file = dir / (b.controller_id + ".key");
  b.ca_file = dir / "service-ca.pem";
  write_file(b.cert_file, std::string(o.at("certificate_pem").as_string()));
  write_file(b.key_file, key->private_key_pem);
  write_file(b.ca_file, std::string(o.at("ca_pem").as_string()));
  b.list_verify_key_pem = std::string(o.at("list_verify_key_pem").as_string());
  b.list_key_hex = std::string(o.at("list_key_hex").as_string());
  b.endpoint = std::string(o.at("controller_endpoint").as_string());
  return b;
}

std::unique_ptr<client::wss_client> board_client(const link_service& s, const std::string& ca_file,
                                                 const std::string& cert_file,
                                                 const std::string& key_file) {
  client::wss_client_options o;
  o.port = static_cast<std::uint16_t>(s.controller_port);
  o.ca_file = ca_file;
  o.client_cert_file = cert_file;
  o.client_key_file = key_file;
  o.timeout = std::chrono::seconds(20);
  return std::make_unique<client::wss_client>(o);
}

std::string hello(const std::string& controller_id, std::uint64_t epoch, std::uint64_t sequence) {
  protocol::hello_message h;
  h.controller_id = controller_id;
  h.epoch = epoch;
  h.sequence = sequence;
  h.clock_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
  h.reader = protocol::reader_health::ok;
  h.door = protocol::door_position::closed;
  return protocol::serialize(h);
}

std::unique_ptr<client::wss_client> connect_board(const link_service& s,
                                                  const enrolled_board& board) {
  auto client = board_client(s, board.ca_file, board.cert_file, board.key_file);
  auto connected = client->connect();
  if (!connected) throw std::runtime_error("connect failed: " + connected.error().message());
  if (!client->send_text(hello(board.controller_id))) throw std::runtime_error("hello failed");
  return client;
}

protocol::access_event tap_event(const std::string& door, std::optional<std::string> card_hex,
                                 protocol::event_kind kind, const std::string& reason) {
  protocol::access_event e;
  e.id = protocol::make_event_id();
  e.door_id = door;
  if (card_hex) e.card = *protocol::parse_pseudonym(*card_hex);
  e.at = std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
             .count();
  e.kind = kind;
  e.reason = kind == protocol::event_kind::tap_denied ? reason : "";
  return e;
}

std::optional<protocol::stream_message> read_until(
    client::wss_client& c, const std::function<bool(const protocol::stream_message&)>& match,
    std::chrono::milliseconds deadline) {
  const auto until = std::chrono::steady_clock::now() + deadline;
  while (std::chrono::steady_clock::now() < until) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        until - std::chrono::steady_clock::now());
    auto text = c.read_text(std::max(left, std::chrono::milliseconds(1)));
    if (!text) return std::nullopt;
    auto m = protocol::parse_stream_message(*text);
    if (m && match(*m)) return std::move(*m);
  }
  return std::nullopt;
}

std::string pseudonym_hex(const std::string& list_key_hex, const std::string& card_hex) {
  return protocol::to_hex(protocol::make_pseudonym(bytes_of(list_key_hex), bytes_of(card_hex)));
}

}  // namespace hubgate::test

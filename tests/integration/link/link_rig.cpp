// The service half of the live-link rig: hubgate-booking with its controller port, logins,
// bookings and controllers through the API. The boards are in link_board.cpp.
#include "link_rig.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <csignal>
#include <filesystem>
#include <stdexcept>

#include "hubgate/test/net_util.hpp"
#include "hubgate/test/utc_text.hpp"

namespace hubgate::test {
namespace {

// A list answer is either a bare array or an object holding one array.
std::vector<boost::json::value> items_of(const boost::json::value& v) {
  if (v.is_array()) return {v.as_array().begin(), v.as_array().end()};
  if (v.is_object())
    for (const auto& kv : v.as_object())
      if (kv.value().is_array())
        return {kv.value().as_array().begin(), kv.value().as_array().end()};
  return {};
}

}  // namespace

std::string text_of(const boost::json::value& v, std::string_view key) {
  const auto* f = v.is_object() ? v.as_object().if_contains(key) : nullptr;
  return f && f->is_string() ? std::string(f->as_string()) : std::string();
}

link_rig::link_rig() : dir_("hubgate-link") {
  data_dir_ = dir_ / "service";
}

link_rig::~link_rig() {
  boards_.clear();
  client_.reset();
  if (service_ && service_->running()) {
    service_->signal(SIGTERM);
    if (!service_->wait_exit(30)) service_->kill_hard();
  }
}

std::optional<std::string> link_rig::start_service(std::vector<std::string> extra_args) {
  if (!extra_args.empty() || service_args_.empty()) service_args_ = std::move(extra_args);
  client_.reset();
  if (port_ == 0) {
    port_ = free_port();
    controller_port_ = free_port();
  }
  std::vector<std::string> argv = {HUBGATE_BOOKING_BIN,
                                   "serve",
                                   "--data-dir",
                                   data_dir_,
                                   "--listen",
                                   "127.0.0.1:" + std::to_string(port_),
                                   "--controller-listen",
                                   "127.0.0.1:" + std::to_string(controller_port_),
                                   "--demo",
                                   "--log-level",
                                   "info"};
  argv.insert(argv.end(), service_args_.begin(), service_args_.end());
  service_ = std::make_unique<child_process>(
      argv, dir_ / "service.log",
      std::map<std::string, std::string>{{"HUBGATE_ADMIN_EMAIL", link_admin_email},
                                         {"HUBGATE_ADMIN_PASSWORD", link_admin_password},
                                         {"HUBGATE_DEMO_PASSWORD", demo_password}});
  const bool up = wait_until([&] { return !service_->running() || port_open(port_); },
                             std::chrono::seconds(120));
  if (!service_->running()) {
    const auto status = service_->wait_exit(10);
    if (status && WIFEXITED(*status) && WEXITSTATUS(*status) == 2)
      return "hubgate-booking has no --controller-listen yet (the service side of the live link "
             "is missing)";
    ADD_FAILURE() << "hubgate-booking exited:\n" << service_log();
    return "hubgate-booking did not start";
  }
  if (!up) {
    ADD_FAILURE() << "hubgate-booking did not open its port";
    return "hubgate-booking did not start";
  }
  EXPECT_TRUE(wait_until([&] { return port_open(controller_port_); }, std::chrono::seconds(60)))
      << "controller port never opened";
  auto body = boost::json::serialize(
      boost::json::object{{"email", link_admin_email}, {"password", link_admin_password}});
  session login_session = login(link_admin_email, link_admin_password);
  auto token = call("POST", "/api/v1/auth/tokens", &login_session,
                    R"({"name":"link-tests-)" + std::to_string(free_port()) + R"("})");
  if (token.status != 201 && token.status != 200) {
    ADD_FAILURE() << "no bearer token: " << token.body;
    return "no admin token";
  }
  admin_ = session{text_of(token.json, "token"), {}, {}, login_session.user_id};
  if (admin_.bearer.empty()) admin_ = login_session;
  auto probe = call("GET", "/api/v1/controllers", &admin_);
  if (probe.status == 404)
    return "hubgate-booking has no /api/v1/controllers routes yet (service side of the link)";
  load_catalog();
  return std::nullopt;
}

void link_rig::stop_service(int sig) {
  client_.reset();
  service_->signal(sig);
  const auto status = service_->wait_exit(60);
  ASSERT_TRUE(status.has_value()) << "hubgate-booking did not stop";
}

void link_rig::kill_service() {
  client_.reset();
  service_->kill_hard();
}

void link_rig::signal_service(int sig) {
  service_->signal(sig);
}

bool link_rig::service_running() {
  return service_ && service_->running();
}

std::string link_rig::service_log() const {
  return read_file(dir_ / "service.log");
}

std::unique_ptr<client::https_client> link_rig::client() const {
  client::https_client_options o;
  o.port = static_cast<std::uint16_t>(port_);
  o.ca_file = data_dir_ + "/tls/ca.pem";
  o.timeout = std::chrono::seconds(60);
  return std::make_unique<client::https_client>(o);
}

http_reply link_rig::call(std::string_view method, std::string_view target, const session* who,
                          std::string_view body) {
  if (!client_) client_ = client();
  client::https_client::header_list headers;
  if (!body.empty()) headers.emplace_back("content-type", "application/json");
  if (who && !who->bearer.empty()) headers.emplace_back("authorization", "Bearer " + who->bearer);
  if (who && who->bearer.empty() && !who->cookie.empty()) {
    headers.emplace_back("cookie", who->cookie);
    if (method != "GET") headers.emplace_back("x-csrf-token", who->csrf);
  }
  http_reply r;
  auto response = client_->try_request(method, target, headers, body);
  if (!response) {
    client_.reset();
    return r;  // status 0: transport error
  }
  r.status = response->status;
  r.body = response->body;
  boost::system::error_code ec;
  auto v = boost::json::parse(r.body, ec);
  if (!ec) r.json = std::move(v);
  return r;
}

session link_rig::login(const std::string& email, const std::string& password) {
  auto body = boost::json::serialize(boost::json::object{{"email", email}, {"password", password}});
  if (!client_) client_ = client();
  auto response =
      client_->request("POST", "/api/v1/auth/login", {{"content-type", "application/json"}}, body);
  if (response.status != 200) throw std::runtime_error("login failed for " + email);
  session s;
  for (const auto& [name, value] : response.headers)
    if (name == "set-cookie") s.cookie = value.substr(0, value.find(';'));
  auto v = boost::json::parse(response.body);
  s.csrf = text_of(v, "csrf_token");
  s.user_id = text_of(v.at("user"), "id");
  return s;
}

void link_rig::load_catalog() {
  auto sites = items_of(call("GET", "/api/v1/sites", &admin_).json);
  ASSERT_FALSE(sites.empty());
  site_id_ = text_of(sites.front(), "id");
  for (const auto& d : items_of(call("GET", "/api/v1/doors", &admin_).json))
    doors_[text_of(d, "name")] = text_of(d, "id");
  spaces_ = items_of(call("GET", "/api/v1/spaces?site=" + site_id_, &admin_).json);
}

std::string link_rig::door_id(const std::string& name) {
  EXPECT_TRUE(doors_.contains(name)) << name;
  return doors_[name];
}

std::string link_rig::space_id(const std::string& name) {
  for (const auto& s : spaces_)
    if (text_of(s, "name") == name) return text_of(s, "id");
  ADD_FAILURE() << "no space " << name;
  return {};
}

std::string link_rig::space_of_kind(const std::string& kind) {
  for (const auto& s : spaces_)
    if (text_of(s, "kind") == kind) return text_of(s, "id");
  ADD_FAILURE() << "no space of kind " << kind;
  return {};
}

void link_rig::open_site_all_week() {
  boost::json::object hours;
  for (const char* day :
       {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
    hours[day] = boost::json::array{boost::json::object{{"open", "00:00"}, {"close", "24:00"}}};
  auto r = call("PATCH", "/api/v1/sites/" + site_id_, &admin_,
                boost::json::serialize(boost::json::object{{"opening_hours", hours}}));
  EXPECT_EQ(r.status, 200) << r.body;
}

new_controller link_rig::create_controller(const std::string& name,
                                           const std::vector<std::string>& doors) {
  boost::json::array door_ids(doors.begin(), doors.end());
  auto r = call("POST", "/api/v1/controllers", &admin_,
                boost::json::serialize(boost::json::object{
                    {"name", name}, {"site_id", site_id_}, {"door_ids", door_ids}}));
  EXPECT_EQ(r.status, 201) << r.body;
  new_controller c;
  if (r.status != 201) return c;
  c.id = text_of(r.json.at("controller"), "id");
  c.token = text_of(r.json, "enrollment_token");
  c.ca_hash = text_of(r.json, "ca_hash");
  return c;
}

board& link_rig::add_board(const std::string& name) {
  auto b = std::make_unique<board>(*this, name);
  auto& ref = *b;
  boards_[name] = std::move(b);
  return ref;
}

std::string link_rig::book(const session& who, const std::string& space_id, int lead_seconds,
                           int minutes, int seats) {
  auto body =
      boost::json::serialize(boost::json::object{{"space_id", space_id},
                                                 {"start", utc_in(lead_seconds)},
                                                 {"end", utc_in(lead_seconds + minutes * 60L)},
                                                 {"seats", seats},
                                                 {"title", "link test"}});
  auto r = call("POST", "/api/v1/bookings", &who, body);
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? text_of(r.json, "id") : std::string();
}

std::string link_rig::booking_status(const std::string& booking_id) {
  return text_of(call("GET", "/api/v1/bookings/" + booking_id, &admin_).json, "status");
}

std::vector<boost::json::value> link_rig::access_events(const std::string& query) {
  auto r = call("GET", "/api/v1/access-events?limit=1000&" + query, &admin_);
  return r.status == 200 ? items_of(r.json) : std::vector<boost::json::value>{};
}

}  // namespace hubgate::test

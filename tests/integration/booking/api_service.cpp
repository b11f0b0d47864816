#include "api_service.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <csignal>
#include <stdexcept>

#include "hubgate/test/net_util.hpp"

namespace hubgate::test {

std::string reply::header(std::string_view name) const {
  for (const auto& [n, v] : raw.headers)
    if (n == name) return v;
  return "";
}

std::string reply::code() const {
  if (!json.is_object() || !json.as_object().contains("code")) return "";
  const auto& c = json.as_object().at("code");
  return c.is_string() ? std::string(c.as_string()) : "";
}

std::string member_password(const std::string& email) {
  return "pw-" + email + "-secret";
}

api_service::api_service(std::vector<std::string> extra_args, std::optional<std::string> data_dir)
    : extra_args_(std::move(extra_args)) {
  if (data_dir) {
    data_dir_ = *data_dir;
  } else {
    own_dir_ = std::make_unique<temp_dir>("hubgate-api");
    data_dir_ = (own_dir_->path() / "data").string();
  }
  start();
}

api_service::~api_service() {
  client_.reset();
  if (process_ && process_->running()) {
    process_->signal(SIGTERM);
    if (!process_->wait_exit(30)) process_->kill_hard();
  }
}

void api_service::start() {
  client_.reset();
  port_ = free_port();
  std::vector<std::string> argv = {HUBGATE_BOOKING_BIN, "serve",
                                   "--data-dir",        data_dir_,
                                   "--listen",          "127.0.0.1:" + std::to_string(port_),
                                   "--log-level",       "warn"};
  argv.insert(argv.end(), extra_args_.begin(), extra_args_.end());
  process_ = std::make_unique<child_process>(
      argv, data_dir_ + ".log",
      std::map<std::string, std::string>{{"HUBGATE_ADMIN_EMAIL", admin_email},
                                         {"HUBGATE_ADMIN_PASSWORD", admin_password}});
  const bool up = wait_until([&] { return !process_->running() || port_open(port_); },
                             std::chrono::seconds(120));
  if (!up || !process_->running())
    throw std::runtime_error("hubgate-booking did not start:\n" + process_->output());
  client_ = client();
}

void api_service::stop(int sig) {
  client_.reset();
  process_->signal(sig);
  auto status = process_->wait_exit(60);
  if (!status) {
    process_->kill_hard();
    throw std::runtime_error("hubgate-booking did not stop:\n" + process_->output());
  }
  last_exit_ = WIFEXITED(*status) ? WEXITSTATUS(*status) : 128 + WTERMSIG(*status);
}

std::unique_ptr<client::https_client> api_service::client() const {
  client::https_client_options o;
  o.port = static_cast<std::uint16_t>(port_);
  o.ca_file = data_dir_ + "/tls/ca.pem";
  o.timeout = std::chrono::seconds(60);
  return std::make_unique<client::https_client>(o);
}

reply api_service::call(client::https_client& c, std::string_view method, std::string_view target,
                        const caller* who, std::string_view body,
                        client::https_client::header_list extra) const {
  client::https_client::header_list headers = std::move(extra);
  bool has_type = false;
  for (const auto& [n, v] : headers) has_type |= n == "content-type";
  if (!body.empty() && !has_type) headers.emplace_back("content-type", "application/json");
  if (who && !who->bearer.empty()) headers.emplace_back("authorization", "Bearer " + who->bearer);
  if (who && !who->cookie.empty()) {
    headers.emplace_back("cookie", who->cookie);
    if (method != "GET" && method != "HEAD") {
      bool has_csrf = false;
      for (const auto& [n, v] : headers) has_csrf |= n == "x-csrf-token";
      if (!has_csrf) headers.emplace_back("x-csrf-token", who->csrf);
    }
  }
  reply r;
  r.raw = c.request(method, target, headers, body);
  r.status = r.raw.status;
  boost::system::error_code ec;
  auto v = boost::json::parse(r.raw.body, ec);
  if (!ec) r.json = std::move(v);
  return r;
}

reply api_service::call(std::string_view method, std::string_view target, const caller* who,
                        std::string_view body, client::https_client::header_list extra) {
  if (!client_) client_ = client();
  return call(*client_, method, target, who, body, std::move(extra));
}

caller api_service::login(const std::string& email, const std::string& password) {
  auto body = boost::json::serialize(boost::json::object{{"email", email}, {"password", password}});
  auto r = call("POST", "/api/v1/auth/login", nullptr, body);
  if (r.status != 200) throw std::runtime_error("login failed for " + email + ": " + r.raw.body);
  caller who;
  auto set_cookie = r.header("set-cookie");
  who.cookie = set_cookie.substr(0, set_cookie.find(';'));
  who.csrf = std::string(r.json.at("csrf_token").as_string());
  who.user_id = std::string(r.json.at("user").at("id").as_string());
  return who;
}

caller api_service::new_member(const caller& admin, const std::string& email) {
  auto body =
      boost::json::serialize(boost::json::object{{"email", email},
                                                 {"display_name", email.substr(0, email.find('@'))},
                                                 {"password", member_password(email)}});
  auto r = call("POST", "/api/v1/users", &admin, body);
  if (r.status != 201) throw std::runtime_error("creating " + email + " failed: " + r.raw.body);
  return login(email, member_password(email));
}

}  // namespace hubgate::test

namespace hubgate::test {
namespace {

std::string id_of(const reply& r, const std::string& what) {
  if (r.status != 201) throw std::runtime_error("creating " + what + " failed: " + r.raw.body);
  return std::string(r.json.at("id").as_string());
}

}  // namespace

std::string booking_body(const std::string& space_id, const std::string& start,
                         const std::string& end, int seats) {
  return boost::json::serialize(boost::json::object{
      {"space_id", space_id}, {"start", start}, {"end", end}, {"seats", seats}, {"title", "test"}});
}

test_hub make_hub(api_service& svc, const caller& admin) {
  boost::json::object all_day;
  for (const char* d :
       {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
    all_day[d] = boost::json::array{{{"open", "00:00"}, {"close", "24:00"}}};
  test_hub hub;
  hub.site_id = id_of(
      svc.call(
          "POST", "/api/v1/sites", &admin,
          boost::json::serialize(boost::json::object{
              {"name", "Test site"}, {"time_zone", "Europe/Berlin"}, {"opening_hours", all_day}})),
      "site");
  auto space = [&](const char* name, const char* kind, int capacity, const char* mode,
                   bool approval) {
    return id_of(
        svc.call("POST", "/api/v1/spaces", &admin,
                 boost::json::serialize(boost::json::object{{"site_id", hub.site_id},
                                                            {"name", name},
                                                            {"kind", kind},
                                                            {"capacity", capacity},
                                                            {"mode", mode},
                                                            {"needs_approval", approval}})),
        name);
  };
  hub.room_id = space("Room", "room", 6, "exclusive", false);
  hub.pool_id = space("Pool", "desk", 5, "shared", false);
  hub.event_id = space("Event", "event", 100, "exclusive", true);
  return hub;
}

}  // namespace hubgate::test

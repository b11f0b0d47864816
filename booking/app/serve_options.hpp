// The command line of `hubgate-booking serve` and the environment it reads: the options with
// their defaults, and the parser (a bad option prints the usage and exits with status 2).
#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/log/log.hpp"

namespace hubgate {

extern const std::string_view serve_usage;

struct serve_options {
  std::filesystem::path data_dir;
  std::string host = "127.0.0.1";
  std::uint16_t port = 8443;
  bool demo = false;
  std::string tls_cert, tls_key;
  std::optional<std::filesystem::path> web_root;
  log::level level = log::level::info;
  std::chrono::seconds release_interval{60};
  std::size_t workers = 64;
  std::string controller_host = "127.0.0.1";
  std::uint16_t controller_port = 8444;
  bool controller_listen_given = false;
  long horizon_days = 14;
  std::chrono::seconds grace{std::chrono::minutes{15}};
  std::chrono::seconds heartbeat{10};
  std::chrono::seconds token_lifetime{std::chrono::hours{24}};
  std::chrono::seconds session_idle{std::chrono::hours{8}};  // a session unused this long ends
  // From the environment (never the command line, where `ps` would show them).
  std::string admin_email, admin_password;  // the first admin, made when no user exists
  std::string demo_password;                // the demo members' password; empty = the default
};

[[noreturn]] void bad_usage(const std::string& message);
serve_options parse_serve_options(const std::vector<std::string_view>& args);

}  // namespace hubgate

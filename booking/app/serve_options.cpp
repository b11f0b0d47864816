#include "booking/app/serve_options.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>
#include <iostream>

namespace hubgate {

namespace fs = std::filesystem;

const std::string_view serve_usage = R"(usage: hubgate-booking serve --data-dir DIR [options]

  --data-dir DIR           where the database and TLS material live (created if missing)
  --listen HOST:PORT       address to serve HTTPS on (default 127.0.0.1:8443; port 0 = any)
  --demo                   seed the demo hub when the data dir is empty
  --tls-cert FILE          PEM certificate chain (default: DIR/tls, made on first start)
  --tls-key FILE           PEM private key for --tls-cert
  --web-root DIR           browser UI files (default: the built web/ assets)
  --log-level LEVEL        trace, debug, info (default), warn, error, off
  --release-interval SECS  how often no-shows are released (default 60)
  --workers N              request worker threads (default 64)
  --controller-listen HOST:PORT  the door controllers' mutual-TLS port (default
                           127.0.0.1:8444; when the default is taken, the service runs without)
  --access-horizon-days N  how many days of access windows boards hold (default 14)
  --grace-minutes N        doors open N minutes before a booking and close N after (default 15)
  --grace-seconds N        the same in seconds (for tests)
  --heartbeat-seconds N    WebSocket ping interval to boards; silent for 3x that = dead (10)
  --enrollment-token-seconds N  how long an enrolment token is valid (default 86400)
  --session-idle-minutes N a sign-in session unused for N minutes ends (default 480)

Environment: HUBGATE_ADMIN_EMAIL and HUBGATE_ADMIN_PASSWORD create the first admin when no
user exists; HUBGATE_DEMO_PASSWORD is the demo members' password with --demo
(default "hubgate-demo").
)";

[[noreturn]] void bad_usage(const std::string& message) {
  std::cerr << "hubgate-booking: " << message << "\n\n" << serve_usage;
  std::exit(2);
}

namespace {

template <class T>
std::optional<T> parse_number(std::string_view text) {
  T v{};
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || ptr != text.data() + text.size()) return std::nullopt;
  return v;
}

void parse_address(std::string_view option, std::string_view v, std::string& host,
                   std::uint16_t& port) {
  auto colon = v.rfind(':');
  if (colon == std::string_view::npos) bad_usage(fmt::format("{} wants HOST:PORT", option));
  auto number = parse_number<std::uint16_t>(v.substr(colon + 1));
  if (!number) bad_usage(fmt::format("{}: bad port in '{}'", option, v));
  host = std::string(v.substr(0, colon));
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  if (host.empty()) bad_usage(fmt::format("{}: empty host", option));
  port = *number;
}

}  // namespace

serve_options parse_serve_options(const std::vector<std::string_view>& args) {
  serve_options o;
  bool have_dir = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto arg = args[i];
    auto value = [&]() -> std::string_view {
      if (i + 1 >= args.size()) bad_usage(fmt::format("{} needs a value", arg));
      return args[++i];
    };
    if (arg == "--data-dir") {
      o.data_dir = fs::path(value());
      have_dir = true;
    } else if (arg == "--listen") {
      parse_address(arg, value(), o.host, o.port);
    } else if (arg == "--controller-listen") {
      parse_address(arg, value(), o.controller_host, o.controller_port);
      o.controller_listen_given = true;
    } else if (arg == "--access-horizon-days") {
      auto n = parse_number<long>(value());
      if (!n || *n < 1 || *n > 90) bad_usage("--access-horizon-days: 1 to 90");
      o.horizon_days = *n;
    } else if (arg == "--grace-minutes" || arg == "--grace-seconds") {
      auto n = parse_number<long>(value());
      if (!n || *n < 0 || *n > 86400) bad_usage(fmt::format("{}: 0 to 86400", arg));
      o.grace = std::chrono::seconds{arg == "--grace-minutes" ? *n * 60 : *n};
    } else if (arg == "--heartbeat-seconds") {
      auto n = parse_number<long>(value());
      if (!n || *n < 1 || *n > 3600) bad_usage("--heartbeat-seconds: 1 to 3600");
      o.heartbeat = std::chrono::seconds{*n};
    } else if (arg == "--enrollment-token-seconds") {
      auto n = parse_number<long>(value());
      if (!n || *n < 1 || *n > 30L * 86400) bad_usage("--enrollment-token-seconds: 1 to 2592000");
      o.token_lifetime = std::chrono::seconds{*n};
    } else if (arg == "--session-idle-minutes") {
      auto n = parse_number<long>(value());
      if (!n || *n < 1 || *n > 7L * 24 * 60) bad_usage("--session-idle-minutes: 1 to 10080");
      o.session_idle = std::chrono::minutes{*n};
    } else if (arg == "--demo") {
      o.demo = true;
    } else if (arg == "--tls-cert") {
      o.tls_cert = std::string(value());
    } else if (arg == "--tls-key") {
      o.tls_key = std::string(value());
    } else if (arg == "--web-root") {
      o.web_root = fs::path(value());
    } else if (arg == "--log-level") {
      auto l = log::parse_level(value());
      if (!l) bad_usage("--log-level: one of trace, debug, info, warn, error, off");
      o.level = *l;
    } else if (arg == "--release-interval") {
      auto s = parse_number<long>(value());
      if (!s || *s < 1 || *s > 86400) bad_usage("--release-interval: seconds from 1 to 86400");
      o.release_interval = std::chrono::seconds{*s};
    } else if (arg == "--workers") {
      auto n = parse_number<std::size_t>(value());
      if (!n || *n < 1 || *n > 1024) bad_usage("--workers: 1 to 1024");
      o.workers = *n;
    } else {
      bad_usage(fmt::format("unknown option '{}'", arg));
    }
  }
  if (!have_dir || o.data_dir.empty()) bad_usage("--data-dir is required");
  if (o.tls_cert.empty() != o.tls_key.empty()) bad_usage("--tls-cert and --tls-key go together");
  const auto env = [](const char* name) -> std::string {
    const char* v = std::getenv(name);
    return v ? v : "";
  };
  o.admin_email = env("HUBGATE_ADMIN_EMAIL");
  o.admin_password = env("HUBGATE_ADMIN_PASSWORD");
  o.demo_password = env("HUBGATE_DEMO_PASSWORD");
  return o;
}

}  // namespace hubgate

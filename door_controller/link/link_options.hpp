// Settings of the live link to the booking service (the [link] section of the board's config,
// completed from what enrolment stored): where to connect, which certificates, heartbeat and
// reconnect timing.
#pragma once
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

namespace hubgate::door {

struct link_options {
  bool enabled = false;
  std::string controller_id;
  std::string host;  // of the service's controller port
  std::uint16_t port = 8444;
  // SNI and the name the service certificate must carry; empty: the host.
  std::string server_name;
  std::filesystem::path ca_file;    // the service CA (pinned at enrolment)
  std::filesystem::path cert_file;  // this board's client certificate
  std::filesystem::path key_file;   // and its private key (0600)
  std::chrono::milliseconds ping_interval{10'000};
  std::chrono::milliseconds dead_after{30'000};  // no frame and no pong for this long
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds backoff_min{500};
  std::chrono::milliseconds backoff_max{30'000};
  // An event batch that stays unacknowledged this long on a live connection is sent again.
  std::chrono::milliseconds resend_after{15'000};
};

}  // namespace hubgate::door

// The door controller's configuration (one TOML file, `--config FILE`): identities, paths,
// reader, door I/O, list and timing; every duration is configurable so tests run them short.
#pragma once
#include <boost/system/result.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

#include "door_controller/decision/staleness_policy.hpp"
#include "door_controller/io/io_options.hpp"
#include "door_controller/link/link_options.hpp"
#include "door_controller/reader/reader_options.hpp"

namespace hubgate::door {

struct door_config {
  std::string controller_id;
  std::string door_id;
  std::filesystem::path data_dir;
  reader_options reader;
  io_options io;
  std::chrono::milliseconds unlock{5000};
  std::chrono::milliseconds held_open{30000};
  std::filesystem::path list_file;  // empty: no list file, only what the store holds
  std::chrono::milliseconds list_check{1000};
  std::int64_t list_max_age_s = 24 * 3600;
  staleness_policy stale_policy = staleness_policy::standing_only;
  std::filesystem::path verify_key_file;
  std::filesystem::path list_key_file;
  std::string log_level = "info";
  // [link]: when enabled, controller_id, door_id and the key files may be left out and come
  // from what `hubgate-door enroll` stored (see resolve_enrolment in door_daemon.hpp).
  link_options link;

  std::filesystem::path store_path() const { return data_dir / "door.sqlite"; }
};

// Why a configuration was refused, naming the offending key ("door.unlock_ms").
struct config_error {
  std::string key;
  std::string message;
  std::string what() const { return key.empty() ? message : key + ": " + message; }
};

boost::system::result<door_config, config_error> load_config(const std::filesystem::path& path);
// The same from TOML text, for tests; `origin` names the source in messages.
boost::system::result<door_config, config_error> parse_config(std::string_view toml_text,
                                                              std::string_view origin);

}  // namespace hubgate::door

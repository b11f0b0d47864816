// The hubgate-door process: wires the configured reader, door I/O, local store and list file
// to the door loop and runs it until SIGTERM/SIGINT; plus the `events` command.
#pragma once
#include <boost/system/result.hpp>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "door_controller/daemon/door_config.hpp"

namespace hubgate::door {

// With the link enabled, fills what the configuration leaves out from the enrolment stored in
// the data dir: controller id, door id (when the controller has exactly one door), key files,
// the controller endpoint and the TLS files. Returns why that is impossible, if it is.
std::optional<std::string> resolve_enrolment(door_config& config);

// Runs the daemon; returns the process exit code (0 after a clean stop).
int run_daemon(const door_config& config);

// Prints the events queued for upload, oldest first, one JSON object per line on stdout.
int print_events(const door_config& config);

// The list key file holds the key as hex text (at least 32 bytes); whitespace is ignored.
boost::system::result<std::vector<std::uint8_t>> load_list_key(const std::filesystem::path& path);

}  // namespace hubgate::door

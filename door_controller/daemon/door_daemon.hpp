// The hubgate-door process: wires the configured reader, door I/O, local store and list file
// to the door loop and runs it until SIGTERM/SIGINT; plus the `events` command.
#pragma once
#include "door_controller/daemon/door_config.hpp"

#include <boost/system/result.hpp>

#include <cstdint>
#include <filesystem>
#include <vector>

namespace hubgate::door {

// Runs the daemon; returns the process exit code (0 after a clean stop).
int run_daemon(const door_config& config);

// Prints the events queued for upload, oldest first, one JSON object per line on stdout.
int print_events(const door_config& config);

// The list key file holds the key as hex text (at least 32 bytes); whitespace is ignored.
boost::system::result<std::vector<std::uint8_t>> load_list_key(const std::filesystem::path& path);

}  // namespace hubgate::door

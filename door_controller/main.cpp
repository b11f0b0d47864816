// hubgate-door: the door controller daemon. `hubgate-door [run] --config FILE` runs until
// SIGTERM/SIGINT; `hubgate-door events --config FILE` prints the queued events;
// `hubgate-door enroll --service URL --token T --ca-hash sha256:HEX --config FILE` enrols the
// board with the booking service (first contact pins the service CA by that hash).
#include <cstdio>
#include <map>
#include <string>
#include <string_view>

#include "door_controller/daemon/door_config.hpp"
#include "door_controller/daemon/door_daemon.hpp"
#include "door_controller/link/enrolment.hpp"
#include "protocol/log/log.hpp"

namespace {

constexpr const char* usage =
    "usage: hubgate-door [run|events] --config FILE\n"
    "       hubgate-door enroll --service https://HOST:PORT --token TOKEN "
    "--ca-hash sha256:HEX --config FILE\n"
    "       hubgate-door --help\n"
    "  run     the door controller daemon (the default), until SIGTERM or SIGINT\n"
    "  events  print the events queued on this board\n"
    "  enroll  enrol this board with the booking service once (pins its CA by the hash)\n";

bool asks_for_help(std::string_view arg) {
  return arg == "--help" || arg == "-h" || arg == "help";
}

int enroll(const hubgate::door::door_config& config,
           const std::map<std::string, std::string>& options) {
  hubgate::door::enroll_request request;
  request.service_url = options.at("--service");
  request.token = options.at("--token");
  request.ca_hash = options.at("--ca-hash");
  request.data_dir = config.data_dir;
  auto record = hubgate::door::enroll(request);
  if (!record) {
    std::fprintf(stderr, "hubgate-door enroll: %s\n", record.error().message.c_str());
    return 1;
  }
  std::string doors;
  for (const auto& d : record->door_ids) doors += (doors.empty() ? "" : ",") + d;
  std::printf("enrolled as controller %s (site %s, doors %s); link endpoint %s:%u\n",
              record->controller_id.c_str(), record->site_id.c_str(), doors.c_str(),
              record->endpoint_host.c_str(), static_cast<unsigned>(record->endpoint_port));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && asks_for_help(argv[1])) {
    std::fputs(usage, stdout);
    return 0;
  }
  std::string_view command = "run";
  std::map<std::string, std::string> options;
  bool valid = true;
  for (int i = 1; i < argc && valid; ++i) {
    const std::string_view arg = argv[i];
    if (i == 1 && (arg == "run" || arg == "events" || arg == "enroll")) {
      command = arg;
    } else if ((arg == "--config" || arg == "--service" || arg == "--token" ||
                arg == "--ca-hash") &&
               i + 1 < argc) {
      options[std::string(arg)] = argv[++i];
    } else {
      valid = false;
    }
  }
  const bool is_enroll = command == "enroll";
  if (!valid || !options.contains("--config") ||
      (is_enroll && (!options.contains("--service") || !options.contains("--token") ||
                     !options.contains("--ca-hash"))) ||
      (!is_enroll && options.size() != 1)) {
    std::fputs(usage, stderr);
    return 2;
  }
  const std::string config_path = options.at("--config");
  auto config = hubgate::door::load_config(config_path);
  if (!config) {
    hubgate::log::write(
        hubgate::log::level::error, "config_invalid",
        {{"file", config_path}, {"key", config.error().key}, {"message", config.error().what()}});
    return 2;
  }
  if (is_enroll) return enroll(*config, options);
  return command == "events" ? hubgate::door::print_events(*config)
                             : hubgate::door::run_daemon(*config);
}

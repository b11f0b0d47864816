// hubgate-door: the door controller daemon. `hubgate-door [run] --config FILE` runs until
// SIGTERM/SIGINT; `hubgate-door events --config FILE` prints the queued events.
#include "door_controller/daemon/door_config.hpp"
#include "door_controller/daemon/door_daemon.hpp"
#include "door_controller/daemon/json_log.hpp"

#include <cstdio>
#include <string_view>

int main(int argc, char** argv) {
  std::string_view command = "run";
  const char* config_path = nullptr;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--config" && i + 1 < argc) {
      config_path = argv[++i];
    } else if (i == 1 && (arg == "run" || arg == "events")) {
      command = arg;
    } else {
      config_path = nullptr;
      break;
    }
  }
  if (config_path == nullptr) {
    std::fputs("usage: hubgate-door [run|events] --config FILE\n", stderr);
    return 2;
  }
  auto config = hubgate::door::load_config(config_path);
  if (!config) {
    hubgate::door::log(hubgate::door::log_level::error, "config_invalid",
                       {{"file", config_path},
                        {"key", config.error().key},
                        {"message", config.error().what()}});
    return 2;
  }
  return command == "events" ? hubgate::door::print_events(*config)
                             : hubgate::door::run_daemon(*config);
}

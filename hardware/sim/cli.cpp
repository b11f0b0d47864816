#include "hardware/sim/cli.hpp"

#include <fmt/format.h>

#include <csignal>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "hardware/sim/control_client.hpp"
#include "hardware/sim/reader_twin.hpp"

namespace hubgate::sim {
namespace {

constexpr const char* usage =
    "usage: hubgate-sim reader --link PATH --control SOCK\n"
    "       hubgate-sim tap --control SOCK --uid HEX|--blank-desfire [--hold MS]\n"
    "       hubgate-sim place --control SOCK --uid HEX|--blank-desfire | remove --control SOCK\n"
    "       hubgate-sim door --control SOCK open|close | button --control SOCK\n"
    "       hubgate-sim relay --control SOCK on|off | gpio --control SOCK\n"
    "       hubgate-sim fault --control SOCK garble|nack|mute|unplug|replug|remove-mid-exchange "
    "[N]\n"
    "       hubgate-sim status --control SOCK\n"
    "       hubgate-sim --help\n";

struct arguments {
  std::string verb;
  std::map<std::string, std::string> options;  // --name value
  std::vector<std::string> positional;
};

bool parse(int argc, char** argv, arguments& out) {
  if (argc < 2) return false;
  out.verb = argv[1];
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--blank-desfire") {
      out.options["uid"] = "blank-desfire";  // the control line's card word
    } else if (a.starts_with("--")) {
      if (i + 1 >= argc) return false;
      out.options[a.substr(2)] = argv[++i];
    } else {
      out.positional.push_back(a);
    }
  }
  return true;
}

int run_reader(const arguments& args) {
  twin_options options;
  options.link_path = args.options.count("link") ? args.options.at("link") : "";
  options.control_path = args.options.count("control") ? args.options.at("control") : "";
  if (options.link_path.empty() || options.control_path.empty()) {
    std::fputs(usage, stderr);
    return 2;
  }
  // Block the stop signals before the twin's thread starts so only sigwait sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  reader_twin twin(options);
  if (auto started = twin.start(); !started) {
    fmt::print(stderr, "hubgate-sim: cannot start the reader: {}\n", started.error().message());
    return 1;
  }
  const twin_status s = twin.status();
  fmt::print("hubgate-sim: reader ready link={} pty={} control={}\n", s.link, s.pty,
             options.control_path);
  std::fflush(stdout);
  int sig = 0;
  sigwait(&stop_signals, &sig);
  twin.stop();
  fmt::print("hubgate-sim: stopped on signal {}\n", sig);
  return 0;
}

int run_client(const arguments& args) {
  const auto control = args.options.find("control");
  if (control == args.options.end()) {
    std::fputs(usage, stderr);
    return 2;
  }
  const auto& pos = args.positional;
  const auto opt = [&args](const char* name) {
    const auto it = args.options.find(name);
    return it == args.options.end() ? std::string{} : it->second;
  };
  std::string line;
  if (args.verb == "tap" && !opt("uid").empty()) {
    line = fmt::format("tap {} {}", opt("uid"), opt("hold").empty() ? "300" : opt("hold"));
  } else if (args.verb == "place" && !opt("uid").empty()) {
    line = "place " + opt("uid");
  } else if (args.verb == "remove" || args.verb == "button" || args.verb == "gpio" ||
             args.verb == "status") {
    line = args.verb;
  } else if (args.verb == "door" && pos.size() == 1) {
    line = "door " + pos[0];
  } else if (args.verb == "relay" && pos.size() == 1) {
    line = "set relay " + pos[0];
  } else if (args.verb == "fault" && (pos.size() == 1 || pos.size() == 2)) {
    line = "fault " + pos[0] + (pos.size() == 2 ? " " + pos[1] : "");
  } else {
    std::fputs(usage, stderr);
    return 2;
  }
  auto reply = control_request(control->second, line);
  if (!reply) {
    fmt::print(stderr, "hubgate-sim: {}: {}\n", control->second, reply.error().message());
    return 1;
  }
  for (const auto& l : *reply) {
    if (l.starts_with("err")) {
      fmt::print(stderr, "hubgate-sim: {}\n", l);
      return 1;
    }
    fmt::print("{}\n", l);
  }
  return 0;
}

}  // namespace

int run_cli(int argc, char** argv) {
  if (argc == 2) {
    const std::string_view arg = argv[1];
    if (arg == "--help" || arg == "-h" || arg == "help") {
      std::fputs(usage, stdout);
      return 0;
    }
  }
  arguments args;
  if (!parse(argc, argv, args)) {
    std::fputs(usage, stderr);
    return 2;
  }
  if (args.verb == "reader") return run_reader(args);
  return run_client(args);
}

}  // namespace hubgate::sim

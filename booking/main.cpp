// hubgate-booking: the booking service. `serve` reads its options and runs the service app
// (booking/app), which opens the data dir, serves HTTPS and the door link, and stops on a signal.
#include <fmt/format.h>

#include <exception>
#include <iostream>
#include <string_view>
#include <vector>

#include "booking/app/serve_options.hpp"
#include "booking/app/service_app.hpp"

int main(int argc, char** argv) {
  using namespace hubgate;
  std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty()) bad_usage("a command is required");
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << serve_usage;
    return 0;
  }
  if (args[0] != "serve") bad_usage(fmt::format("unknown command '{}'", args[0]));
  args.erase(args.begin());
  for (auto a : args)
    if (a == "--help" || a == "-h") {
      std::cout << serve_usage;
      return 0;
    }
  const auto options = parse_serve_options(args);
  try {
    app::service_app service(options);
    service.run();
  } catch (const std::exception& e) {
    std::cerr << "hubgate-booking: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

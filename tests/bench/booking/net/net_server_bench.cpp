// hubgate-bench-net-server: booking/net's server with a handler answering a fixed JSON body,
// so hubgate-load can compare it with hubgate-bench-baseline-http (the cost of the worker
// hop, request ids, access log checks and header copying).
//   hubgate-bench-net-server --data-dir DIR [--port N] [--io-threads N] [--workers N]
// Prints {"port":N} once listening; stops on SIGINT/SIGTERM.
#include <charconv>
#include <cstdio>
#include <exception>
#include <string_view>

#include "booking/net/server.hpp"
#include "booking/pki/tls_material.hpp"

namespace {

class fixed_handler final : public hubgate::http::request_handler {
 public:
  hubgate::http::http_response handle(const hubgate::http::http_request&) override {
    hubgate::http::http_response response;
    response.set_header("content-type", "application/json");
    response.body = R"({"status":"ok"})";
    return response;
  }
};

}  // namespace

int main(int argc, char** argv) {
  std::string data_dir;
  unsigned port = 0, io_threads = 0, workers = 64;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view arg = argv[i], value = argv[i + 1];
    const char* end = value.data() + value.size();
    if (arg == "--data-dir")
      data_dir = value;
    else if (arg == "--port")
      std::from_chars(value.data(), end, port);
    else if (arg == "--io-threads")
      std::from_chars(value.data(), end, io_threads);
    else if (arg == "--workers")
      std::from_chars(value.data(), end, workers);
  }
  if (data_dir.empty()) {
    std::fputs(
        "usage: hubgate-bench-net-server --data-dir DIR [--port N] [--io-threads N] [--workers "
        "N]\n",
        stderr);
    return 2;
  }
  auto material = hubgate::pki::ensure_server_tls(data_dir);
  if (!material) {
    std::fprintf(stderr, "TLS material: %s\n", material.error().message().c_str());
    return 1;
  }
  try {
    fixed_handler handler;
    hubgate::net::server_options options;
    options.port = static_cast<std::uint16_t>(port);
    options.cert_chain_file = material->certificate_chain.string();
    options.private_key_file = material->private_key.string();
    options.io_threads = io_threads;
    options.worker_threads = workers;
    hubgate::net::server server(options, handler);
    std::printf("{\"port\":%u}\n", server.port());
    std::fflush(stdout);
    server.run_until_signal();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "hubgate-bench-net-server: %s\n", e.what());
    return 1;
  }
  return 0;
}

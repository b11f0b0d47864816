// Command line and request file of hubgate-load: what to send, where, how hard, how long.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hubgate::bench {

struct load_request {
  std::string method = "GET";
  std::string target = "/";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

struct load_options {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8443;
  std::string server_name = "localhost";
  std::string ca_file;  // empty: --insecure must be given
  bool insecure = false;
  std::size_t connections = 64;
  std::size_t threads = 0;  // 0 = hardware concurrency
  std::chrono::seconds duration{10};
  std::optional<std::uint64_t> total_requests;  // set: stop after this many instead
  std::string bearer_token;
  std::vector<load_request> requests;  // from --requests FILE, else one GET of --target
};

// Parses argv; on error or --help returns nullopt after printing usage to stderr.
std::optional<load_options> parse_load_options(int argc, char** argv);

}  // namespace hubgate::bench

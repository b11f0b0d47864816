#include "tests/bench/booking/net/load_options.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <string_view>

namespace hubgate::bench {
namespace {

constexpr const char* usage =
    "usage: hubgate-load --port N [--host H] [--server-name NAME] (--ca FILE | --insecure)\n"
    "                    [--connections N] [--threads N] (--duration SECONDS | --count N)\n"
    "                    [--requests FILE | --target /path] [--token BEARER]\n"
    "  FILE has one JSON object per line: {\"method\",\"target\",\"body\",\"headers\":{...}},\n"
    "  already shuffled by the caller; each connection starts at a different line.\n"
    "  Prints one JSON object: throughput and p50/p99/p99.9 latency.\n";

template <class T>
bool parse_number(std::string_view text, T& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && end == text.data() + text.size();
}

bool read_requests(const std::string& path, std::vector<load_request>& out) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "hubgate-load: cannot read %s\n", path.c_str());
    return false;
  }
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    boost::system::error_code ec;
    const auto value = boost::json::parse(line, ec);
    const auto* object = ec ? nullptr : value.if_object();
    if (object == nullptr) {
      std::fprintf(stderr, "hubgate-load: %s:%zu is not a JSON object\n", path.c_str(), number);
      return false;
    }
    load_request request;
    if (const auto* m = object->if_contains("method"); m && m->is_string())
      request.method = m->as_string();
    if (const auto* t = object->if_contains("target"); t && t->is_string())
      request.target = t->as_string();
    if (const auto* b = object->if_contains("body"); b && b->is_string())
      request.body = b->as_string();
    if (const auto* h = object->if_contains("headers"); h && h->is_object())
      for (const auto& [name, v] : h->as_object())
        if (v.is_string())
          request.headers.emplace_back(std::string(name), std::string(v.as_string()));
    out.push_back(std::move(request));
  }
  if (out.empty()) std::fprintf(stderr, "hubgate-load: %s has no requests\n", path.c_str());
  return !out.empty();
}

}  // namespace

std::optional<load_options> parse_load_options(int argc, char** argv) {
  load_options options;
  std::string requests_file, target = "/api/v1/health";
  bool ok = true;
  for (int i = 1; i < argc && ok; ++i) {
    const std::string_view arg = argv[i];
    const bool has_value = i + 1 < argc;
    const std::string_view value = has_value ? argv[i + 1] : "";
    auto take = [&] {
      ++i;
      return has_value;
    };
    std::uint64_t n = 0;
    if (arg == "--insecure")
      options.insecure = true;
    else if (arg == "--host")
      ok = take() && (options.host = value, true);
    else if (arg == "--server-name")
      ok = take() && (options.server_name = value, true);
    else if (arg == "--ca")
      ok = take() && (options.ca_file = value, true);
    else if (arg == "--requests")
      ok = take() && (requests_file = value, true);
    else if (arg == "--target")
      ok = take() && (target = value, true);
    else if (arg == "--token")
      ok = take() && (options.bearer_token = value, true);
    else if (arg == "--port")
      ok = take() && parse_number(value, options.port);
    else if (arg == "--connections")
      ok = take() && parse_number(value, options.connections) && options.connections > 0;
    else if (arg == "--threads")
      ok = take() && parse_number(value, options.threads);
    else if (arg == "--duration")
      ok = take() && parse_number(value, n) && n > 0 &&
           (options.duration = std::chrono::seconds(n), true);
    else if (arg == "--count")
      ok = take() && parse_number(value, n) && n > 0 && (options.total_requests = n, true);
    else
      ok = false;
    if (!ok)
      std::fprintf(stderr, "hubgate-load: bad or unknown argument '%s'\n",
                   std::string(arg).c_str());
  }
  if (ok && options.ca_file.empty() && !options.insecure) {
    std::fprintf(stderr, "hubgate-load: give --ca FILE or --insecure\n");
    ok = false;
  }
  if (ok && !requests_file.empty()) ok = read_requests(requests_file, options.requests);
  if (ok && options.requests.empty()) options.requests.push_back({"GET", target, {}, {}});
  if (!ok) {
    std::fputs(usage, stderr);
    return std::nullopt;
  }
  return options;
}

}  // namespace hubgate::bench

// Fuzzes the static site's request handling: the target path (decoding, traversal checks,
// single-page fallback) and the Accept-Encoding / If-None-Match parsing.
#include "booking/static/static_site.hpp"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "booking/static/http_negotiation.hpp"

namespace {

const hubgate::web::static_site& site() {
  static const hubgate::web::static_site instance = [] {
    const auto root = std::filesystem::temp_directory_path() / "hubgate-fuzz-static-site";
    std::filesystem::create_directories(root / "app");
    std::ofstream(root / "index.html") << "<!doctype html><title>x</title>";
    std::ofstream(root / "app" / "main.js") << std::string(300, 'x');
    std::ofstream(root / "app" / "main.js.gz") << "gz";
    return hubgate::web::static_site(root);
  }();
  return instance;
}

}  // namespace

// Input: "<target>\n<accept-encoding>\n<if-none-match>".
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto next = [&in] {
    const auto nl = in.find('\n');
    auto line = in.substr(0, nl);
    in = nl == std::string_view::npos ? std::string_view{} : in.substr(nl + 1);
    return std::string(line);
  };
  hubgate::http::http_request request;
  request.method = "GET";
  request.target = next();
  const auto accept = next();
  const auto inm = next();
  request.headers = {{"accept-encoding", accept}, {"if-none-match", inm}};
  (void)hubgate::web::accepts_encoding(accept, "gzip");
  (void)hubgate::web::etag_matches(inm, "\"abc\"");
  if (auto r = site().serve(request)) {
    // Whatever the target, only the site's own files come back.
    if (r->status == 200 && r->body != "<!doctype html><title>x</title>" &&
        r->body != std::string(300, 'x') && r->body != "gz")
      std::abort();
  }
  return 0;
}

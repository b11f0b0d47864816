// The browser UI's files (web/), loaded once into memory and served with ETags, gzip and the
// security headers the UI relies on (strict CSP, no framing, no sniffing, HSTS).
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "booking/http/http_message.hpp"

namespace hubgate::web {

class static_site {
 public:
  explicit static_site(std::filesystem::path root);  // a folder with index.html etc.
  // nullopt when the path is not a file of the site (the router then answers 404); "/" and
  // unknown non-file paths of the single-page app serve index.html.
  std::optional<http::http_response> serve(const http::http_request& request) const;

  // Number of files loaded (a missing or empty root gives 0; serve then returns nullopt).
  std::size_t file_count() const { return files_.size(); }

  struct file {
    std::string content_type;
    std::string cache_control;
    std::string etag;  // strong, quoted
    std::string body;
    std::optional<std::string> gzip_body;  // precompressed sibling "<name>.gz", when present
  };

 private:
  std::map<std::string, file, std::less<>> files_;  // key: URL path, e.g. "/app/main.js"
};

std::filesystem::path default_web_root();  // compile-time path of the built web assets

}  // namespace hubgate::web

#include "booking/static/static_site.hpp"

#include <openssl/evp.h>

#include <array>
#include <boost/url/parse.hpp>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <system_error>

#include "booking/static/http_negotiation.hpp"

namespace hubgate::web {
namespace {

// Sent with every answer of the site, 304s included. The UI has no inline script or style,
// so the policy can forbid both; frame-ancestors 'none' stops click-jacking of the door UI.
constexpr std::array<std::pair<const char*, const char*>, 6> security_headers{{
    {"content-security-policy",
     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"},
    {"x-content-type-options", "nosniff"},
    {"referrer-policy", "no-referrer"},
    {"strict-transport-security", "max-age=31536000"},
    {"permissions-policy",
     "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"},
    {"cross-origin-opener-policy", "same-origin"},
}};

// The files carry no content hash in their names (there is no build step), so a long
// max-age would pin stale modules after an update. Instead every file is revalidated:
// "no-cache" plus a strong ETag costs one small 304 round trip on the hub's LAN.
constexpr const char* cache_policy = "no-cache";

std::string content_type_for(const std::filesystem::path& path) {
  const auto ext = path.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".webmanifest") return "application/manifest+json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  if (ext == ".woff2") return "font/woff2";
  return "application/octet-stream";
}

std::optional<std::string> read_whole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string data{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) return std::nullopt;
  return data;
}

// Strong entity tag: the first 16 bytes of the SHA-256 of the representation, in hex.
std::string strong_etag(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1)
    size = 0;
  static constexpr char hex[] = "0123456789abcdef";
  std::string tag = "\"";
  for (unsigned int i = 0; i < std::min(size, 16u); ++i) {
    tag += hex[digest[i] >> 4];
    tag += hex[digest[i] & 0xf];
  }
  tag += '"';
  return tag;
}

bool hidden(const std::filesystem::path& relative) {
  for (const auto& part : relative)
    if (!part.empty() && part.string().front() == '.') return true;
  return false;
}

// The decoded path of an origin-form target, or nullopt when it is malformed or tries to
// leave the site (dot-dot segments, backslashes, NUL). Files are served from memory only,
// so this is a second fence, not the only one.
std::optional<std::string> site_path(std::string_view target) {
  auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) return std::nullopt;
  std::string path = parsed->path();
  if (path.empty() || path.front() != '/') return std::nullopt;
  if (path.find('\0') != std::string::npos || path.find('\\') != std::string::npos)
    return std::nullopt;
  for (std::size_t start = 1; start <= path.size();) {
    auto end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string_view segment(path.data() + start, end - start);
    if (segment == ".." || segment == ".") return std::nullopt;
    start = end + 1;
  }
  return path;
}

// A path of the single-page app (e.g. "/admin/spaces") rather than a file: no extension in
// its last segment and not an API route.
bool app_route(std::string_view path) {
  if (path.starts_with("/api/") || path == "/api") return false;
  const auto last = path.substr(path.rfind('/') + 1);
  return last.find('.') == std::string_view::npos;
}

}  // namespace

static_site::static_site(std::filesystem::path root) {
  std::error_code ec;
  auto it = std::filesystem::recursive_directory_iterator(root, ec);
  if (ec) return;
  for (const auto end = std::filesystem::recursive_directory_iterator(); it != end;
       it.increment(ec)) {
    if (ec) break;
    if (!it->is_regular_file(ec) || ec) continue;
    const auto relative = it->path().lexically_relative(root);
    if (hidden(relative) || relative.extension() == ".gz") continue;
    auto body = read_whole(it->path());
    if (!body) continue;
    file f;
    f.content_type = content_type_for(relative);
    f.cache_control = cache_policy;
    f.etag = strong_etag(*body);
    f.body = std::move(*body);
    auto gz_path = it->path();
    gz_path += ".gz";
    if (auto gz = read_whole(gz_path); gz && gz->size() < f.body.size())
      f.gzip_body = std::move(*gz);
    files_.emplace("/" + relative.generic_string(), std::move(f));
  }
}

std::optional<http::http_response> static_site::serve(const http::http_request& request) const {
  const bool head = request.method == "HEAD";
  if (!head && request.method != "GET") return std::nullopt;
  auto path = site_path(request.target);
  if (!path) return std::nullopt;
  if (path->ends_with('/')) *path += "index.html";
  auto found = files_.find(*path);
  if (found == files_.end() && app_route(*path)) found = files_.find("/index.html");
  if (found == files_.end()) return std::nullopt;
  const file& f = found->second;

  const bool gzip = f.gzip_body && accepts_encoding(request.header("accept-encoding"), "gzip");
  // Each encoding is its own representation, so it needs its own strong tag.
  const std::string etag = gzip ? f.etag.substr(0, f.etag.size() - 1) + "-gz\"" : f.etag;

  http::http_response response;
  for (const auto& [name, value] : security_headers) response.set_header(name, value);
  response.set_header("cache-control", f.cache_control);
  response.set_header("etag", etag);
  if (f.gzip_body) response.set_header("vary", "Accept-Encoding");

  if (const auto inm = request.header("if-none-match"); !inm.empty() && etag_matches(inm, etag)) {
    response.status = 304;
    return response;
  }
  response.status = 200;
  response.set_header("content-type", f.content_type);
  if (gzip) response.set_header("content-encoding", "gzip");
  // booking/net derives Content-Length from the body and sends none of it for HEAD, so HEAD
  // gets the body too: its Content-Length must be the one GET would have.
  response.body = gzip ? *f.gzip_body : f.body;
  return response;
}

std::filesystem::path default_web_root() {
  // An installed service points here with HUBGATE_WEB_ROOT; the build tree is the default.
  if (const char* env = std::getenv("HUBGATE_WEB_ROOT"); env && *env) return env;
  return HUBGATE_WEB_ROOT;
}

}  // namespace hubgate::web

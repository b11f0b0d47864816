#include "booking/static/static_site.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "hubgate/test/temp_dir.hpp"

namespace hubgate::web {
namespace {

std::string header(const http::http_response& r, const std::string& name) {
  for (const auto& [n, v] : r.headers)
    if (n == name) return v;
  return {};
}

http::http_request get(std::string target,
                       std::vector<std::pair<std::string, std::string>> h = {}) {
  http::http_request r;
  r.method = "GET";
  r.target = std::move(target);
  r.headers = std::move(h);
  return r;
}

class static_site_test : public ::testing::Test {
 protected:
  static_site_test() {
    write("index.html", "<!doctype html><title>Hubgate</title>");
    write("app/main.js", std::string(400, 'j'));
    write("app/main.js.gz", "GZ-BYTES");  // served as-is; the site does not re-compress
    write("css/site.css", "body{}");
    write("img/plan.svg", "<svg/>");
    write("i18n/de.json", "{}");
    write(".secret", "do not serve");
    std::ofstream(dir_.path() / "outside.txt") << "outside";
  }
  void write(const std::string& name, const std::string& content) {
    const auto p = root() / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
  }
  std::filesystem::path root() const { return dir_.path() / "site"; }
  hubgate::test::temp_dir dir_{"hubgate-static"};
};

TEST_F(static_site_test, serves_files_with_content_types) {
  static_site site(root());
  EXPECT_EQ(site.file_count(), 5u);  // .secret is hidden, .gz files are variants
  const struct {
    const char* target;
    const char* type;
  } cases[] = {{"/", "text/html; charset=utf-8"},
               {"/index.html", "text/html; charset=utf-8"},
               {"/app/main.js", "text/javascript; charset=utf-8"},
               {"/css/site.css", "text/css; charset=utf-8"},
               {"/img/plan.svg", "image/svg+xml"},
               {"/i18n/de.json?v=1", "application/json"}};
  for (const auto& c : cases) {
    auto r = site.serve(get(c.target));
    ASSERT_TRUE(r) << c.target;
    EXPECT_EQ(r->status, 200) << c.target;
    EXPECT_EQ(header(*r, "content-type"), c.type) << c.target;
  }
  EXPECT_EQ(site.serve(get("/css/site.css"))->body, "body{}");
}

TEST_F(static_site_test, app_routes_fall_back_to_index_but_missing_files_do_not) {
  static_site site(root());
  auto r = site.serve(get("/admin/spaces"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "<!doctype html><title>Hubgate</title>");
  EXPECT_FALSE(site.serve(get("/app/missing.js")));
  EXPECT_FALSE(site.serve(get("/api/v1/unknown")));
  EXPECT_FALSE(site.serve(get("/.secret")));
}

TEST_F(static_site_test, only_get_and_head) {
  static_site site(root());
  auto post = get("/index.html");
  post.method = "POST";
  EXPECT_FALSE(site.serve(post));
  auto head = get("/index.html");
  head.method = "HEAD";
  auto r = site.serve(head);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  // booking/net sends none of the body for HEAD but takes Content-Length from it.
  EXPECT_EQ(r->body, site.serve(get("/index.html"))->body);
  EXPECT_FALSE(header(*r, "etag").empty());
}

TEST_F(static_site_test, traversal_is_refused) {
  static_site site(root());
  for (const char* t : {"/../outside.txt", "/app/../../outside.txt", "/%2e%2e/outside.txt",
                        "/app/%2E%2E/%2e%2e/outside.txt", "/..%2Foutside.txt",
                        "/app/..%5C..%5Coutside.txt", "/%00index.html", "//etc/passwd",
                        "/app/./main.js", "relative", "http://evil/index.html", ""}) {
    auto r = site.serve(get(t));
    EXPECT_TRUE(!r || r->body.find("outside") == std::string::npos) << t;
  }
  EXPECT_FALSE(site.serve(get("/../outside.txt")));
  EXPECT_FALSE(site.serve(get("/%2e%2e/outside.txt")));
}

TEST_F(static_site_test, etag_revalidation_gives_304) {
  static_site site(root());
  auto first = site.serve(get("/css/site.css"));
  ASSERT_TRUE(first);
  const auto etag = header(*first, "etag");
  ASSERT_GE(etag.size(), 3u);
  EXPECT_EQ(etag.front(), '"');
  EXPECT_NE(etag.substr(0, 2), "W/");  // strong

  auto again = site.serve(get("/css/site.css", {{"if-none-match", etag}}));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  EXPECT_EQ(header(*again, "etag"), etag);

  auto stale = site.serve(get("/css/site.css", {{"if-none-match", "\"0000\""}}));
  EXPECT_EQ(stale->status, 200);
  EXPECT_EQ(stale->body, "body{}");

  // A different file has a different tag.
  EXPECT_NE(header(*site.serve(get("/img/plan.svg")), "etag"), etag);
}

TEST_F(static_site_test, gzip_variant_when_accepted) {
  static_site site(root());
  auto plain = site.serve(get("/app/main.js"));
  EXPECT_EQ(plain->body, std::string(400, 'j'));
  EXPECT_EQ(header(*plain, "content-encoding"), "");
  EXPECT_EQ(header(*plain, "vary"), "Accept-Encoding");

  auto gz = site.serve(get("/app/main.js", {{"accept-encoding", "gzip, deflate, br"}}));
  EXPECT_EQ(gz->body, "GZ-BYTES");
  EXPECT_EQ(header(*gz, "content-encoding"), "gzip");
  EXPECT_EQ(header(*gz, "vary"), "Accept-Encoding");
  EXPECT_EQ(header(*gz, "content-type"), "text/javascript; charset=utf-8");
  EXPECT_NE(header(*gz, "etag"), header(*plain, "etag"));

  auto refused = site.serve(get("/app/main.js", {{"accept-encoding", "gzip;q=0"}}));
  EXPECT_EQ(refused->body, std::string(400, 'j'));

  // Revalidating the gzip representation uses its own tag.
  auto gz304 = site.serve(
      get("/app/main.js", {{"accept-encoding", "gzip"}, {"if-none-match", header(*gz, "etag")}}));
  EXPECT_EQ(gz304->status, 304);
  auto plain_with_gz_tag =
      site.serve(get("/app/main.js", {{"if-none-match", header(*gz, "etag")}}));
  EXPECT_EQ(plain_with_gz_tag->status, 200);

  // No .gz sibling: identity, whatever the client accepts.
  auto css = site.serve(get("/css/site.css", {{"accept-encoding", "gzip"}}));
  EXPECT_EQ(header(*css, "content-encoding"), "");
}

TEST_F(static_site_test, security_headers_on_every_answer) {
  static_site site(root());
  auto ok = *site.serve(get("/"));
  auto not_modified = *site.serve(get("/", {{"if-none-match", header(ok, "etag")}}));
  ASSERT_EQ(not_modified.status, 304);
  for (const auto* r : {&ok, &not_modified}) {
    const auto csp = header(*r, "content-security-policy");
    EXPECT_NE(csp.find("default-src 'self'"), std::string::npos);
    EXPECT_NE(csp.find("script-src 'self';"), std::string::npos);
    EXPECT_NE(csp.find("style-src 'self';"), std::string::npos);
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_NE(csp.find("base-uri 'none'"), std::string::npos);
    EXPECT_NE(csp.find("form-action 'self'"), std::string::npos);
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
    EXPECT_EQ(header(*r, "x-content-type-options"), "nosniff");
    EXPECT_EQ(header(*r, "referrer-policy"), "no-referrer");
    EXPECT_NE(header(*r, "strict-transport-security").find("max-age="), std::string::npos);
    EXPECT_FALSE(header(*r, "permissions-policy").empty());
    EXPECT_EQ(header(*r, "cache-control"), "no-cache");
  }
}

TEST(static_site, missing_root_serves_nothing) {
  static_site site("/nonexistent/hubgate/web");
  EXPECT_EQ(site.file_count(), 0u);
  EXPECT_FALSE(site.serve(get("/")));
}

TEST(static_site, default_root_is_the_built_ui) {
  static_site site(default_web_root());
  auto r = site.serve(get("/"));
  ASSERT_TRUE(r) << default_web_root();
  EXPECT_NE(r->body.find("<html"), std::string::npos);
}

}  // namespace
}  // namespace hubgate::web

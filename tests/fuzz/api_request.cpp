// Fuzzes the API's untrusted-input path: the request target (Boost.URL), query parameters,
// JSON bodies and the typed readers that map them onto catalogue and booking records.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "booking/api/catalog_json.hpp"
#include "booking/api/json_input.hpp"
#include "booking/api/query_input.hpp"
#include "booking/api/request_target.hpp"
#include "booking/auth/authenticator.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hubgate;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // First line: the request target; the rest: the body.
  auto nl = input.find('\n');
  std::string_view target = input.substr(0, nl);
  std::string_view body = nl == std::string_view::npos ? std::string_view{} : input.substr(nl + 1);

  if (auto t = api::parse_request_target(target)) {
    api::query_fields q(*t, {"from", "to", "kind", "seats"});
    (void)q.time("from", false);
    (void)q.time("to", true);
    (void)q.text("kind");
    (void)q.integer("seats", 1, 1000);
    (void)q.finish();
  }
  (void)auth::cookie_value(target, "hubgate_session");
  (void)auth::bearer_token(target);

  http::http_request request;
  request.method = "POST";
  request.target = std::string(target);
  request.headers = {{"content-type", "application/json"}};
  request.body = std::string(body);
  auto object = api::parse_json_body(request);
  if (!object) return 0;
  {
    api::body_fields f(*object);
    domain::space s;
    api::read_space(f, s, true);
    (void)f.finish();
  }
  {
    api::body_fields f(*object);
    domain::group g;
    api::read_group(f, g, false);
    (void)f.finish();
  }
  {
    api::body_fields f(*object);
    domain::site s;
    api::read_site(f, s, true);
    (void)f.time("start", api::need::optional);
    (void)f.finish();
  }
  return 0;
}

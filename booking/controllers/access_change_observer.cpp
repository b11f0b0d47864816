#include "booking/controllers/access_change_observer.hpp"

namespace hubgate::controllers {

bool may_change_access(const http::http_request& request, const http::http_response& response) {
  if (response.status < 200 || response.status >= 300) return false;
  if (request.method == "GET" || request.method == "HEAD" || request.method == "OPTIONS")
    return false;
  std::string_view path = request.target;
  path = path.substr(0, path.find('?'));
  constexpr std::string_view api = "/api/v1/";
  if (!path.starts_with(api)) return false;
  const auto resource = path.substr(api.size());
  // Sessions, tokens and calendar feeds open no door; the access log and the card lookup
  // only read.
  for (std::string_view quiet : {"auth/", "calendar", "access-events", "credentials/lookup"})
    if (resource.starts_with(quiet)) return false;
  return true;
}

}  // namespace hubgate::controllers

// What a handler receives: the request, its parsed target and path parameters, the signed-in
// principal (when any), and the services it may call. Handlers read from it, never write.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "booking/api/request_target.hpp"
#include "booking/api/router.hpp"
#include "booking/auth/principal.hpp"
#include "booking/domain/actor.hpp"
#include "booking/domain/user.hpp"
#include "booking/http/http_message.hpp"

namespace hubgate::api {

struct services;  // services.hpp

struct call {
  const http::http_request& request;
  const request_target& target;
  path_params params;
  std::optional<auth::principal> who;
  services& svc;
  const router& routes;  // the whole route table (for /openapi.json)

  // A path parameter by name ("id"); empty when the route has none of that name.
  std::string_view param(std::string_view name) const {
    for (const auto& [k, v] : params)
      if (k == name) return v;
    return {};
  }
  // The actor for domain calls; anonymous calls get an actor with no id.
  domain::actor actor() const { return who ? who->actor : domain::actor{}; }
};

}  // namespace hubgate::api

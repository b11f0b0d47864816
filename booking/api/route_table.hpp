// Every route of the HTTP API in one literal table: method, path pattern, privilege,
// handler and its documentation (which /openapi.json is generated from, so it cannot drift).
#pragma once
#include <vector>

#include "booking/api/router.hpp"

namespace hubgate::api {

std::vector<route> api_routes();

}  // namespace hubgate::api

// /openapi.json: an OpenAPI 3.1 document generated from the route table and the schema
// snippets beside it, so every route, body and problem code is described and none drifts.
#pragma once
#include <boost/json/object.hpp>

#include "booking/api/router.hpp"

namespace hubgate::api {

boost::json::object openapi_document(const router& routes);

// The named schemas (components.schemas); routes refer to them by name.
const boost::json::object& openapi_schemas();

}  // namespace hubgate::api

// The JSON form of one access-log entry, shared by GET /access-events and the live log, so a
// browser reads the same object from both.
#pragma once
#include <boost/json/object.hpp>

#include "booking/controllers/controller_service.hpp"

namespace hubgate::api {

boost::json::object to_json(const controllers::event_view& v);

}  // namespace hubgate::api

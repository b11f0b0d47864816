// JSON mapping of bookings, availability and users/credentials: what the API shows of them.
// Only the owner and admins ever get a booking; others learn only that seats are taken.
#pragma once
#include <boost/json/object.hpp>

#include "booking/domain/availability.hpp"
#include "booking/domain/booking.hpp"
#include "booking/domain/booking_service.hpp"
#include "booking/domain/credential.hpp"
#include "booking/domain/ports.hpp"
#include "booking/domain/user.hpp"

namespace hubgate::api {

boost::json::object to_json(const domain::booking& b);
boost::json::object to_json(const domain::free_segment& s);
boost::json::object to_json(const domain::space_availability& a);
boost::json::object to_json(const domain::user& u);
boost::json::object to_json(const domain::credential& c);
boost::json::object to_json(const domain::session_summary& s);
boost::json::object to_json(const domain::api_token_record& t);

}  // namespace hubgate::api

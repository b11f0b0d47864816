// JSON mapping of the catalog (sites, spaces, groups, doors) and of its shared parts (weekly
// hours, closures, rules): rendering, and reading request bodies onto a record field by field.
#pragma once
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "booking/api/json_input.hpp"
#include "booking/domain/door.hpp"
#include "booking/domain/group.hpp"
#include "booking/domain/site.hpp"
#include "booking/domain/space.hpp"

namespace hubgate::api {

// {"monday":[{"open":"07:00","close":"22:00"}], ..., "sunday":[]}
boost::json::object to_json(const domain::weekly_hours& hours);
boost::json::array to_json(const std::vector<domain::closure>& closures);
boost::json::object to_json(const domain::site& s);
boost::json::object to_json(const domain::space& s);
boost::json::object to_json(const domain::group& g);
boost::json::object to_json(const domain::door& d);

// Readers take the body's fields, apply what is present onto `out` and report field errors
// into `fields`. `creating` makes the mandatory members required.
void read_site(body_fields& fields, domain::site& out, bool creating);
void read_space(body_fields& fields, domain::space& out, bool creating);
void read_group(body_fields& fields, domain::group& out, bool creating);
void read_door(body_fields& fields, domain::door& out, bool creating);

// Nested values; `path` names the member in errors.
std::optional<domain::weekly_hours> read_weekly_hours(const boost::json::value& v,
                                                      const std::string& path,
                                                      std::vector<field_error>& errors);
std::optional<std::vector<domain::closure>> read_closures(const boost::json::value& v,
                                                          const std::string& path,
                                                          std::vector<field_error>& errors);

}  // namespace hubgate::api

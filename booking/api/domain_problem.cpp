#include "booking/api/domain_problem.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "booking/domain/local_time.hpp"
#include "booking/domain/port_condition.hpp"
#include "protocol/log/log.hpp"

namespace hubgate::api {

problem to_problem(const domain::failure& f, std::string_view request_id) {
  if (f.code == domain::port_condition::unavailable) {
    problem p;
    p.status = 503;
    p.code = "service_busy";
    p.title = std::string(status_title(503));
    p.detail = "the store is busy or shutting down; retry shortly";
    p.headers.emplace_back("retry-after", "1");
    log::write(log::level::warn, "store_busy", {{"request_id", request_id}});
    return p;
  }
  if (!domain::is_domain_error(f.code)) {
    log::write(log::level::error, "internal_failure",
               {{"request_id", request_id},
                {"category", f.code.category().name()},
                {"code", f.code.value()},
                {"message", f.code.message()}});
    return internal_error();
  }
  const auto e = static_cast<domain::errc>(f.code.value());
  problem p;
  p.status = domain::http_status(e);
  if (p.status >= 500 || p.status < 400) p.status = 422;
  // The API contract names this one after what the client sees, not the domain's reason.
  p.code = e == domain::errc::capacity_exceeded_by_bookings ? "capacity_conflict"
                                                            : std::string(domain::to_string(e));
  p.title = std::string(status_title(p.status));
  p.detail = f.message.empty() ? std::string(p.code) : f.message;
  for (const auto& fe : f.fields) p.errors.push_back({fe.field, fe.code, fe.message});
  if (!f.conflicts.empty()) {
    boost::json::array list;
    for (const auto& c : f.conflicts)
      list.push_back({{"booking_id", c.booking_id},
                      {"start", domain::format_rfc3339_utc(c.start)},
                      {"end", domain::format_rfc3339_utc(c.end)},
                      {"seats", c.seats}});
    boost::json::object extra;
    extra["conflicts"] = std::move(list);
    p.extra_json = boost::json::serialize(extra);
  }
  return p;
}

}  // namespace hubgate::api

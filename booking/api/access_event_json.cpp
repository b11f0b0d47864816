#include "booking/api/access_event_json.hpp"

#include <chrono>

#include "booking/domain/local_time.hpp"
#include "protocol/pseudonym.hpp"

namespace hubgate::api {

boost::json::object to_json(const controllers::event_view& v) {
  const auto& e = v.stored.event;
  const auto at = std::chrono::sys_seconds{
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::milliseconds{e.at})};
  boost::json::object o{
      {"id", e.id},           {"controller_id", v.stored.controller_id},
      {"door_id", e.door_id}, {"kind", protocol::to_string(e.kind)},
      {"reason", e.reason},   {"at", domain::format_rfc3339_utc(at)},
      {"at_ms", e.at},        {"received_at", domain::format_rfc3339_utc(v.stored.received_at)}};
  o["card"] = e.card ? boost::json::value(protocol::to_hex(*e.card)) : nullptr;
  o["credential_id"] = v.credential ? boost::json::value(v.credential->id) : nullptr;
  o["user_id"] = v.credential ? boost::json::value(v.credential->user_id) : nullptr;
  return o;
}

}  // namespace hubgate::api

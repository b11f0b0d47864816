// How nested parts of records (opening hours, closures, rules, policies, lists) are stored:
// compact JSON text, decoded without exceptions. Internal to booking/store.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "booking/domain/failure.hpp"
#include "booking/domain/group.hpp"
#include "booking/domain/opening_hours.hpp"
#include "booking/domain/space.hpp"

namespace hubgate::store {

inline std::int64_t to_unix(std::chrono::sys_seconds t) {
  return t.time_since_epoch().count();
}
inline std::chrono::sys_seconds from_unix(std::int64_t s) {
  return std::chrono::sys_seconds{std::chrono::seconds{s}};
}

std::string encode(const domain::weekly_hours& h);
std::string encode(const std::vector<domain::closure>& c);
std::string encode(const std::vector<std::string>& list);
std::string encode(const domain::floor_position& p);
std::string encode(const domain::space_rules& r);
std::string encode(const domain::group_policy& p);
std::string encode(const std::vector<domain::door_grant>& g);

// Each returns false when the text is not what encode() writes.
bool decode(std::string_view text, domain::weekly_hours& out);
bool decode(std::string_view text, std::vector<domain::closure>& out);
bool decode(std::string_view text, std::vector<std::string>& out);
bool decode(std::string_view text, domain::floor_position& out);
bool decode(std::string_view text, domain::space_rules& out);
bool decode(std::string_view text, domain::group_policy& out);
bool decode(std::string_view text, std::vector<domain::door_grant>& out);

domain::failure bad_record(std::string_view what);

}  // namespace hubgate::store

#include "protocol/json_fields.hpp"

#include <limits>

namespace hubgate::protocol::json_fields {

bool as_int64(const boost::json::value& v, std::int64_t& out) noexcept {
  if (const auto* i = v.if_int64()) {
    out = *i;
    return true;
  }
  if (const auto* u = v.if_uint64();
      u && *u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    out = static_cast<std::int64_t>(*u);
    return true;
  }
  return false;
}

bool as_uint64(const boost::json::value& v, std::uint64_t& out) noexcept {
  if (const auto* u = v.if_uint64()) {
    out = *u;
    return true;
  }
  if (const auto* i = v.if_int64(); i && *i >= 0) {
    out = static_cast<std::uint64_t>(*i);
    return true;
  }
  return false;
}

bool as_number(const boost::json::value& v, double& out) noexcept {
  if (const auto* d = v.if_double()) {
    out = *d;
    return true;
  }
  if (const auto* i = v.if_int64()) {
    out = static_cast<double>(*i);
    return true;
  }
  if (const auto* u = v.if_uint64()) {
    out = static_cast<double>(*u);
    return true;
  }
  return false;
}

const boost::json::value* find(const boost::json::object& o, std::string_view key) noexcept {
  return o.if_contains(key);
}

bool get_int64(const boost::json::object& o, std::string_view key, std::int64_t& out) noexcept {
  const auto* v = find(o, key);
  return v && as_int64(*v, out);
}

bool get_uint64(const boost::json::object& o, std::string_view key, std::uint64_t& out) noexcept {
  const auto* v = find(o, key);
  return v && as_uint64(*v, out);
}

bool get_number(const boost::json::object& o, std::string_view key, double& out) noexcept {
  const auto* v = find(o, key);
  return v && as_number(*v, out);
}

const boost::json::string* get_string(const boost::json::object& o, std::string_view key) noexcept {
  const auto* v = find(o, key);
  return v ? v->if_string() : nullptr;
}

const boost::json::array* get_array(const boost::json::object& o, std::string_view key) noexcept {
  const auto* v = find(o, key);
  return v ? v->if_array() : nullptr;
}

bool only_keys(const boost::json::object& o,
               std::initializer_list<std::string_view> allowed) noexcept {
  for (const auto& kv : o) {
    bool known = false;
    for (std::string_view k : allowed) known = known || kv.key() == k;
    if (!known) return false;
  }
  return true;
}

result<pseudonym> get_pseudonym(const boost::json::value& v) noexcept {
  const auto* s = v.if_string();
  if (!s) return errc::bad_field;
  return parse_pseudonym(std::string_view(*s));
}

}  // namespace hubgate::protocol::json_fields

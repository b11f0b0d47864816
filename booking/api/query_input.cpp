#include "booking/api/query_input.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace hubgate::api {

query_fields::query_fields(const request_target& target,
                           std::initializer_list<std::string_view> known)
    : target_(target), known_(known) {}

void query_fields::error(std::string_view name, std::string code, std::string message) {
  errors_.push_back({std::string(name), std::move(code), std::move(message)});
}

std::optional<std::string> query_fields::text(std::string_view name, bool required) {
  auto v = target_.param(name);
  if (!v || v->empty()) {
    if (required) error(name, "required", "is required");
    return std::nullopt;
  }
  if (v->size() > 200) {
    error(name, "too_long", "at most 200 characters");
    return std::nullopt;
  }
  return v;
}

std::optional<int> query_fields::integer(std::string_view name, int min, int max) {
  auto v = text(name);
  if (!v) return std::nullopt;
  int out = 0;
  auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
  if (ec != std::errc{} || ptr != v->data() + v->size()) {
    error(name, "wrong_type", "expected an integer");
    return std::nullopt;
  }
  if (out < min || out > max) {
    error(name, "out_of_range", fmt::format("must be between {} and {}", min, max));
    return std::nullopt;
  }
  return out;
}

std::optional<domain::time_input> query_fields::time(std::string_view name, bool required) {
  auto v = text(name, required);
  if (!v) return std::nullopt;
  auto parsed = domain::parse_time_input(*v);
  if (!parsed) {
    error(name, "invalid_time",
          "expected RFC 3339 (2027-03-28T09:00:00+02:00) or local 2027-03-28T09:00:00");
    return std::nullopt;
  }
  return *parsed;
}

std::vector<field_error> query_fields::finish() {
  for (const auto& [key, value] : target_.query)
    if (std::find(known_.begin(), known_.end(), key) == known_.end())
      errors_.push_back({key, "unknown_parameter", "is not a parameter of this resource"});
  return std::move(errors_);
}

}  // namespace hubgate::api

// Typed query parameters with the same error reporting as bodies: each bad or unknown
// parameter becomes a field error of one 422 `validation_failed`.
#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "booking/api/problem.hpp"
#include "booking/api/request_target.hpp"
#include "booking/domain/local_time.hpp"

namespace hubgate::api {

class query_fields {
 public:
  // Parameters outside `known` are reported by finish().
  query_fields(const request_target& target, std::initializer_list<std::string_view> known);

  std::optional<std::string> text(std::string_view name, bool required = false);
  std::optional<int> integer(std::string_view name, int min, int max);
  std::optional<domain::time_input> time(std::string_view name, bool required);

  void error(std::string_view name, std::string code, std::string message);
  std::vector<field_error> finish();

 private:
  const request_target& target_;
  std::vector<std::string_view> known_;
  std::vector<field_error> errors_;
};

}  // namespace hubgate::api

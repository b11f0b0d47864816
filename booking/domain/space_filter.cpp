#include <algorithm>

#include "booking/domain/ports.hpp"

namespace hubgate::domain {

bool matches(const space& s, const space_filter& filter) {
  if (filter.site_id && s.site_id != *filter.site_id) return false;
  if (filter.kind && s.kind != *filter.kind) return false;
  if (filter.min_capacity && s.capacity < *filter.min_capacity) return false;
  if (!filter.include_inactive && !s.active) return false;
  return std::all_of(filter.features.begin(), filter.features.end(), [&](const auto& f) {
    return std::find(s.features.begin(), s.features.end(), f) != s.features.end();
  });
}

}  // namespace hubgate::domain

#include "booking/access/hub_access.hpp"

#include <algorithm>

#include "booking/access/hub_index.hpp"
#include "booking/access/pseudonym_maker.hpp"

namespace hubgate::access {

domain::booking_filter bookings_that_open_doors(const derivation_options& opt,
                                                std::chrono::sys_seconds now) {
  domain::booking_filter f;
  f.from = now - opt.late_grace;
  f.to = now + opt.horizon + opt.horizon_step + opt.early_grace;
  f.statuses = {domain::booking_status::confirmed, domain::booking_status::checked_in};
  f.limit = 10'000'000;
  return f;
}

bool any_door_on_a_controller(const std::vector<domain::door>& doors) {
  return std::any_of(doors.begin(), doors.end(),
                     [](const domain::door& d) { return d.controller_id.has_value(); });
}

result<hub_access> derive_hub_access(const hub_state& state, const derivation_options& opt,
                                     std::chrono::sys_seconds now) {
  auto lists = derive_access_lists(state, opt, now);
  if (!lists) return lists.error();
  hub_access out{std::move(*lists), {}};
  for (const auto& [site_id, key] : state.list_keys) {
    pseudonym_maker make(key);
    auto& index = out.cards[site_id];
    for (const auto& c : state.credentials)
      if (auto bytes = card_bytes(c.card_id)) index.emplace(make(*bytes), c);
  }
  return out;
}

}  // namespace hubgate::access

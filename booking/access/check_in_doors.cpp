#include "booking/access/check_in_doors.hpp"

#include <algorithm>

namespace hubgate::access {

std::vector<std::string> check_in_doors(const domain::space& space,
                                        const std::vector<domain::door>& doors) {
  std::vector<std::string> own;
  for (const auto& d : doors) {
    if (d.is_entrance) continue;
    if (std::find(d.space_ids.begin(), d.space_ids.end(), space.id) != d.space_ids.end())
      own.push_back(d.id);
  }
  if (!own.empty()) return own;
  std::vector<std::string> entrances;
  for (const auto& d : doors)
    if (d.is_entrance && d.site_id == space.site_id) entrances.push_back(d.id);
  return entrances;
}

}  // namespace hubgate::access

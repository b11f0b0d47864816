#include "booking/store/occupancy_index.hpp"

#include <algorithm>
#include <mutex>

namespace hubgate::store {
namespace {

std::int64_t unix_seconds(domain::sys_seconds t) {
  return t.time_since_epoch().count();
}
domain::sys_seconds from_seconds(std::int64_t s) {
  return domain::sys_seconds(std::chrono::seconds(s));
}

}  // namespace

void occupancy_index::apply(const domain::booking& b) {
  std::unique_lock lock(mutex_);
  remove_locked(b);
  add_locked(b);
}

void occupancy_index::replace(const domain::booking& before, const domain::booking& after) {
  std::unique_lock lock(mutex_);
  remove_locked(before);
  add_locked(after);
}

void occupancy_index::remove_locked(const domain::booking& b) {
  auto found = by_space_.find(b.space_id);
  if (found == by_space_.end()) return;
  auto& list = found->second;
  const std::int64_t start = unix_seconds(b.start);
  // An earlier state of the booking sits among the equal starts.
  const auto [first, last] = std::equal_range(list.starts.begin(), list.starts.end(), start);
  const auto from = list.rest.begin() + (first - list.starts.begin());
  const auto to = list.rest.begin() + (last - list.starts.begin());
  if (auto same = std::find_if(from, to, [&](const slot& s) { return s.id == b.id; }); same != to) {
    list.starts.erase(list.starts.begin() + (same - list.rest.begin()));
    list.rest.erase(same);
    --size_;
  }
}

void occupancy_index::add_locked(const domain::booking& b) {
  if (!b.active()) return;
  auto& list = by_space_[b.space_id];
  const std::int64_t start = unix_seconds(b.start), end = unix_seconds(b.end);
  longest_ = std::max(longest_, end - start);
  auto at = std::upper_bound(list.starts.begin(), list.starts.end(), start);
  list.rest.insert(list.rest.begin() + (at - list.starts.begin()),
                   slot{end, b.seats, b.status, b.id});
  list.starts.insert(at, start);
  ++size_;
}

domain::slot_batch occupancy_index::collect(std::span<const domain::space_window> spaces) const {
  domain::slot_batch out;
  out.ends.reserve(spaces.size());
  std::shared_lock lock(mutex_);
  for (const auto& w : spaces) {
    auto it = by_space_.find(w.space_id);
    if (it == by_space_.end()) {
      out.ends.push_back(out.slots.size());
      continue;
    }
    const auto& starts = it->second.starts;
    const std::int64_t from = unix_seconds(w.window.from), to = unix_seconds(w.window.to);
    for (auto s = std::lower_bound(starts.begin(), starts.end(), from - longest_);
         s != starts.end() && *s < to; ++s) {
      const slot& x = it->second.rest[static_cast<std::size_t>(s - starts.begin())];
      if (x.end <= from) continue;
      domain::booking& b = out.slots.emplace_back();
      b.start = from_seconds(*s);
      b.end = from_seconds(x.end);
      b.seats = x.seats;
      b.status = x.status;
    }
    out.ends.push_back(out.slots.size());
  }
  return out;
}

std::size_t occupancy_index::size() const {
  std::shared_lock lock(mutex_);
  return size_;
}

}  // namespace hubgate::store

// In-memory repositories for testing the services' logic. Admission runs the same domain
// checks the real store runs in its transaction.
#pragma once
#include <algorithm>
#include <map>
#include <string>

#include "booking/domain/capacity.hpp"
#include "booking/domain/local_time.hpp"
#include "booking/domain/ports.hpp"
#include "booking/domain/rules.hpp"

namespace hubgate::domain::testing {

template <class T>
outcome<T> find_in(const std::map<std::string, T, std::less<>>& m, std::string_view id) {
  auto it = m.find(id);
  if (it == m.end()) return failure(errc::not_found);
  return it->second;
}

class fake_catalog final : public catalog_repository {
 public:
  std::map<std::string, site, std::less<>> sites;
  std::map<std::string, space, std::less<>> spaces;
  std::map<std::string, group, std::less<>> groups;
  std::map<std::string, door, std::less<>> doors;
  std::map<std::string, booking, std::less<>>* bookings = nullptr;
  int next = 1;

  outcome<std::vector<site>> list_sites() override { return values(sites); }
  outcome<site> get_site(std::string_view id) override { return find_in(sites, id); }
  outcome<site> insert_site(site s) override { return put(sites, std::move(s)); }
  outcome<site> update_site(site s) override { return replace(sites, std::move(s)); }
  outcome<std::vector<space>> list_spaces(const space_filter& f) override {
    std::vector<space> out;
    for (const auto& [id, s] : spaces)
      if ((!f.site_id || s.site_id == *f.site_id) && (!f.kind || s.kind == *f.kind) &&
          (!f.min_capacity || s.capacity >= *f.min_capacity) && (f.include_inactive || s.active))
        out.push_back(s);
    return out;
  }
  outcome<space> get_space(std::string_view id) override { return find_in(spaces, id); }
  outcome<space> insert_space(space s) override { return put(spaces, std::move(s)); }
  outcome<space> update_space(space s, sys_seconds now) override {
    std::vector<booking> mine;
    if (bookings)
      for (const auto& [id, b] : *bookings)
        if (b.space_id == s.id) mine.push_back(b);
    if (auto r = check_capacity_cut(s, mine, now); !r) return r.error();
    return replace(spaces, std::move(s));
  }
  outcome<std::vector<group>> list_groups() override { return values(groups); }
  outcome<group> get_group(std::string_view id) override { return find_in(groups, id); }
  outcome<group> insert_group(group g) override { return put(groups, std::move(g)); }
  outcome<group> update_group(group g) override { return replace(groups, std::move(g)); }
  outcome<void> delete_group(std::string_view id) override { return erase(groups, id); }
  outcome<std::vector<door>> list_doors(std::optional<std::string>) override {
    return values(doors);
  }
  outcome<door> get_door(std::string_view id) override { return find_in(doors, id); }
  outcome<door> insert_door(door d) override { return put(doors, std::move(d)); }
  outcome<door> update_door(door d) override { return replace(doors, std::move(d)); }
  outcome<void> delete_door(std::string_view id) override { return erase(doors, id); }

 private:
  template <class T>
  static outcome<std::vector<T>> values(const std::map<std::string, T, std::less<>>& m) {
    std::vector<T> out;
    out.reserve(m.size());
    for (const auto& [id, v] : m) out.push_back(v);
    return out;
  }
  template <class T>
  outcome<T> put(std::map<std::string, T, std::less<>>& m, T v) {
    if (v.id.empty()) v.id = "id" + std::to_string(next++);
    m[v.id] = v;
    return v;
  }
  template <class T>
  static outcome<T> replace(std::map<std::string, T, std::less<>>& m, T v) {
    auto it = m.find(v.id);
    if (it == m.end()) return failure(errc::not_found);
    it->second = v;
    return v;
  }
  template <class T>
  static outcome<void> erase(std::map<std::string, T, std::less<>>& m, std::string_view id) {
    auto it = m.find(id);
    if (it == m.end()) return failure(errc::not_found);
    m.erase(it);
    return {};
  }
};

class fake_bookings final : public booking_repository {
 public:
  explicit fake_bookings(fake_catalog& catalog) : catalog_(catalog) { catalog_.bookings = &rows; }
  std::map<std::string, booking, std::less<>> rows;
  int next = 1;

  outcome<booking> insert_booking(booking b, const std::optional<quota_check>& quota) override {
    auto s = catalog_.get_space(b.space_id);
    if (!s) return s.error();
    std::vector<booking> all;
    for (const auto& [id, r] : rows) all.push_back(r);
    if (auto r = check_capacity(*s, all, b); !r) return r.error();
    if (quota) {
      auto zone = *find_zone(quota->time_zone);
      if (auto r = check_quota(zone, quota->per_week, all, b); !r) return r.error();
    }
    b.id = "bk" + std::to_string(next++);
    rows[b.id] = b;
    return b;
  }
  outcome<booking> get_booking(std::string_view id) override { return find_in(rows, id); }
  outcome<std::vector<booking>> list_bookings(const booking_filter& f) override {
    std::vector<booking> out;
    for (const auto& [id, b] : rows) {
      if (f.user_id && b.user_id != *f.user_id) continue;
      if (f.space_id && b.space_id != *f.space_id) continue;
      if (f.from && b.end <= *f.from) continue;
      if (f.to && b.start >= *f.to) continue;
      if (!f.statuses.empty() &&
          std::find(f.statuses.begin(), f.statuses.end(), b.status) == f.statuses.end())
        continue;
      out.push_back(b);
    }
    std::sort(out.begin(), out.end(),
              [](const booking& a, const booking& b) { return a.start < b.start; });
    return out;
  }
  outcome<booking> set_status(std::string_view id, booking_status from, booking_status to,
                              std::optional<sys_seconds> at) override {
    auto it = rows.find(id);
    if (it == rows.end()) return failure(errc::not_found);
    if (it->second.status != from) return failure(errc::invalid_transition);
    it->second.status = to;
    if (at) it->second.checked_in_at = at;
    return it->second;
  }
  void revise_booking_then(std::string_view id,
                           std::function<outcome<booking_admission>(const booking&)> revise,
                           std::function<void(outcome<booking>)> done) override {
    auto it = rows.find(id);
    if (it == rows.end()) return done(failure(errc::not_found));
    auto r = revise(it->second);
    if (!r) return done(r.error());
    auto s = catalog_.get_space(r->candidate.space_id);
    if (!s) return done(s.error());
    std::vector<booking> all;
    for (const auto& [key, b] : rows) all.push_back(b);
    if (auto c = check_capacity(*s, all, r->candidate); !c) return done(c.error());
    if (r->quota) {
      auto zone = *find_zone(r->quota->time_zone);
      if (auto q = check_quota(zone, r->quota->per_week, all, r->candidate); !q)
        return done(q.error());
    }
    it->second = r->candidate;
    done(it->second);
  }

 private:
  fake_catalog& catalog_;
};

class fake_users final : public user_repository {
 public:
  std::map<std::string, user, std::less<>> rows;
  std::map<std::string, credential, std::less<>> cards;

  outcome<std::vector<user>> list_users() override {
    std::vector<user> out;
    for (const auto& [id, u] : rows) out.push_back(u);
    return out;
  }
  outcome<user> get_user(std::string_view id) override { return find_in(rows, id); }
  outcome<user> find_user_by_email(std::string_view email) override {
    for (const auto& [id, u] : rows)
      if (u.email == email) return u;
    return failure(errc::not_found);
  }
  outcome<std::size_t> count_users() override { return rows.size(); }
  outcome<user> insert_user(user u, std::string) override {
    if (find_user_by_email(u.email)) return failure(errc::email_taken);
    if (u.id.empty()) u.id = "u" + std::to_string(rows.size() + 1);
    rows[u.id] = u;
    return u;
  }
  outcome<user> update_user(user u) override {
    rows[u.id] = u;
    return u;
  }
  outcome<std::vector<credential>> list_credentials(std::string_view uid) override {
    std::vector<credential> out;
    for (const auto& [id, c] : cards)
      if (c.user_id == uid) out.push_back(c);
    return out;
  }
  outcome<credential> get_credential(std::string_view id) override { return find_in(cards, id); }
  outcome<credential> find_credential_by_card(std::string_view card) override {
    for (const auto& [id, c] : cards)
      if (c.card_id == card) return c;
    return failure(errc::not_found);
  }
  outcome<credential> insert_credential(credential c) override {
    if (find_credential_by_card(c.card_id)) return failure(errc::card_taken);
    if (c.id.empty()) c.id = "c" + std::to_string(cards.size() + 1);
    cards[c.id] = c;
    return c;
  }
  outcome<credential> update_credential(credential c) override {
    cards[c.id] = c;
    return c;
  }
};

}  // namespace hubgate::domain::testing

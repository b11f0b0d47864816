#include "booking/api/router.hpp"

#include <algorithm>

namespace hubgate::api {
namespace {

// "{name}", or "{name}.ext" for a parameter followed by a literal suffix in one segment.
bool is_param(const std::string& part) {
  return part.size() >= 2 && part.front() == '{' && part.find('}') != std::string::npos;
}

std::string_view param_suffix(const std::string& part) {
  return std::string_view(part).substr(part.find('}') + 1);
}

bool param_matches(const std::string& part, const std::string& segment) {
  auto suffix = param_suffix(part);
  return segment.size() > suffix.size() && std::string_view(segment).ends_with(suffix);
}

std::vector<std::string> split(std::string_view pattern) {
  std::vector<std::string> parts;
  std::size_t pos = 0;
  while (pos < pattern.size()) {
    if (pattern[pos] == '/') {
      ++pos;
      continue;
    }
    auto next = pattern.find('/', pos);
    if (next == std::string_view::npos) next = pattern.size();
    parts.emplace_back(pattern.substr(pos, next - pos));
    pos = next;
  }
  return parts;
}

}  // namespace

std::string_view to_string(privilege p) {
  switch (p) {
    case privilege::anonymous:
      return "public";
    case privilege::authenticated:
      return "authenticated";
    case privilege::admin:
      return "admin";
  }
  return "admin";
}

router::router(std::vector<route> routes) : routes_(std::move(routes)) {
  compiled_.reserve(routes_.size());
  for (const auto& r : routes_) compiled_.push_back({split(r.pattern)});
}

bool router::matches(const compiled& c, const std::vector<std::string>& segments) {
  if (c.parts.size() != segments.size()) return false;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (is_param(c.parts[i])) {
      if (!param_matches(c.parts[i], segments[i])) return false;
    } else if (c.parts[i] != segments[i]) {
      return false;
    }
  }
  return true;
}

int router::compare_specificity(const compiled& a, const compiled& b) {
  for (std::size_t i = 0; i < a.parts.size() && i < b.parts.size(); ++i) {
    bool pa = is_param(a.parts[i]), pb = is_param(b.parts[i]);
    if (pa != pb) return pa ? 1 : -1;
  }
  return 0;
}

route_lookup router::find(std::string_view method, const std::vector<std::string>& segments) const {
  const std::string_view wanted = method == "HEAD" ? std::string_view("GET") : method;
  const compiled* best = nullptr;
  for (const auto& c : compiled_)
    if (matches(c, segments) && (!best || compare_specificity(c, *best) < 0)) best = &c;
  if (!best) return route_not_found{};

  route_method_not_allowed not_allowed;
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    if (compiled_[i].parts != best->parts) continue;
    if (routes_[i].method == wanted) {
      route_match m;
      m.matched = &routes_[i];
      for (std::size_t s = 0; s < segments.size(); ++s) {
        const auto& part = compiled_[i].parts[s];
        if (!is_param(part)) continue;
        const auto suffix = param_suffix(part).size();
        m.params.emplace_back(part.substr(1, part.find('}') - 1),
                              segments[s].substr(0, segments[s].size() - suffix));
      }
      return m;
    }
    not_allowed.allowed.emplace_back(routes_[i].method);
    if (routes_[i].method == "GET") not_allowed.allowed.emplace_back("HEAD");
  }
  std::sort(not_allowed.allowed.begin(), not_allowed.allowed.end());
  not_allowed.allowed.erase(std::unique(not_allowed.allowed.begin(), not_allowed.allowed.end()),
                            not_allowed.allowed.end());
  return not_allowed;
}

}  // namespace hubgate::api

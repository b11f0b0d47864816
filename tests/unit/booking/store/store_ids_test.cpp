// Record ids: prefix, creation time first (so B-tree inserts stay local), random rest.
#include "booking/store/store_ids.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <set>
#include <string>

namespace hubgate::store {
namespace {

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

TEST(store_ids, an_id_is_its_prefix_then_its_creation_millisecond_then_random_hex) {
  const auto before = now_ms();
  const auto id = new_id("bk");
  const auto after = now_ms();
  ASSERT_EQ(id.size(), 3u + 24u);
  EXPECT_EQ(id.substr(0, 3), "bk_");
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef", 3), std::string::npos);
  const auto created = static_cast<std::int64_t>(std::stoull(id.substr(3, 12), nullptr, 16));
  EXPECT_GE(created, before);
  EXPECT_LE(created, after);
}

TEST(store_ids, ids_sort_by_creation_and_never_repeat) {
  std::set<std::string> seen;
  std::string previous;
  for (int i = 0; i < 10000; ++i) {
    auto id = new_id("x");
    EXPECT_GE(id.substr(0, 14), previous.substr(0, std::min<std::size_t>(14, previous.size())));
    EXPECT_TRUE(seen.insert(id).second) << id;
    previous = std::move(id);
  }
}

}  // namespace
}  // namespace hubgate::store

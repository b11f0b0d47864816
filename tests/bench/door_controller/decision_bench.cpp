// Door decision latency on a 100,000-entry access list with random lookups: prints p50, p99
// and max per decision in microseconds (target: p99 well under 50 us), plus the index build.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

#include "door_controller/decision/decide.hpp"

namespace {

using namespace hubgate;
using clock_type = std::chrono::steady_clock;

constexpr std::size_t entry_count = 100'000;
constexpr std::size_t lookups = 1'000'000;
constexpr std::int64_t now = 1'800'000'000;
const char* const doors[] = {"entrance", "lab", "training-1", "training-2", "event"};

protocol::pseudonym random_card(std::mt19937_64& rng) {
  protocol::pseudonym p;
  for (auto& b : p) b = static_cast<std::uint8_t>(rng());
  return p;
}

double micros(clock_type::duration d) {
  return std::chrono::duration<double, std::micro>(d).count();
}

}  // namespace

int main() {
  std::mt19937_64 rng(42);
  protocol::access_list list;
  list.entries.reserve(entry_count);
  std::vector<protocol::pseudonym> cards;
  cards.reserve(entry_count / 2);
  // Two entries per card on average: a booking at one door and a standing grant at another,
  // each with 14 days of daily windows.
  while (list.entries.size() < entry_count) {
    const auto card = random_card(rng);
    cards.push_back(card);
    for (int k = 0; k < 2 && list.entries.size() < entry_count; ++k) {
      protocol::access_entry e{
          card,
          doors[(rng() % 5)],
          k == 0 ? protocol::grant_source::booking : protocol::grant_source::standing,
          {}};
      if (k == 1 && e.door_id == list.entries.back().door_id) e.door_id = "showroom";
      for (int day = 0; day < 14; ++day) {
        const std::int64_t start =
            now - 7 * 86400 + day * 86400 + static_cast<std::int64_t>(rng() % 36000);
        e.windows.push_back({start, start + 3600 + static_cast<std::int64_t>(rng() % 14400)});
      }
      list.entries.push_back(std::move(e));
    }
  }
  for (int i = 0; i < 1000; ++i) list.revoked.push_back(cards[rng() % cards.size()]);

  const auto build_start = clock_type::now();
  const door::access_index index(list);
  const double build_ms = micros(clock_type::now() - build_start) / 1000.0;

  // 90% known cards, 10% strangers; random doors and times around now.
  struct query {
    protocol::pseudonym card;
    const char* door;
    std::int64_t at;
  };
  std::vector<query> queries(lookups);
  for (auto& q : queries) {
    q.card = rng() % 10 == 0 ? random_card(rng) : cards[rng() % cards.size()];
    q.door = doors[rng() % 5];
    q.at = now + static_cast<std::int64_t>(rng() % (2 * 86400)) - 86400;
  }
  const door::list_freshness freshness{now - 60, 86400, door::staleness_policy::standing_only};

  std::vector<double> samples(lookups);
  std::size_t granted = 0;
  for (std::size_t i = 0; i < lookups; ++i) {
    const auto t0 = clock_type::now();
    const auto v = door::decide(index, queries[i].card, queries[i].door, queries[i].at, freshness);
    const auto t1 = clock_type::now();
    granted += v.granted ? 1 : 0;
    samples[i] = micros(t1 - t0);
  }
  std::sort(samples.begin(), samples.end());
  auto pct = [&](double p) { return samples[static_cast<std::size_t>(p * (lookups - 1))]; };
  std::printf("door decision, %zu entries (%zu cards), %zu random lookups (%zu granted)\n",
              list.entries.size(), index.card_count(), lookups, granted);
  std::printf("index build: %.1f ms\n", build_ms);
  std::printf(
      "decide: p50 %.3f us  p99 %.3f us  p99.9 %.3f us  max %.3f us  (target p99 < 50 us)\n",
      pct(0.50), pct(0.99), pct(0.999), samples.back());
  return pct(0.99) < 50.0 ? 0 : 1;
}

// Durable booking inserts per second at 64 concurrent writers over 500 spaces with 200,000
// existing bookings: through the store (group commit, savepoint per op, domain capacity
// check), then the raw-SQLite baseline with the same pragmas and group size.
//   bench_booking_store_write [inserts [repeats]]   (data in a fresh directory under $TMPDIR)
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <thread>
#include <vector>

#include "bench_seed.hpp"
#include "booking/store/database.hpp"
#include "raw_sqlite_writer.hpp"

namespace hubgate::bench {
namespace {

using namespace std::chrono;

struct run_result {
  int inserted = 0;
  int refused = 0;
  double seconds = 0;
  double per_second() const { return inserted / seconds; }
};

// Runs `insert(k)` for k in [0, shape.inserts) on shape.writers threads.
run_result drive(const bench_shape& shape, const std::function<bool(int)>& insert) {
  std::atomic<int> next{0}, inserted{0}, refused{0};
  auto t0 = steady_clock::now();
  std::vector<std::thread> threads;
  for (int w = 0; w < shape.writers; ++w)
    threads.emplace_back([&] {
      for (int k; (k = next++) < shape.inserts;) (insert(k) ? inserted : refused)++;
    });
  for (auto& t : threads) t.join();
  return {inserted.load(), refused.load(), duration<double>(steady_clock::now() - t0).count()};
}

domain::booking planned(const bench_shape& shape, int k) {
  domain::booking b;
  b.space_id = space_id(planned_space(shape, k));
  b.user_id = user_id(k % shape.users);
  b.start = planned_start(shape, k);
  b.end = b.start + hours{1};
  b.title = "bench";
  b.created_at = b.start - days{1};
  return b;
}

void report(const char* name, const run_result& r, std::size_t commits) {
  std::printf(
      "%-12s %6d durable bookings in %6.2f s = %8.0f bookings/s  (%d refused, %zu commits, "
      "%.1f per commit)\n",
      name, r.inserted, r.seconds, r.per_second(), r.refused, commits,
      commits ? double(r.inserted + r.refused) / double(commits) : 0.0);
}

double median_rate(std::vector<run_result> runs) {
  std::sort(runs.begin(), runs.end(), [](const run_result& a, const run_result& b) {
    return a.per_second() < b.per_second();
  });
  return runs[runs.size() / 2].per_second();
}

int run(int argc, char** argv) {
  bench_shape shape;
  if (argc > 1) shape.inserts = std::max(1, std::atoi(argv[1]));
  int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  auto root =
      std::filesystem::temp_directory_path() / fmt::format("hubgate-bench-store-{}", ::getpid());
  std::filesystem::remove_all(root);
  auto template_dir = root / "template";
  std::printf("seeding %d spaces, %d users, %d existing bookings ...\n", shape.spaces, shape.users,
              shape.existing);
  if (!seed(template_dir, shape)) return 1;
  auto fresh = [&](const std::string& name) {
    auto dir = root / name;
    std::filesystem::create_directories(dir);
    std::filesystem::copy_file(template_dir / "hubgate.db", dir / "hubgate.db");
    return dir;
  };

  std::vector<run_result> store_runs, raw_runs;
  std::size_t store_commits = 0, raw_commits = 0;
  // Alternate the two so that a noisy neighbour on the disk hurts both alike.
  for (int round = 0; round < repeats; ++round) {
    auto dir = fresh(fmt::format("store{}", round));
    {
      store::sqlite_options options;
      options.max_batch = static_cast<std::size_t>(shape.group);
      auto db = store::open_sqlite(dir, options);
      if (!db) {
        std::fprintf(stderr, "open: %s\n", db.error().message().c_str());
        return 1;
      }
      auto& bookings = (*db)->bookings();
      auto before = (*db)->writer_stats().commits;
      store_runs.push_back(drive(shape, [&](int k) {
        return bookings.insert_booking(planned(shape, k), std::nullopt).has_value();
      }));
      store_commits = (*db)->writer_stats().commits - before;
    }
    report("store", store_runs.back(), store_commits);
    {
      raw_sqlite_writer raw(fresh(fmt::format("raw{}", round)) / "hubgate.db", shape.group);
      if (!raw.ok()) return 1;
      raw_runs.push_back(drive(shape, [&](int k) {
        auto b = planned(shape, k);
        return raw.insert({fmt::format("raw{:07}", k), b.space_id, b.user_id,
                           b.start.time_since_epoch().count(), b.end.time_since_epoch().count(),
                           1});
      }));
      raw_commits = raw.commits();
    }
    report("raw sqlite", raw_runs.back(), raw_commits);
  }
  auto store_median = median_rate(store_runs);
  auto raw_median = median_rate(raw_runs);
  std::printf(
      "%d writers, %d spaces, %d existing bookings, group of at most %d, "
      "synchronous=FULL, median of %d runs:\n",
      shape.writers, shape.spaces, shape.existing, shape.group, repeats);
  std::printf("store      %8.0f durable bookings/s\n", store_median);
  std::printf("raw sqlite %8.0f durable bookings/s\n", raw_median);
  std::printf("store / raw = %.0f%%\n", 100.0 * store_median / raw_median);
  bool refused = false;
  for (const auto& r : store_runs) refused |= r.refused != 0;
  for (const auto& r : raw_runs) refused |= r.refused != 0;
  std::filesystem::remove_all(root);
  return refused ? 1 : 0;
}

}  // namespace
}  // namespace hubgate::bench

int main(int argc, char** argv) {
  return hubgate::bench::run(argc, argv);
}

// The benchmark's hub: 500 spaces, 64 users and 200,000 existing bookings written straight
// into a fresh store's database file, and the plan of bookings the writers will insert.
#pragma once
#include <chrono>
#include <filesystem>
#include <string>

namespace hubgate::bench {

struct bench_shape {
  int spaces = 500;
  int users = 64;
  int existing = 200000;
  int writers = 64;
  int inserts = 20000;  // measured inserts per run
  int group = 64;       // most operations per commit
};

// Creates DATA_DIR/hubgate.db through store::open_sqlite (so the schema is the store's) and
// fills it; returns false with a message on stderr on failure.
bool seed(const std::filesystem::path& data_dir, const bench_shape& shape);

// The k-th measured booking: space index and UTC start (one hour long). Existing bookings
// take the odd hours, measured ones the even hours, so each insert's overlap query sees real
// neighbours and none of them conflict.
int planned_space(const bench_shape& shape, int k);
std::chrono::sys_seconds planned_start(const bench_shape& shape, int k);
std::string space_id(int index);
std::string user_id(int index);

}  // namespace hubgate::bench

// API throughput benchmark: seeds 500 spaces and 200,000 bookings through the store library,
// starts the hubgate-booking binary, and drives it over 64 keep-alive TLS connections with
// randomised availability queries and booking requests. Prints q/s, bookings/s and p99.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <sys/wait.h>

#include "booking/api/password_hash.hpp"
#include "booking/domain/local_time.hpp"
#include "booking/net/https_client.hpp"
#include "booking/store/database.hpp"
#include "hubgate/test/child_process.hpp"
#include "hubgate/test/net_util.hpp"
#include "hubgate/test/temp_dir.hpp"

namespace {

using namespace hubgate;
using namespace std::chrono;

struct seeded {
  std::vector<std::string> room_ids, pool_ids, tokens;
};

sys_seconds day_start(int days_ahead) {
  return floor<days>(system_clock::now()) + days{days_ahead};
}

std::string fmt_time(sys_seconds t) { return domain::format_rfc3339_utc(t); }

seeded seed(const std::filesystem::path& dir, int spaces, int bookings, int members) {
  store::sqlite_options options;
  options.durable = false;  // seeding only; the service reopens it durable
  auto db = store::open_sqlite(dir, options);
  if (!db) throw std::runtime_error("open_sqlite: " + db.error().message());
  auto& catalog = (*db)->catalog();
  seeded out;
  domain::site site;
  site.name = "Bench site";
  site.opening_hours = domain::weekly_hours::always_open();
  auto s = catalog.insert_site(site);
  if (!s) throw std::runtime_error("insert_site");
  for (int i = 0; i < spaces; ++i) {
    domain::space sp;
    sp.site_id = s->id;
    sp.name = fmt::format("Space {}", i);
    const bool pool = i % 5 == 0;
    sp.kind = pool ? domain::space_kind::desk : domain::space_kind::room;
    sp.mode = pool ? domain::booking_mode::shared : domain::booking_mode::exclusive;
    sp.capacity = pool ? 20 : 8;
    sp.rules.max_days_ahead = 365;
    auto stored = catalog.insert_space(sp);
    if (!stored) throw std::runtime_error("insert_space");
    (pool ? out.pool_ids : out.room_ids).push_back(stored->id);
  }
  std::vector<std::string> user_ids;
  for (int i = 0; i < members; ++i) {
    domain::user u;
    u.email = fmt::format("bench{}@hub.example", i);
    u.display_name = u.email;
    auto stored = (*db)->users().insert_user(u, "$scrypt$ln=15,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    if (!stored) throw std::runtime_error("insert_user");
    user_ids.push_back(stored->id);
    domain::api_token_record t;
    t.name = "bench";
    t.user_id = stored->id;
    t.created_at = floor<seconds>(system_clock::now());
    std::string token = fmt::format("bench-token-{:06}-{}", i, std::random_device{}());
    if (!(*db)->auth().insert_api_token(token, t)) throw std::runtime_error("insert_api_token");
    out.tokens.push_back(token);
  }
  // Existing bookings on days 1..60, 8:00-20:00 in two-hour slots, so queries see busy spaces.
  std::vector<std::string> all_spaces = out.room_ids;
  all_spaces.insert(all_spaces.end(), out.pool_ids.begin(), out.pool_ids.end());
  std::atomic<int> next{0}, failed{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < 16; ++w)
    threads.emplace_back([&] {
      for (int i = next++; i < bookings; i = next++) {
        const int space = i % static_cast<int>(all_spaces.size());
        const int slot = i / static_cast<int>(all_spaces.size());  // 0..399
        domain::booking b;
        b.space_id = all_spaces[space];
        b.user_id = user_ids[i % user_ids.size()];
        b.start = day_start(1 + slot / 6) + hours{8 + (slot % 6) * 2};
        b.end = b.start + hours{2};
        b.seats = 1 + i % 3;
        b.title = "seed";
        b.created_at = floor<seconds>(system_clock::now());
        if (!(*db)->bookings().insert_booking(b, std::nullopt)) ++failed;
      }
    });
  for (auto& t : threads) t.join();
  if (failed) fmt::print("seeding: {} bookings refused\n", failed.load());
  return out;
}

struct request_spec {
  bool booking;
  std::string method, target, body;
  int token;
};

std::vector<request_spec> make_requests(const seeded& s, int count, double booking_share) {
  std::mt19937 rng(42);
  std::vector<request_spec> out;
  std::uniform_real_distribution<double> coin(0, 1);
  for (int i = 0; i < count; ++i) {
    request_spec r;
    r.token = static_cast<int>(rng() % s.tokens.size());
    const int day = 1 + static_cast<int>(rng() % 60);
    const int hour = 8 + static_cast<int>(rng() % 10);
    if (coin(rng) < booking_share) {
      // Future days beyond the seeded ones, so most requests fit; collisions answer 409.
      const auto start = day_start(61 + static_cast<int>(rng() % 200)) + hours{hour} + minutes{15 * (rng() % 4)};
      const bool pool = rng() % 2 == 0;
      const auto& ids = pool ? s.pool_ids : s.room_ids;
      r.booking = true;
      r.method = "POST";
      r.target = "/api/v1/bookings";
      r.body = fmt::format(R"({{"space_id":"{}","start":"{}","end":"{}","seats":1,"title":"load"}})",
                           ids[rng() % ids.size()], fmt_time(start), fmt_time(start + minutes{30}));
    } else {
      r.booking = false;
      r.method = "GET";
      const auto from = day_start(day) + hours{hour};
      if (rng() % 2 == 0) {
        const auto& ids = rng() % 2 ? s.pool_ids : s.room_ids;
        r.target = fmt::format("/api/v1/spaces/{}/availability?from={}&to={}", ids[rng() % ids.size()],
                               fmt_time(from), fmt_time(from + hours{4}));
      } else {
        r.target = fmt::format("/api/v1/availability?kind={}&seats={}&from={}&to={}",
                               rng() % 2 ? "room" : "desk", 1 + rng() % 4, fmt_time(from),
                               fmt_time(from + hours{1}));
      }
    }
    out.push_back(std::move(r));
  }
  return out;
}

struct phase_result {
  double per_second = 0, p50_ms = 0, p99_ms = 0;
  long ok = 0, other = 0, errors = 0;
};

// Drives `requests` over `connections` keep-alive clients for `duration`.
phase_result drive(int port, const std::string& ca, const seeded& s,
                   const std::vector<request_spec>& requests, int connections, seconds duration) {
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::vector<double> latencies;
  std::atomic<long> ok{0}, other{0}, errors{0};
  std::vector<std::thread> threads;
  const auto started = steady_clock::now();
  for (int c = 0; c < connections; ++c)
    threads.emplace_back([&, c] {
      net::https_client_options o;
      o.port = static_cast<std::uint16_t>(port);
      o.ca_file = ca;
      net::https_client client(o);
      std::vector<double> mine;
      for (std::size_t i = c; !stop.load(std::memory_order_relaxed); i += connections) {
        const auto& r = requests[i % requests.size()];
        net::https_client::header_list h = {{"authorization", "Bearer " + s.tokens[r.token]}};
        if (!r.body.empty()) h.emplace_back("content-type", "application/json");
        const auto t0 = steady_clock::now();
        auto resp = client.try_request(r.method, r.target, h, r.body);
        const auto t1 = steady_clock::now();
        if (!resp) { ++errors; continue; }
        mine.push_back(duration<double, std::milli>(t1 - t0).count());
        if (resp->status == 200 || resp->status == 201) ++ok; else ++other;
      }
      std::lock_guard lock(mutex);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
    });
  std::this_thread::sleep_for(duration);  // the measurement window, not synchronisation
  stop = true;
  for (auto& t : threads) t.join();
  const double elapsed = duration_cast<duration<double>>(steady_clock::now() - started).count();
  phase_result out;
  out.ok = ok;
  out.other = other;
  out.errors = errors;
  out.per_second = static_cast<double>(ok) / elapsed;
  std::sort(latencies.begin(), latencies.end());
  if (!latencies.empty()) {
    out.p50_ms = latencies[latencies.size() / 2];
    out.p99_ms = latencies[std::min(latencies.size() - 1, latencies.size() * 99 / 100)];
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int spaces = 500, bookings = 200000, connections = 64, seconds_per_phase = 10;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view a = argv[i];
    int v = std::atoi(argv[i + 1]);
    if (a == "--spaces") spaces = v;
    else if (a == "--bookings") bookings = v;
    else if (a == "--connections") connections = v;
    else if (a == "--seconds") seconds_per_phase = v;
  }
  hubgate::test::temp_dir dir("hubgate-api-bench");
  const auto data = dir.path() / "data";
  const auto t0 = steady_clock::now();
  auto s = seed(data, spaces, bookings, 1000);
  fmt::print("seeded {} spaces and {} bookings in {:.1f} s\n", spaces, bookings,
             duration<double>(steady_clock::now() - t0).count());

  const int port = hubgate::test::free_port();
  hubgate::test::child_process service(
      {HUBGATE_BOOKING_BIN, "serve", "--data-dir", data.string(), "--listen",
       fmt::format("127.0.0.1:{}", port), "--log-level", "warn"},
      (dir.path() / "service.log").string());
  if (!hubgate::test::wait_until([&] { return hubgate::test::port_open(port); }, seconds(60))) {
    fmt::print(stderr, "service did not start:\n{}\n", service.output());
    return 1;
  }
  const std::string ca = (data / "tls" / "ca.pem").string();
  auto queries = make_requests(s, 20000, 0.0);
  auto writes = make_requests(s, 200000, 1.0);
  auto q = drive(port, ca, s, queries, connections, seconds{seconds_per_phase});
  fmt::print("availability: {:.0f} q/s  p50 {:.2f} ms  p99 {:.2f} ms  ({} ok, {} other, {} transport errors)\n",
             q.per_second, q.p50_ms, q.p99_ms, q.ok, q.other, q.errors);
  auto b = drive(port, ca, s, writes, connections, seconds{seconds_per_phase});
  fmt::print("bookings:     {:.0f} durable bookings/s  p50 {:.2f} ms  p99 {:.2f} ms  ({} created, {} refused, {} transport errors)\n",
             b.per_second, b.p50_ms, b.p99_ms, b.ok, b.other, b.errors);
  service.signal(SIGTERM);
  service.wait_exit(60);
  return 0;
}

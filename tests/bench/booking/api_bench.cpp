// API throughput benchmark: seeds 500 spaces and 200,000 bookings through the store library,
// starts the hubgate-booking binary, and has hubgate-load replay randomised availability
// queries and booking requests over 64 keep-alive TLS connections. Prints q/s, bookings/s, p99.
// With --matrix (what `./dev bench` runs) it measures availability, space list, booking create
// and cancel at each of --connections-list, printing one JSON object per line, with the
// service's resident memory idle and at its peak under load.
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "api_bench_process.hpp"
#include "booking/auth/password_hash.hpp"
#include "booking/domain/local_time.hpp"
#include "booking/store/database.hpp"
#include "hubgate/test/child_process.hpp"
#include "hubgate/test/net_util.hpp"
#include "hubgate/test/temp_dir.hpp"

namespace {

using namespace hubgate;
using namespace hubgate::bench;
using namespace std::chrono;

struct seeded {
  std::vector<std::string> room_ids, pool_ids, tokens;
  std::vector<std::string> booking_ids;  // the i-th seeded booking belongs to tokens[i % size]
};

sys_seconds day_start(int days_ahead) {
  return floor<days>(system_clock::now()) + days{days_ahead};
}

std::string fmt_time(sys_seconds t) {
  return domain::format_rfc3339_utc(t);
}

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
    auto stored = (*db)->users().insert_user(
        u,
        "$scrypt$ln=15,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
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
  out.booking_ids.resize(static_cast<std::size_t>(bookings));
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
        auto stored = (*db)->bookings().insert_booking(b, std::nullopt);
        if (stored)
          out.booking_ids[static_cast<std::size_t>(i)] = stored->id;
        else
          ++failed;
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

// `search_share` of the queries are /availability searches over all spaces, the rest ask one
// space's free seats over time.
std::vector<request_spec> make_requests(const seeded& s, int count, double booking_share,
                                        double search_share = 0.5) {
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
      const auto start =
          day_start(61 + static_cast<int>(rng() % 200)) + hours{hour} + minutes{15 * (rng() % 4)};
      const bool pool = rng() % 2 == 0;
      const auto& ids = pool ? s.pool_ids : s.room_ids;
      r.booking = true;
      r.method = "POST";
      r.target = "/api/v1/bookings";
      r.body =
          fmt::format(R"({{"space_id":"{}","start":"{}","end":"{}","seats":1,"title":"load"}})",
                      ids[rng() % ids.size()], fmt_time(start), fmt_time(start + minutes{30}));
    } else {
      r.booking = false;
      r.method = "GET";
      const auto from = day_start(day) + hours{hour};
      if (coin(rng) >= search_share) {
        const auto& ids = rng() % 2 ? s.pool_ids : s.room_ids;
        r.target = fmt::format("/api/v1/spaces/{}/availability?from={}&to={}",
                               ids[rng() % ids.size()], fmt_time(from), fmt_time(from + hours{4}));
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

// Writes the requests as hubgate-load's JSON lines, each with its member's bearer token.
std::string write_requests(const std::filesystem::path& file, const seeded& s,
                           const std::vector<request_spec>& requests) {
  std::FILE* f = std::fopen(file.c_str(), "w");
  if (!f) throw std::runtime_error("cannot write " + file.string());
  for (const auto& r : requests) {
    boost::json::object line{{"method", r.method},
                             {"target", r.target},
                             {"headers", {{"authorization", "Bearer " + s.tokens[r.token]}}}};
    if (!r.body.empty()) line["body"] = r.body;
    std::fputs((boost::json::serialize(line) + "\n").c_str(), f);
  }
  std::fclose(f);
  return file.string();
}

struct phase_result {
  double duration_s = 0, ok_per_second = 0, p50_ms = 0, p99_ms = 0;
  std::uint64_t ok = 0, other = 0, errors = 0;
  boost::json::object report;  // hubgate-load's own
};

// Runs hubgate-load and reads its one-line JSON report.
phase_result run_load(int port, const std::string& ca, const std::string& requests, int connections,
                      int seconds_to_run) {
  const std::string cmd =
      fmt::format("{} --port {} --ca {} --requests {} --connections {} --duration {}",
                  HUBGATE_LOAD_BIN, port, ca, requests, connections, seconds_to_run);
  std::FILE* pipe = ::popen(cmd.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run hubgate-load");
  std::string out;
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
  ::pclose(pipe);
  boost::system::error_code ec;
  auto report = boost::json::parse(out.substr(0, out.find('\n')), ec);
  if (ec || !report.is_object()) throw std::runtime_error("hubgate-load said: " + out);
  phase_result r;
  const auto& o = report.as_object();
  r.duration_s = o.at("duration_s").to_number<double>();
  r.errors = o.at("errors").to_number<std::uint64_t>();
  r.p50_ms = o.at("latency_us").at("p50").to_number<double>() / 1000.0;
  r.p99_ms = o.at("latency_us").at("p99").to_number<double>() / 1000.0;
  for (const auto& [code, n] : o.at("status").as_object()) {
    const auto count = n.to_number<std::uint64_t>();
    if (code == "200" || code == "201")
      r.ok += count;
    else
      r.other += count;
  }
  r.ok_per_second = r.duration_s > 0 ? static_cast<double>(r.ok) / r.duration_s : 0;
  r.report = o;
  return r;
}

// Space list reads and cancellations of seeded bookings, as hubgate-load request specs.
std::vector<request_spec> space_lists(const seeded& s, int count) {
  std::vector<request_spec> out;
  for (int i = 0; i < count; ++i)
    out.push_back({false, "GET", "/api/v1/spaces", "", i % static_cast<int>(s.tokens.size())});
  return out;
}

std::vector<request_spec> cancellations(const seeded& s, std::size_t first, std::size_t count) {
  std::vector<request_spec> out;
  for (std::size_t i = first; i < std::min(first + count, s.booking_ids.size()); ++i)
    if (!s.booking_ids[i].empty())
      out.push_back({true, "POST", "/api/v1/bookings/" + s.booking_ids[i] + "/cancel", "{}",
                     static_cast<int>(i % s.tokens.size())});
  return out;
}

// Each phase at each connection count; cancellations take a fresh slice of the seeded
// bookings every time, so none is cancelled twice.
void run_matrix(const seeded& s, const std::filesystem::path& dir, int port, pid_t service,
                const std::string& ca, const std::vector<int>& connection_counts,
                int seconds_per_phase) {
  // A space's free seats over time, and searches over all spaces of a kind, apart: their costs
  // differ by an order of magnitude.
  const auto timelines =
      write_requests(dir / "timelines.jsonl", s, make_requests(s, 20000, 0.0, 0.0));
  const auto searches =
      write_requests(dir / "searches.jsonl", s, make_requests(s, 20000, 0.0, 1.0));
  const auto lists = write_requests(dir / "spaces.jsonl", s, space_lists(s, 1000));
  const auto writes = write_requests(dir / "bookings.jsonl", s, make_requests(s, 400000, 1.0));
  fmt::print("{{\"rss_idle_kb\":{}}}\n", vm_rss_kb(service));
  std::fflush(stdout);
  rss_peak peak(service);
  const std::size_t slice =
      s.booking_ids.size() / std::max<std::size_t>(1, connection_counts.size());
  for (const char* phase : {"timeline", "search", "spaces", "create", "cancel"}) {
    for (std::size_t k = 0; k < connection_counts.size(); ++k) {
      const int c = connection_counts[k];
      std::string file = phase == std::string_view("timeline") ? timelines
                         : phase == std::string_view("search") ? searches
                         : phase == std::string_view("spaces") ? lists
                         : phase == std::string_view("create") ? writes
                                                               : std::string();
      if (file.empty())
        file = write_requests(dir / fmt::format("cancel{}.jsonl", c), s,
                              cancellations(s, k * slice, slice));
      boost::json::object line{{"phase", phase}, {"connections", c}};
      try {
        const double cpu0 = cpu_us(service);
        auto result = run_load(port, ca, file, c, seconds_per_phase);
        const auto answered = std::max<double>(1, static_cast<double>(result.ok + result.other));
        line["service_cpu_us_per_request"] = (cpu_us(service) - cpu0) / answered;
        line["report"] = std::move(result.report);
      } catch (const std::exception& e) {
        line["error"] = e.what();
      }
      fmt::print("{}\n", boost::json::serialize(line));
      std::fflush(stdout);
    }
  }
  fmt::print("{{\"rss_peak_kb\":{}}}\n", peak.finish());
}

}  // namespace

int main(int argc, char** argv) {
  int spaces = 500, bookings = 200000, connections = 64, seconds_per_phase = 10;
  double search_share = 0.5;
  bool matrix = false;
  std::vector<int> connection_counts = {1, 64, 256};
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--matrix") {
      matrix = true;
      continue;
    }
    if (i + 1 >= argc) break;
    int v = std::atoi(argv[++i]);
    if (a == "--connections-list") {
      connection_counts.clear();
      for (std::string_view list = argv[i]; !list.empty();) {
        const auto comma = list.find(',');
        connection_counts.push_back(
            std::max(1, std::atoi(std::string(list.substr(0, comma)).c_str())));
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
      }
    } else if (a == "--spaces")
      spaces = v;
    else if (a == "--bookings")
      bookings = v;
    else if (a == "--connections")
      connections = v;
    else if (a == "--seconds")
      seconds_per_phase = v;
    else if (a == "--search-share")
      search_share = std::atof(argv[i]);
  }
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress lines appear as they happen
  hubgate::test::temp_dir dir("hubgate-api-bench");
  const auto data = dir.path() / "data";
  const auto t0 = steady_clock::now();
  auto s = seed(data, spaces, bookings, 1000);
  const double seeded_s = duration<double>(steady_clock::now() - t0).count();
  if (matrix)
    fmt::print("{{\"seeded_s\":{:.1f}}}\n", seeded_s);
  else
    fmt::print("seeded {} spaces and {} bookings in {:.1f} s\n", spaces, bookings, seeded_s);

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
  if (matrix) {
    run_matrix(s, dir.path(), port, service.pid(), ca, connection_counts, seconds_per_phase);
    service.signal(SIGTERM);
    service.wait_exit(60);
    return 0;
  }
  const auto queries =
      write_requests(dir.path() / "queries.jsonl", s, make_requests(s, 20000, 0.0, search_share));
  const auto writes =
      write_requests(dir.path() / "bookings.jsonl", s, make_requests(s, 400000, 1.0));
  double cpu0 = cpu_us(service.pid());
  auto q = run_load(port, ca, queries, connections, seconds_per_phase);
  double cpu1 = cpu_us(service.pid());
  fmt::print(
      "availability: {:.0f} q/s  p50 {:.2f} ms  p99 {:.2f} ms  service CPU {:.0f} us/request  ({} "
      "ok, {} other, {} errors)\n",
      q.ok_per_second, q.p50_ms, q.p99_ms, (cpu1 - cpu0) / std::max<double>(1, q.ok + q.other),
      q.ok, q.other, q.errors);
  auto b = run_load(port, ca, writes, connections, seconds_per_phase);
  double cpu2 = cpu_us(service.pid());
  fmt::print(
      "bookings:     {:.0f} durable bookings/s  p50 {:.2f} ms  p99 {:.2f} ms  service CPU {:.0f} "
      "us/request  ({} created, {} refused, {} errors)\n",
      b.ok_per_second, b.p50_ms, b.p99_ms, (cpu2 - cpu1) / std::max<double>(1, b.ok + b.other),
      b.ok, b.other, b.errors);
  service.signal(SIGTERM);
  service.wait_exit(60);
  return 0;
}

// Booking-to-door propagation over the live link: the time from POST /bookings to the delta
// on the board. Mode 1: two real boards (entrance and lab: hubgate-door + hubgate-sim), time
// to the delta persisted (the board's list_delta_applied log line). Mode 2: N enrolled link
// clients without readers, time to the delta received, each acknowledging; connected in steps
// (default 50), each step also reporting the snapshots, deltas and reconnects the clients saw
// and the service's resident memory per connected controller.
//   bench_link_propagation [bookings=20] [clients=50 | steps such as 2,50]
#include <fmt/format.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "door_controller/link/enrolment.hpp"
#include "door_controller/link/link_client.hpp"
#include "hubgate/test/net_util.hpp"
#include "link_rig.hpp"
#include "protocol/stream_message.hpp"

namespace {

using namespace hubgate;
using clock_type = std::chrono::system_clock;

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(clock_type::now().time_since_epoch())
      .count();
}

// "2027-01-01T10:00:00.123Z" -> unix ms.
std::int64_t parse_ts(const std::string& ts) {
  std::tm tm{};
  if (!strptime(ts.c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) return 0;
  const auto dot = ts.find('.');
  const int ms = dot == std::string::npos ? 0 : std::stoi(ts.substr(dot + 1, 3));
  return static_cast<std::int64_t>(timegm(&tm)) * 1000 + ms;
}

// Unix ms of the last list_delta_applied line in a board's log, 0 when none.
std::int64_t last_delta_ms(const std::string& log) {
  const auto at = log.rfind("\"event\":\"list_delta_applied\"");
  if (at == std::string::npos) return 0;
  const auto begin = log.rfind('\n', at);
  const auto end = log.find('\n', at);
  boost::system::error_code ec;
  auto v =
      boost::json::parse(log.substr(begin == std::string::npos ? 0 : begin + 1,
                                    end == std::string::npos ? std::string::npos : end - begin - 1),
                         ec);
  if (ec || !v.is_object() || !v.as_object().contains("ts")) return 0;
  return parse_ts(std::string(v.at("ts").as_string()));
}

void print_percentiles(const std::string& what, std::vector<double> ms) {
  if (ms.empty()) {
    std::printf("%s: no samples\n", what.c_str());
    return;
  }
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double q) {
    return ms[std::min(ms.size() - 1,
                       static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
  };
  std::printf("%s: samples %zu  p50 %.1f ms  p99 %.1f ms  max %.1f ms\n", what.c_str(), ms.size(),
              at(0.50), at(0.99), ms.back());
}

// A link client without a reader: acknowledges every list message and, like a board, says
// in its next hello which list it holds, so a reconnect continues with deltas.
struct bare_client {
  std::unique_ptr<door::link_client> link;
  std::mutex mutex;
  std::size_t lists = 0;  // list messages of any type
  std::size_t snapshots = 0;
  std::size_t deltas = 0;
  std::size_t connects = 0;
  std::int64_t last_list_ms = 0;
};

// The service's resident set in kB (Linux), 0 when unknown.
long rss_kb(int pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  return 0;
}

// Enrols link client `i` with its own door into `space` and starts it; nullptr on failure.
std::unique_ptr<bare_client> enrol_client(test::link_rig& rig, const std::string& space, int i) {
  auto door = rig.call("POST", "/api/v1/doors", &rig.admin(),
                       boost::json::serialize(
                           boost::json::object{{"site_id", rig.site_id()},
                                               {"name", fmt::format("Bench door {}", i)},
                                               {"space_ids", boost::json::array{space.c_str()}}}));
  if (door.status != 201) {
    std::printf("cannot create a door: %s\n", door.body.c_str());
    return nullptr;
  }
  auto c = rig.create_controller(fmt::format("bench-{}", i),
                                 {std::string(door.json.at("id").as_string())});
  const auto dir = rig.dir() / fmt::format("bare-{}", i);
  auto record =
      door::enroll({"https://127.0.0.1:" + std::to_string(rig.port()), c.token, c.ca_hash, dir});
  if (!record) {
    std::printf("enrolment failed: %s\n", record.error().message.c_str());
    return nullptr;
  }
  const auto paths = door::enrolment_paths_in(dir);
  door::link_options o;
  o.enabled = true;
  o.controller_id = record->controller_id;
  o.host = record->endpoint_host;
  o.port = record->endpoint_port;
  o.ca_file = paths.ca;
  o.cert_file = paths.cert;
  o.key_file = paths.key;
  auto client = std::make_unique<bare_client>();
  client->link = std::make_unique<door::link_client>(o);
  const std::string id = record->controller_id;
  client->link->set_hello(
      {id, 0, 0, 0, protocol::reader_health::ok, protocol::door_position::closed});
  auto* raw = client.get();
  client->link->start([raw, id](door::link_input in) {
    if (in.what == door::link_input::kind::connected) {
      std::lock_guard lock(raw->mutex);
      ++raw->connects;
      return;
    }
    if (in.what != door::link_input::kind::message) return;
    auto m = protocol::parse_stream_message(in.detail);
    if (!m) return;
    const auto* l = std::get_if<protocol::list_message>(&*m);
    if (!l) return;
    const auto& body = l->envelope.body;
    // A board that fell behind may get a fresh snapshot instead of the delta: either way the
    // change has arrived.
    std::lock_guard lock(raw->mutex);
    ++raw->lists;
    if (body.type == protocol::envelope_type::delta)
      ++raw->deltas;
    else
      ++raw->snapshots;
    raw->last_list_ms = now_ms();
    raw->link->set_hello({id, body.epoch, body.sequence, 0, protocol::reader_health::ok,
                          protocol::door_position::closed});
    raw->link->send(protocol::serialize(protocol::ack_message{body.epoch, body.sequence}));
  });
  return client;
}

}  // namespace

int main(int argc, char** argv) {
  const int bookings = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20;
  // Steps of connected link clients, e.g. "2,50".
  std::vector<int> steps;
  for (std::string_view rest = argc > 2 ? argv[2] : "50"; !rest.empty();) {
    const auto comma = rest.find(',');
    const int n = std::atoi(std::string(rest.substr(0, comma)).c_str());
    if (n > 0 && (steps.empty() || n > steps.back())) steps.push_back(n);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  if (steps.empty()) steps.push_back(50);
  test::link_rig rig;
  if (auto why = rig.start_service()) {
    std::printf("link propagation: skipped: %s\n", why->c_str());
    return 0;
  }
  rig.open_site_all_week();
  const auto lab_space = rig.space_id("Innovation Lab");
  const auto jonas = rig.login(test::jonas_email);
  int slot = 0;
  // Exclusive space: each booking gets its own two-hour slot in the coming days.
  const auto book_next = [&] { return !rig.book(jonas, lab_space, 3600 * 2 * ++slot, 60).empty(); };

  // Mode 1: two real boards.
  std::vector<test::board*> boards;
  for (const auto& [name, door] :
       {std::pair{"entrance", "Main entrance"}, std::pair{"lab", "Lab door"}}) {
    auto c = rig.create_controller(name, {rig.door_id(door)});
    auto& b = rig.add_board(name);
    b.start_sim();
    if (b.enroll(c.token, c.ca_hash) != 0) {
      std::printf("enrolment failed: %s\n", b.enroll_output().c_str());
      return 1;
    }
    b.start_door();
    b.wait_link_up();
    boards.push_back(&b);
  }
  std::vector<double> real_ms;
  for (int i = 0; i < bookings; ++i) {
    std::vector<std::size_t> before;
    for (auto* b : boards) before.push_back(b->log_count("\"event\":\"list_delta_applied\""));
    const auto t0 = now_ms();
    if (!book_next()) return 1;
    for (std::size_t k = 0; k < boards.size(); ++k) {
      if (!test::wait_until(
              [&] { return boards[k]->log_count("\"event\":\"list_delta_applied\"") > before[k]; },
              std::chrono::seconds(10), std::chrono::milliseconds(2)))
        continue;  // this booking did not concern that board
      real_ms.push_back(static_cast<double>(last_delta_ms(boards[k]->door_log()) - t0));
    }
  }
  print_percentiles("propagation to 2 real boards (delta persisted)", real_ms);
  for (auto* b : boards)
    std::printf("  real board: snapshots %zu, deltas %zu, reconnects %zu\n",
                b->log_count("\"event\":\"list_loaded\""),
                b->log_count("\"event\":\"list_delta_applied\""),
                b->log_count("\"event\":\"link_up\"") - 1);

  // Mode 2: enrolled link clients, each with its own door into the lab, added in steps (e.g.
  // 2 then 50 connected) so one service gives the figures of every step.
  const auto before_kb = rss_kb(rig.service_pid());
  std::vector<std::unique_ptr<bare_client>> bare;
  for (const int step : steps) {
    while (static_cast<int>(bare.size()) < step) {
      auto client = enrol_client(rig, lab_space, static_cast<int>(bare.size()));
      if (!client) return 1;
      bare.push_back(std::move(client));
    }
    // Every client has had its snapshot before measuring.
    if (!test::wait_until(
            [&] {
              for (auto& c : bare) {
                std::lock_guard lock(c->mutex);
                if (c->snapshots == 0) return false;
              }
              return true;
            },
            std::chrono::seconds(120), std::chrono::milliseconds(20))) {
      std::printf("not every link client got its snapshot\n");
      return 1;
    }
    const auto connected_kb = rss_kb(rig.service_pid());
    std::vector<double> fan_ms;
    for (int i = 0; i < bookings; ++i) {
      std::vector<std::size_t> before;
      for (auto& c : bare) {
        std::lock_guard lock(c->mutex);
        before.push_back(c->lists);
      }
      const auto t0 = now_ms();
      if (!book_next()) return 1;
      for (std::size_t k = 0; k < bare.size(); ++k) {
        auto& c = *bare[k];
        const bool got = test::wait_until(
            [&] {
              std::lock_guard lock(c.mutex);
              return c.lists > before[k];
            },
            std::chrono::seconds(10), std::chrono::milliseconds(1));
        if (!got) continue;
        std::lock_guard lock(c.mutex);
        fan_ms.push_back(static_cast<double>(c.last_list_ms - t0));
      }
    }
    print_percentiles(fmt::format("propagation to {} link clients (list message received)", step),
                      fan_ms);
    std::size_t snapshots = 0, deltas = 0, connects = 0;
    for (auto& c : bare) {
      std::lock_guard lock(c->mutex);
      snapshots += c->snapshots;
      deltas += c->deltas;
      connects += c->connects;
    }
    std::printf(
        "  link clients %d: expected samples %d, snapshots %zu, deltas %zu, reconnects %zu\n", step,
        step * bookings, snapshots, deltas, connects - bare.size());
    if (before_kb > 0 && connected_kb > 0)
      std::printf("  link clients %d: service RSS %ld kB, %.1f kB per connected controller\n", step,
                  connected_kb, static_cast<double>(connected_kb - before_kb) / step);
  }
  for (auto& c : bare) c->link->stop();
  return 0;
}

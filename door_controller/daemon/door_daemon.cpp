#include "door_controller/daemon/door_daemon.hpp"

#include <pthread.h>

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <cctype>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include "door_controller/cache/local_store.hpp"
#include "door_controller/daemon/clock.hpp"
#include "door_controller/daemon/door_loop.hpp"
#include "door_controller/daemon/event_journal.hpp"
#include "door_controller/daemon/inbox.hpp"
#include "door_controller/daemon/link_bridge.hpp"
#include "door_controller/daemon/list_keeper.hpp"
#include "door_controller/daemon/systemd_notifier.hpp"
#include "door_controller/io/door_io_factory.hpp"
#include "door_controller/link/enrolment.hpp"
#include "door_controller/link/link_client.hpp"
#include "door_controller/reader/nfc_card_reader.hpp"
#include "protocol/hex.hpp"
#include "protocol/keys.hpp"
#include "protocol/log/log.hpp"

namespace hubgate::door {
namespace {

sigset_t daemon_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGHUP);
  return set;
}

bool is_stop_signal(int number) {
  return number == SIGTERM || number == SIGINT;
}

std::optional<std::chrono::steady_clock::time_point> earliest(
    std::initializer_list<std::optional<std::chrono::steady_clock::time_point>> times) {
  std::optional<std::chrono::steady_clock::time_point> first;
  for (const auto& t : times)
    if (t && (!first || *t < *first)) first = t;
  return first;
}

int fail(std::string_view event, std::initializer_list<log::field> fields) {
  log::write(log::level::error, event, fields);
  return 1;
}

std::nullopt_t failed(std::string_view event, std::initializer_list<log::field> fields) {
  log::write(log::level::error, event, fields);
  return std::nullopt;
}

}  // namespace

boost::system::result<std::vector<std::uint8_t>> load_list_key(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return protocol::errc::io_error;
  std::ostringstream raw;
  raw << in.rdbuf();
  std::string hex = raw.str();
  std::erase_if(hex, [](unsigned char c) { return std::isspace(c) != 0; });
  if (hex.size() < 64 || hex.size() % 2 != 0) return protocol::errc::key_error;
  std::vector<std::uint8_t> key(hex.size() / 2);
  if (!protocol::from_hex(hex, key)) return protocol::errc::key_error;
  return key;
}

std::optional<std::string> resolve_enrolment(door_config& config) {
  if (!config.link.enabled) return std::nullopt;
  auto record = load_enrolment(config.data_dir);
  if (!record) return record.error().message + " (run hubgate-door enroll first)";
  const auto paths = enrolment_paths_in(config.data_dir);
  if (config.controller_id.empty()) config.controller_id = record->controller_id;
  if (config.door_id.empty()) {
    if (record->door_ids.size() != 1)
      return "door_id is not set and the controller has " +
             std::to_string(record->door_ids.size()) + " doors: set door_id";
    config.door_id = record->door_ids.front();
  }
  if (config.verify_key_file.empty()) config.verify_key_file = paths.verify_key;
  if (config.list_key_file.empty()) config.list_key_file = paths.list_key;
  auto& link = config.link;
  link.controller_id = config.controller_id;
  if (link.host.empty()) {
    link.host = record->endpoint_host;
    link.port = record->endpoint_port;
  }
  if (link.ca_file.empty()) link.ca_file = paths.ca;
  if (link.cert_file.empty()) link.cert_file = paths.cert;
  if (link.key_file.empty()) link.key_file = paths.key;
  return std::nullopt;
}

namespace {

// What the daemon needs from disk and hardware before it can decide anything.
struct opened_parts {
  local_store store;
  protocol::verify_key verify_key;
  std::vector<std::uint8_t> list_key;
  std::unique_ptr<door_io> io;
  std::unique_ptr<card_reader> reader;
};

// Opens the store, keys, door I/O and reader; logs what failed and returns nothing then.
std::optional<opened_parts> open_parts(const door_config& config) {
  std::error_code dir_error;
  std::filesystem::create_directories(config.data_dir, dir_error);
  auto store = local_store::open(config.store_path());
  if (!store)
    return failed("store_open_failed",
                  {{"path", config.store_path().string()}, {"error", store.error().message()}});
  auto verify_key = protocol::verify_key::load_pem_file(config.verify_key_file);
  if (!verify_key)
    return failed("verify_key_unusable", {{"path", config.verify_key_file.string()},
                                          {"error", verify_key.error().message()}});
  auto list_key = load_list_key(config.list_key_file);
  if (!list_key)
    return failed("list_key_unusable",
                  {{"path", config.list_key_file.string()}, {"error", list_key.error().message()}});
  auto io = make_door_io(config.io);
  if (!io) return failed("door_io_unusable", {{"error", io.error().message()}});
  return opened_parts{std::move(*store), std::move(*verify_key), std::move(*list_key),
                      std::move(*io), make_nfc_card_reader(config.reader)};
}

// Blocked before any thread starts, so only the signal thread ever receives them; a peer
// that hangs up is an error value on the write, not a SIGPIPE.
sigset_t block_daemon_signals() {
  const sigset_t signals = daemon_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
  return signals;
}

// The only thread that receives the daemon's signals (they are blocked everywhere else);
// ends after a stop signal.
std::thread start_signal_thread(inbox& inputs, sigset_t signals) {
  return std::thread([&inputs, signals] {
    while (true) {
      int number = 0;
      if (sigwait(&signals, &number) != 0) continue;
      inputs.push(signal_received{number});
      if (is_stop_signal(number)) return;
    }
  });
}

// Reader and door inputs go to the inbox, handled on the main thread only.
void start_hardware(opened_parts& parts, inbox& inputs) {
  parts.io->start([&inputs](io_event e) { inputs.push(std::move(e)); });
  parts.reader->start([&inputs](reader_event e) { inputs.push(std::move(e)); });
}

void stop_hardware(opened_parts& parts) {
  parts.reader->stop();
  parts.io->stop();
}

void log_started(const door_config& config) {
  log::write(
      log::level::info, "started",
      {{"controller_id", config.controller_id},
       {"door_id", config.door_id},
       {"reader", config.reader.connstring},
       {"io", config.io.backend == io_options::backend_kind::sim ? "sim" : "gpiod"},
       {"link", config.link.enabled ? config.link.host + ":" + std::to_string(config.link.port)
                                    : std::string("off")}});
}

// The door loop and what listens to it; the bridge is absent when the link is off.
struct daemon_parts {
  door_loop& loop;
  list_keeper& lists;
  link_bridge* bridge;
};

void route_reader(const reader_event& r, daemon_parts& d) {
  d.loop.on_reader(r);
  if (d.bridge && r.what != reader_event::kind::tap)
    d.bridge->set_reader(r.what == reader_event::kind::lost ? protocol::reader_health::lost
                                                            : protocol::reader_health::ok);
}

void route_io(const io_event& e, daemon_parts& d) {
  d.loop.on_io(e);
  if (d.bridge && e.what == io_event::kind::door_opened)
    d.bridge->set_door(protocol::door_position::open);
  if (d.bridge && e.what == io_event::kind::door_closed)
    d.bridge->set_door(protocol::door_position::closed);
}

// Hands one input to whoever handles it; false once a stop signal came.
bool route(const inbox::item& input, daemon_parts& d) {
  if (auto* r = std::get_if<reader_event>(&input)) {
    route_reader(*r, d);
  } else if (auto* e = std::get_if<io_event>(&input)) {
    route_io(*e, d);
  } else if (auto* l = std::get_if<link_input>(&input)) {
    if (d.bridge) d.bridge->on_input(*l);
  } else if (auto* s = std::get_if<signal_received>(&input)) {
    if (is_stop_signal(s->number)) {
      log::write(log::level::info, "stopping", {{"signal", s->number}});
      return false;
    }
    log::write(log::level::info, "reload", {{"signal", s->number}});
    d.lists.check_file(true);
  }
  return true;
}

// The main loop: waits for the next input or deadline (door timers, list file check, systemd
// watchdog, event resend), routes it, then lets every part catch up with the time.
void serve(const door_config& config, const clock& clock, inbox& inputs, daemon_parts& d,
           systemd_notifier& systemd) {
  auto next_list_check = clock.steady_now() + config.list_check;
  bool running = true;
  while (running) {
    const auto watchdog = systemd.keepalive(clock.steady_now());
    const auto deadline = earliest({d.loop.next_deadline(), next_list_check, watchdog,
                                    d.bridge ? d.bridge->next_deadline() : std::nullopt});
    if (auto input = inputs.pop_until(deadline)) running = route(*input, d);
    d.loop.tick();
    if (clock.steady_now() >= next_list_check) {
      d.lists.check_file(false);
      next_list_check = clock.steady_now() + config.list_check;
    }
    if (d.bridge) d.bridge->pump();
  }
}

}  // namespace

int run_daemon(const door_config& configured) {
  door_config config = configured;
  if (auto level = log::parse_level(config.log_level)) log::set_level(*level);
  if (auto problem = resolve_enrolment(config)) return fail("not_enrolled", {{"error", *problem}});
  const sigset_t signals = block_daemon_signals();
  auto parts = open_parts(config);
  if (!parts) return 1;

  real_clock clock;
  store_journal journal(parts->store);
  door_loop loop({config.door_id, std::move(parts->list_key), config.unlock, config.held_open,
                  config.list_max_age_s, config.stale_policy},
                 clock, *parts->io, journal);
  list_keeper lists(parts->store, parts->verify_key, config.controller_id, config.list_file, loop);
  lists.load_stored();
  lists.check_file(true);

  inbox inputs;
  std::optional<link_client> link;
  std::optional<link_bridge> bridge;
  if (config.link.enabled) {
    link.emplace(config.link);
    bridge.emplace(*link, parts->store, lists, clock, config.controller_id,
                   config.link.resend_after);
    link->start([&inputs](link_input in) { inputs.push(std::move(in)); });
  }
  std::thread signal_thread = start_signal_thread(inputs, signals);
  start_hardware(*parts, inputs);

  systemd_notifier systemd;
  systemd.ready();
  log_started(config);
  daemon_parts wired{loop, lists, bridge ? &*bridge : nullptr};
  serve(config, clock, inputs, wired, systemd);

  systemd.stopping();
  if (link) link->stop();
  stop_hardware(*parts);
  loop.release();
  signal_thread.join();
  log::write(log::level::info, "stopped");
  return 0;
}

int print_events(const door_config& config) {
  auto store = local_store::open(config.store_path());
  if (!store)
    return fail("store_open_failed",
                {{"path", config.store_path().string()}, {"error", store.error().message()}});
  auto events = store->pending_events(std::numeric_limits<std::size_t>::max());
  if (!events) return fail("store_read_failed", {{"error", events.error().message()}});
  for (const auto& event : *events) {
    const std::string line = boost::json::serialize(protocol::to_json(event)) + "\n";
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
  std::fflush(stdout);
  return 0;
}

}  // namespace hubgate::door

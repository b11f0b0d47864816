#include "hardware/sim/reader_twin.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "hardware/sim/control_server.hpp"
#include "hardware/sim/sim_error.hpp"

namespace hubgate::sim {
namespace {

// While no host holds the slave open the master reports hang-up continuously, so the loop
// looks at it on this period instead of spinning.
constexpr int host_recheck_ms = 5;

}  // namespace

reader_twin::reader_twin(twin_options options)
    : options_(std::move(options)), chip_(options_.timing), gpio_(sim_clock::now()) {
  gpio_.on_change([this](const gpio_event& e) {
    if (e.line != gpio_line::relay)
      pending_events_.push_back("input " + line_name(e.line) + " " + state_name(e.line, e.active));
  });
}

reader_twin::~reader_twin() {
  stop();
}

boost::system::result<void> reader_twin::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return sim_errc::already_running;
  auto port = pty_port::open(options_.link_path);
  if (!port) return port.error();
  port_ = std::move(*port);
  plugged_ = true;
  if (!options_.control_path.empty()) {
    auto server = control_server::listen(
        options_.control_path, [this](std::string_view line) { return handle_line(line); });
    if (!server) {
      port_.close();
      return server.error();
    }
    server_ = std::move(*server);
  }
  if (::pipe2(wake_fds_, O_NONBLOCK | O_CLOEXEC) != 0) return sim_errc::socket_failed;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
  return {};
}

void reader_twin::stop() {
  {
    std::lock_guard lock(mutex_);
    if (!thread_.joinable()) return;
    stopping_ = true;
  }
  wake();
  thread_.join();
  std::lock_guard lock(mutex_);
  server_.reset();
  port_.close();
  plugged_ = false;
  for (int& fd : wake_fds_) {
    ::close(fd);
    fd = -1;
  }
}

void reader_twin::wake() {
  const char b = 1;
  if (wake_fds_[1] >= 0) [[maybe_unused]]
    auto n = ::write(wake_fds_[1], &b, 1);
}

void reader_twin::add_timer(sim_clock::time_point due, std::function<void()> action) {
  timers_.push_back(timer{due, std::move(action)});
}

void reader_twin::run() {
  int timeout_ms = 0;
  std::vector<pollfd> fds;
  for (;;) {
    int master = -1;
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
      check_host_locked();
      if (plugged_ && !host_absent_) master = port_.master_fd();
    }
    fds.clear();
    fds.push_back({wake_fds_[0], POLLIN, 0});
    fds.push_back({master, POLLIN, 0});  // a negative fd is ignored by poll
    if (server_) server_->add_pollfds(fds);
    ::poll(fds.data(), fds.size(), timeout_ms);
    if (fds[0].revents & POLLIN) {
      char buf[64];
      while (::read(wake_fds_[0], buf, sizeof buf) > 0) {
      }
    }
    if (server_) server_->service(fds);
    std::vector<std::string> events;
    {
      std::lock_guard lock(mutex_);
      timeout_ms = service_locked(fds[1].revents, sim_clock::now());
      events.swap(pending_events_);
    }
    if (server_) {
      for (const auto& e : events) server_->broadcast(e);
      if (!events.empty()) server_->service({});
    }
  }
}

void reader_twin::check_host_locked() {
  if (!plugged_ || !host_absent_) return;
  pollfd p{port_.master_fd(), POLLIN, 0};
  ::poll(&p, 1, 0);
  if ((p.revents & POLLHUP) == 0) host_absent_ = false;
}

int reader_twin::service_locked(short pty_revents, sim_clock::time_point now) {
  if (plugged_ && (pty_revents & (POLLIN | POLLHUP | POLLERR))) {
    std::uint8_t buf[512];
    for (;;) {
      const ssize_t n = ::read(port_.master_fd(), buf, sizeof buf);
      if (n > 0) {
        link_.on_bytes(std::span(buf, static_cast<std::size_t>(n)), now);
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && errno == EAGAIN) break;
      // EIO: the host closed the port. Leave the line ready for the next one.
      host_absent_ = true;
      port_.reset_line_settings();
      link_.reset();
      break;
    }
  }
  link_.on_tick(now);
  if (link_.has_output()) {
    const bytes out = link_.take_output();
    if (plugged_ && !host_absent_) port_.write_all(out);
  }
  // Timers may add timers: run the due ones from a copy.
  std::vector<timer> due;
  for (auto it = timers_.begin(); it != timers_.end();) {
    if (it->due <= now) {
      due.push_back(std::move(*it));
      it = timers_.erase(it);
    } else {
      ++it;
    }
  }
  for (auto& t : due) t.action();
  if (!due.empty()) link_.on_tick(now);

  std::optional<sim_clock::time_point> next = link_.next_wakeup(now);
  for (const auto& t : timers_) next = next ? std::min(*next, t.due) : t.due;
  int timeout = -1;
  if (next) {
    const auto ms = std::chrono::ceil<std::chrono::milliseconds>(*next - now).count();
    timeout = static_cast<int>(std::clamp<long>(ms, 0, 60'000));
  }
  if (!pending_events_.empty()) timeout = 0;
  if (plugged_ && host_absent_)
    timeout = timeout < 0 ? host_recheck_ms : std::min(timeout, host_recheck_ms);
  return timeout;
}

void reader_twin::place_card(virtual_card card) {
  std::lock_guard lock(mutex_);
  ++card_generation_;
  chip_.place_card(std::move(card));
  wake();
}

void reader_twin::remove_card() {
  std::lock_guard lock(mutex_);
  ++card_generation_;
  chip_.remove_card();
  wake();
}

void reader_twin::tap(virtual_card card, std::chrono::milliseconds hold) {
  std::lock_guard lock(mutex_);
  const std::uint64_t generation = ++card_generation_;
  chip_.place_card(std::move(card));
  add_timer(sim_clock::now() + hold, [this, generation] {
    if (card_generation_ == generation) chip_.remove_card();
  });
  wake();
}

void reader_twin::set_door(bool open) {
  std::lock_guard lock(mutex_);
  gpio_.set(gpio_line::door, open, sim_clock::now());
  wake();
}

void reader_twin::press_button() {
  std::lock_guard lock(mutex_);
  const auto now = sim_clock::now();
  gpio_.set(gpio_line::button, true, now);
  add_timer(now + options_.button_press,
            [this] { gpio_.set(gpio_line::button, false, sim_clock::now()); });
  wake();
}

void reader_twin::set_relay(bool on) {
  std::lock_guard lock(mutex_);
  gpio_.set(gpio_line::relay, on, sim_clock::now());
}

bool reader_twin::get(gpio_line line) {
  std::lock_guard lock(mutex_);
  return gpio_.get(line);
}

std::vector<gpio_event> reader_twin::timeline() {
  std::lock_guard lock(mutex_);
  return gpio_.timeline();
}

void reader_twin::fault_garble(unsigned n) {
  std::lock_guard lock(mutex_);
  link_.faults().garble += n;
}

void reader_twin::fault_nack(unsigned n) {
  std::lock_guard lock(mutex_);
  link_.faults().nack += n;
}

void reader_twin::fault_mute(unsigned n) {
  std::lock_guard lock(mutex_);
  link_.faults().mute += n;
}

void reader_twin::fault_remove_mid_exchange() {
  std::lock_guard lock(mutex_);
  chip_.remove_card_during_next_exchange();
}

void reader_twin::unplug() {
  std::lock_guard lock(mutex_);
  port_.close();
  link_.reset();
  plugged_ = false;
  wake();
}

boost::system::result<void> reader_twin::replug() {
  std::lock_guard lock(mutex_);
  auto port = pty_port::open(options_.link_path);
  if (!port) return port.error();
  port_ = std::move(*port);
  link_.reset();
  plugged_ = true;
  host_absent_ = false;
  wake();
  return {};
}

twin_status reader_twin::status() {
  std::lock_guard lock(mutex_);
  twin_status s;
  s.link = options_.link_path;
  s.plugged = plugged_;
  if (plugged_) s.pty = port_.slave_path();
  if (chip_.card()) s.card = chip_.card()->uid_hex();
  s.commands = chip_.commands_executed();
  s.chip_busy = chip_.busy();
  return s;
}

}  // namespace hubgate::sim

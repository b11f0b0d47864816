// hubgate-door under a systemd-like supervisor: READY=1 once it runs, WATCHDOG=1 at half the
// watchdog interval, STOPPING=1 on SIGTERM, all on the NOTIFY_SOCKET datagram socket.
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <csignal>
#include <cstring>

#include "door_rig.hpp"
#include "hubgate/test/net_util.hpp"

namespace hubgate::test {
namespace {

class notify_socket {
 public:
  explicit notify_socket(const std::string& path) : path_(path) {
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strcpy(address.sun_path, path.c_str());
    EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  }
  ~notify_socket() { ::close(fd_); }
  // Collects datagrams until `done` holds or the deadline passes.
  bool collect_until(const std::function<bool()>& done) {
    return wait_until([&] {
      pollfd p{fd_, POLLIN, 0};
      while (::poll(&p, 1, 0) > 0) {
        char buffer[512];
        const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
        if (n > 0) messages.emplace_back(buffer, static_cast<std::size_t>(n));
      }
      return done();
    });
  }
  std::size_t count(const std::string& message) const {
    return static_cast<std::size_t>(std::count(messages.begin(), messages.end(), message));
  }
  std::vector<std::string> messages;

 private:
  std::string path_;
  int fd_ = -1;
};

TEST(door_systemd, notifies_ready_pings_the_watchdog_and_announces_stopping) {
  door_rig rig;
  notify_socket systemd(rig.dir() / "notify.sock");
  rig.start_sim();
  rig.start_door({{"NOTIFY_SOCKET", rig.dir() / "notify.sock"}, {"WATCHDOG_USEC", "200000"}});
  ASSERT_TRUE(systemd.collect_until([&] {
    return systemd.count("READY=1") == 1 && systemd.count("WATCHDOG=1") >= 3;
  })) << systemd.messages.size();
  rig.stop_door(SIGTERM);
  EXPECT_TRUE(systemd.collect_until([&] { return systemd.count("STOPPING=1") == 1; }));
}

}  // namespace
}  // namespace hubgate::test

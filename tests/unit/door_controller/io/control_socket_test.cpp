// The twin's control-socket client against a scripted peer on a real Unix socket: line
// framing across partial reads, timeouts, cancellation, refused connections.
#include "door_controller/io/control_socket.hpp"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <boost/system/errc.hpp>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <thread>

#include "door_controller/io/io_error.hpp"
#include "door_controller/io/sim_door_io.hpp"

namespace hubgate::door {
namespace {

// A listening Unix socket whose accepted peer the test writes to and reads from directly.
class scripted_peer {
 public:
  scripted_peer() {
    char dir[] = "/tmp/hubgate-io-XXXXXX";
    dir_ = ::mkdtemp(dir);
    path_ = dir_ + "/ctl.sock";
    listener_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strcpy(address.sun_path, path_.c_str());
    EXPECT_EQ(::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    EXPECT_EQ(::listen(listener_, 4), 0);
  }
  ~scripted_peer() {
    for (int fd : peers_) ::close(fd);
    ::close(listener_);
    std::filesystem::remove_all(dir_);
  }
  const std::string& path() const { return path_; }
  int accept() {
    const int fd = ::accept(listener_, nullptr, nullptr);
    peers_.push_back(fd);
    return fd;
  }
  static void write(int fd, std::string_view text) {
    ASSERT_EQ(::write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
  }
  static std::string read_line(int fd) {
    std::string line;
    char c = 0;
    while (::read(fd, &c, 1) == 1 && c != '\n') line.push_back(c);
    return line;
  }

 private:
  std::string dir_;
  std::string path_;
  int listener_ = -1;
  std::vector<int> peers_;
};

TEST(control_socket, frames_lines_across_partial_and_joined_reads) {
  scripted_peer peer;
  auto client = control_socket::connect(peer.path());
  ASSERT_TRUE(client);
  const int fd = peer.accept();
  scripted_peer::write(fd, "ok door=clo");
  scripted_peer::write(fd, "sed\ninput door open\ninput butt");
  EXPECT_EQ(client->read_line(5000).value(), "ok door=closed");
  EXPECT_EQ(client->read_line(5000).value(), "input door open");
  scripted_peer::write(fd, "on pressed\n");
  EXPECT_EQ(client->read_line(5000).value(), "input button pressed");
}

TEST(control_socket, request_sends_one_line_and_returns_the_reply) {
  scripted_peer peer;
  auto client = control_socket::connect(peer.path());
  ASSERT_TRUE(client);
  const int fd = peer.accept();
  std::thread twin([fd] {
    EXPECT_EQ(scripted_peer::read_line(fd), "set relay on");
    scripted_peer::write(fd, "ok\n");
  });
  EXPECT_EQ(client->request("set relay on").value(), "ok");
  twin.join();
}

TEST(control_socket, times_out_is_cancelled_and_sees_the_peer_go) {
  scripted_peer peer;
  auto client = control_socket::connect(peer.path());
  ASSERT_TRUE(client);
  const int fd = peer.accept();
  EXPECT_EQ(client->read_line(10).error(), boost::system::errc::timed_out);
  int cancel[2];
  ASSERT_EQ(::pipe(cancel), 0);
  ASSERT_EQ(::write(cancel[1], "x", 1), 1);
  EXPECT_EQ(client->read_line(-1, cancel[0]).error(), boost::system::errc::operation_canceled);
  ::close(cancel[0]);
  ::close(cancel[1]);
  ::shutdown(fd, SHUT_RDWR);
  EXPECT_EQ(client->read_line(5000).error(), io_errc::connect_failed);
}

TEST(control_socket, connecting_to_nothing_is_an_error_value) {
  EXPECT_EQ(control_socket::connect("/nonexistent/hubgate.sock").error(), io_errc::connect_failed);
  EXPECT_EQ(control_socket::connect(std::string(200, 'x')).error(), io_errc::connect_failed);
}

TEST(sim_door_io, relay_commands_reconnect_after_the_twin_went_away) {
  scripted_peer peer;
  io_options options;
  options.backend = io_options::backend_kind::sim;
  options.sim_control = peer.path();
  auto io = make_sim_door_io(options);
  std::thread twin([&peer] {
    int fd = peer.accept();
    EXPECT_EQ(scripted_peer::read_line(fd), "set relay on");
    scripted_peer::write(fd, "ok\n");
    ::shutdown(fd, SHUT_RDWR);  // the twin restarts
    fd = peer.accept();
    EXPECT_EQ(scripted_peer::read_line(fd), "set relay off");
    scripted_peer::write(fd, "err relay busy\n");
  });
  EXPECT_TRUE(io->set_relay(true));
  EXPECT_EQ(io->set_relay(false).error(), io_errc::bad_reply);
  twin.join();
}

}  // namespace
}  // namespace hubgate::door

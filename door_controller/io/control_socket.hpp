// A line-oriented client of the software twin's Unix control socket: one request line, one
// reply line, or a stream of event lines after `subscribe`.
#pragma once
#include <boost/system/result.hpp>
#include <string>
#include <string_view>

namespace hubgate::door {

class control_socket {
 public:
  static boost::system::result<control_socket> connect(const std::string& path);

  control_socket() = default;
  control_socket(control_socket&& other) noexcept;
  control_socket& operator=(control_socket&& other) noexcept;
  control_socket(const control_socket&) = delete;
  control_socket& operator=(const control_socket&) = delete;
  ~control_socket();

  bool is_open() const { return fd_ >= 0; }
  boost::system::result<void> send_line(std::string_view line);
  // Waits for the next line (without its '\n'), at most timeout_ms (-1: no limit); gives up
  // early when cancel_fd (if >= 0) becomes readable.
  boost::system::result<std::string> read_line(int timeout_ms = -1, int cancel_fd = -1);
  // Sends a request and returns its one reply line.
  boost::system::result<std::string> request(std::string_view line, int timeout_ms = 5000);
  void close();

 private:
  explicit control_socket(int fd) : fd_(fd) {}
  int fd_ = -1;
  std::string buffer_;
};

}  // namespace hubgate::door

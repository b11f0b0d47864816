// The emulated reader's serial port: a pseudo-terminal in raw mode whose slave side is
// reached through a symlink (libnfc connstrings cannot contain the ':' of some pty paths).
#pragma once
#include <boost/system/result.hpp>
#include <cstdint>
#include <span>
#include <string>

namespace hubgate::sim {

class pty_port {
 public:
  // Opens a new pty and points `link_path` at its slave (replacing an older link atomically).
  static boost::system::result<pty_port> open(const std::string& link_path);

  pty_port() = default;
  pty_port(pty_port&& other) noexcept;
  pty_port& operator=(pty_port&& other) noexcept;
  pty_port(const pty_port&) = delete;
  pty_port& operator=(const pty_port&) = delete;
  ~pty_port();

  bool is_open() const { return master_ >= 0; }
  int master_fd() const { return master_; }
  const std::string& slave_path() const { return slave_path_; }
  // Raw 8-bit line without echo; also clears the "claimed" mark a host that died without
  // closing the port leaves in the line settings, so the next host can open it.
  void reset_line_settings();
  // Writes everything or gives up when the host side is gone.
  bool write_all(std::span<const std::uint8_t> data);
  // Closes the master (the reader disappears) and removes the link.
  void close();

 private:
  int master_ = -1;
  std::string slave_path_;
  std::string link_path_;
};

}  // namespace hubgate::sim

// The twin's control socket: a Unix stream socket speaking the line protocol that tests, the
// CLI and the door controller's `sim` io backend use. Runs inside the twin's poll loop.
#pragma once
#include <poll.h>

#include <boost/system/result.hpp>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hubgate::sim {

class control_server {
 public:
  // Reply lines for one request line (without '\n').
  using handler = std::function<std::vector<std::string>(std::string_view)>;

  static boost::system::result<std::unique_ptr<control_server>> listen(const std::string& path,
                                                                       handler h);
  ~control_server();
  control_server(const control_server&) = delete;
  control_server& operator=(const control_server&) = delete;

  void add_pollfds(std::vector<pollfd>& fds) const;
  // Accepts, reads, answers and flushes whatever the last poll reported.
  void service(const std::vector<pollfd>& fds);
  // Sends one line to every `subscribe`d connection.
  void broadcast(const std::string& line);

 private:
  struct client {
    int fd = -1;
    std::string in;
    std::string out;
    bool subscribed = false;
    bool closing = false;
  };
  control_server(int fd, std::string path, handler h)
      : listen_fd_(fd), path_(std::move(path)), handler_(std::move(h)) {}
  void accept_clients();
  void read_from(client& c);
  void flush(client& c);

  int listen_fd_ = -1;
  std::string path_;
  handler handler_;
  std::vector<client> clients_;
};

}  // namespace hubgate::sim

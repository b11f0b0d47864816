#include "hubgate/test/child_process.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <stdexcept>

#include "hubgate/test/net_util.hpp"

namespace hubgate::test {

child_process::child_process(std::vector<std::string> argv, std::string log_path,
                             const std::map<std::string, std::string>& extra_env)
    : log_path_(std::move(log_path)) {
  if (argv.empty()) throw std::invalid_argument("child_process: empty argv");
  const int fd = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error("child_process: cannot open log " + log_path_);
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (auto& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("child_process: fork failed");
  if (pid_ == 0) {
    ::dup2(fd, STDOUT_FILENO);
    ::dup2(fd, STDERR_FILENO);
    const int devnull = ::open("/dev/null", O_RDONLY);
    if (devnull >= 0) ::dup2(devnull, STDIN_FILENO);
    ::setpgid(0, 0);
    for (const auto& [k, v] : extra_env) ::setenv(k.c_str(), v.c_str(), 1);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  ::close(fd);
}

child_process::~child_process() {
  if (pid_ > 0 && !status_) kill_hard();
}

bool child_process::running() {
  if (status_) return false;
  int st = 0;
  const pid_t r = ::waitpid(pid_, &st, WNOHANG);
  if (r == pid_) {
    status_ = st;
    return false;
  }
  return true;
}

void child_process::signal(int sig) {
  if (running()) ::kill(pid_, sig);
}

std::optional<int> child_process::wait_exit(double deadline_seconds) {
  const auto ms = std::chrono::milliseconds(static_cast<long>(deadline_seconds * 1000));
  wait_until([this] { return !running(); }, ms, std::chrono::milliseconds(5));
  return status_;
}

void child_process::kill_hard() {
  if (status_) return;
  ::kill(pid_, SIGKILL);
  int st = 0;
  while (::waitpid(pid_, &st, 0) < 0 && errno == EINTR) {
  }
  status_ = st;
}

std::string child_process::output() const {
  return read_file(log_path_);
}

finished_command run_to_completion(const std::vector<std::string>& argv, const std::string& dir) {
  static int counter = 0;
  const std::string stem = dir + "/command-" + std::to_string(++counter);
  // The shell sends the command's stderr to its own file; the log holds stdout alone.
  std::vector<std::string> shell{"/bin/sh", "-c", "exec \"$0\" \"$@\" 2>\"$HUBGATE_ERR\""};
  shell.insert(shell.end(), argv.begin(), argv.end());
  child_process child(shell, stem + ".out", {{"HUBGATE_ERR", stem + ".err"}});
  finished_command done;
  if (const auto status = child.wait_exit(60); status && WIFEXITED(*status))
    done.exit_code = WEXITSTATUS(*status);
  done.out = child.output();
  done.err = read_file(stem + ".err");
  return done;
}

}  // namespace hubgate::test

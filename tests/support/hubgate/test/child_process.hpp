// A real child process for integration tests: started with fork/exec, its output captured to
// a file, stopped with a chosen signal. The destructor kills and reaps it.
#pragma once
#include <sys/types.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hubgate::test {

class child_process {
 public:
  // Starts `argv[0]` with the arguments; stdout and stderr go to `log_path` (appended).
  child_process(std::vector<std::string> argv, std::string log_path,
                const std::map<std::string, std::string>& extra_env = {});
  ~child_process();
  child_process(const child_process&) = delete;
  child_process& operator=(const child_process&) = delete;

  pid_t pid() const { return pid_; }
  bool running();
  void signal(int sig);
  // Waits until the process exits and returns its wait status, or nullopt after the deadline.
  std::optional<int> wait_exit(double deadline_seconds);
  // kill -9 and reap.
  void kill_hard();
  std::string output() const;  // what it has written to the log so far

 private:
  pid_t pid_ = -1;
  std::string log_path_;
  std::optional<int> status_;
};

// A command run to completion with its two output streams kept apart.
struct finished_command {
  std::optional<int> exit_code;  // nullopt: killed by a signal or still running at the deadline
  std::string out;
  std::string err;
};

// Runs `argv` in `dir` (its stdout and stderr land in files there) and waits up to a minute.
finished_command run_to_completion(const std::vector<std::string>& argv, const std::string& dir);

}  // namespace hubgate::test

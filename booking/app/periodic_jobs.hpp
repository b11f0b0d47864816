// Work the service repeats on a timer (releasing no-shows, renewing its TLS certificate): one
// thread runs each job when its interval has passed, in the order the jobs were given. The
// destructor wakes the thread at once and waits for a running job to finish.
#pragma once
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace hubgate::app {

struct periodic_job {
  std::string name;  // for the log
  std::chrono::seconds every;
  std::function<void()> run;
};

class periodic_jobs {
 public:
  explicit periodic_jobs(std::vector<periodic_job> jobs);
  ~periodic_jobs();
  periodic_jobs(const periodic_jobs&) = delete;
  periodic_jobs& operator=(const periodic_jobs&) = delete;

 private:
  void loop();

  std::vector<periodic_job> jobs_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace hubgate::app

// What the API benchmark reads of the service process: resident memory (now and its peak while
// the load runs) and CPU time, from /proc.
#pragma once
#include <fmt/format.h>
#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <thread>

namespace hubgate::bench {

inline long vm_rss_kb(pid_t pid) {
  std::FILE* f = std::fopen(fmt::format("/proc/{}/status", pid).c_str(), "r");
  if (!f) return 0;
  char line[256];
  long kb = 0;
  while (std::fgets(line, sizeof line, f))
    if (std::sscanf(line, "VmRSS: %ld kB", &kb) == 1) break;
  std::fclose(f);
  return kb;
}

// CPU time (user + system) the process has used so far, in microseconds: per request, it is
// the cost figure that stays meaningful when the machine is shared.
inline double cpu_us(pid_t pid) {
  std::FILE* f = std::fopen(fmt::format("/proc/{}/stat", pid).c_str(), "r");
  if (!f) return 0;
  char buf[1024];
  const std::size_t n = std::fread(buf, 1, sizeof buf - 1, f);
  std::fclose(f);
  buf[n] = 0;
  const char* p = std::strrchr(buf, ')');  // the command name may hold spaces
  unsigned long utime = 0, stime = 0;
  if (!p || std::sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime,
                        &stime) != 2)
    return 0;
  return static_cast<double>(utime + stime) * 1e6 / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

// Samples the service's VmRSS while the load runs; the peak is what the table shows.
class rss_peak {
 public:
  explicit rss_peak(pid_t pid)
      : pid_(pid), thread_([this] {
          std::unique_lock lock(mutex_);
          while (!stop_) {
            peak_ = std::max(peak_, vm_rss_kb(pid_));
            wake_.wait_for(lock, std::chrono::milliseconds(200), [this] { return stop_; });
          }
        }) {}
  long finish() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
    return peak_;
  }

 private:
  pid_t pid_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  long peak_ = 0;
  std::thread thread_;
};

}  // namespace hubgate::bench

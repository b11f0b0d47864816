#include "booking/app/periodic_jobs.hpp"

#include <algorithm>
#include <exception>

#include "protocol/log/log.hpp"

namespace hubgate::app {

periodic_jobs::periodic_jobs(std::vector<periodic_job> jobs)
    : jobs_(std::move(jobs)), thread_([this] { loop(); }) {}

periodic_jobs::~periodic_jobs() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void periodic_jobs::loop() {
  using clock = std::chrono::steady_clock;
  std::vector<clock::time_point> due;
  for (const auto& job : jobs_) due.push_back(clock::now() + job.every);
  std::unique_lock lock(mutex_);
  while (!jobs_.empty()) {
    const auto next = *std::min_element(due.begin(), due.end());
    if (wake_.wait_until(lock, next, [this] { return stopping_; })) return;
    lock.unlock();
    for (std::size_t i = 0; i < jobs_.size(); ++i) {
      if (clock::now() < due[i]) continue;
      try {
        jobs_[i].run();
      } catch (const std::exception& e) {  // one failing job must not end the others
        log::write(log::level::error, "periodic_job_failed",
                   {{"job", jobs_[i].name}, {"what", e.what()}});
      }
      due[i] = clock::now() + jobs_[i].every;
    }
    lock.lock();
  }
}

}  // namespace hubgate::app

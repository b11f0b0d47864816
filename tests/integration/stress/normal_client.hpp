// A well-behaved member using the service while it is under attack: lists spaces, reads
// availability and books, on a kept-alive connection and now and then on a fresh one. It
// records every failure and its latencies; the tests assert the former and print the latter.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "api_service.hpp"

namespace hubgate::stress {

struct normal_client_report {
  std::uint64_t requests = 0, failures = 0;
  std::vector<std::string> first_failures;  // a few, for the assertion message
  double p50_ms = 0, p99_ms = 0, max_ms = 0;
  std::string summary() const;
};

class normal_client {
 public:
  // `who` is signed in already (logins may be throttled during the test); `space_id` is a
  // shared space large enough for every booking it makes.
  normal_client(test::api_service& svc, test::caller who, std::string space_id);
  ~normal_client();
  normal_client(const normal_client&) = delete;
  normal_client& operator=(const normal_client&) = delete;

  std::uint64_t requests() const { return requests_.load(); }
  normal_client_report stop();

 private:
  void run();
  void one_request(client::https_client& kept, long n);

  test::api_service& svc_;
  test::caller who_;
  std::string space_id_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::atomic<std::uint64_t> requests_{0};
  std::uint64_t failures_ = 0;
  std::vector<std::string> first_failures_;
  std::vector<double> latencies_ms_;
  std::thread thread_;
};

}  // namespace hubgate::stress

// Latency samples of hubgate-load and the one JSON object it prints at the end.
#pragma once
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace hubgate::bench {

// One per connection (no sharing while the load runs); merged at the end.
struct connection_tally {
  std::vector<std::uint32_t> latency_us;  // one per completed request
  std::map<int, std::uint64_t> statuses;
  std::uint64_t errors = 0;  // transport failures (each followed by a reconnect)
  std::uint64_t connects = 0;
};

// {"connections":..,"connects":..,"duration_s":..,"requests":..,"errors":..,"throughput_rps":..,
//  "latency_us":{"p50":..,"p90":..,"p99":..,"p99_9":..,"max":..},"status":{"200":..}}
std::string latency_report_json(std::vector<connection_tally>& tallies,
                                std::chrono::duration<double> elapsed);

}  // namespace hubgate::bench

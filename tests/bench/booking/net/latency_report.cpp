#include "tests/bench/booking/net/latency_report.hpp"

#include <algorithm>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace hubgate::bench {
namespace {

// Nearest-rank percentile of sorted samples.
std::uint32_t percentile(const std::vector<std::uint32_t>& sorted, double p) {
  if (sorted.empty()) return 0;
  auto rank = static_cast<std::size_t>(p / 100.0 * static_cast<double>(sorted.size()));
  return sorted[std::min(rank, sorted.size() - 1)];
}

}  // namespace

std::string latency_report_json(std::vector<connection_tally>& tallies,
                                std::chrono::duration<double> elapsed) {
  std::vector<std::uint32_t> all;
  std::map<int, std::uint64_t> statuses;
  std::uint64_t errors = 0, connects = 0;
  for (auto& t : tallies) {
    all.insert(all.end(), t.latency_us.begin(), t.latency_us.end());
    for (const auto& [status, n] : t.statuses) statuses[status] += n;
    errors += t.errors;
    connects += t.connects;
  }
  std::sort(all.begin(), all.end());

  boost::json::object latency;
  latency["p50"] = percentile(all, 50);
  latency["p90"] = percentile(all, 90);
  latency["p99"] = percentile(all, 99);
  latency["p99_9"] = percentile(all, 99.9);
  latency["max"] = all.empty() ? 0 : all.back();
  boost::json::object status;
  for (const auto& [code, n] : statuses) status[std::to_string(code)] = n;

  boost::json::object report;
  report["connections"] = tallies.size();
  report["connects"] = connects;
  report["duration_s"] = elapsed.count();  // a published field: scripts read it
  report["requests"] = all.size();
  report["errors"] = errors;
  // An integer: boost::json prints doubles in exponent form, awkward in tables.
  report["throughput_rps"] =
      elapsed.count() > 0
          ? static_cast<std::int64_t>(static_cast<double>(all.size()) / elapsed.count())
          : 0;
  report["latency_us"] = std::move(latency);
  report["status"] = std::move(status);
  return boost::json::serialize(report);
}

}  // namespace hubgate::bench

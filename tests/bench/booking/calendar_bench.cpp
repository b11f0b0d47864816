// How long a feed poll and a utilisation report take in our own code, without I/O: a feed
// of N bookings (with its VTIMEZONE), and a report over 52 weeks of a site's spaces.
#include <benchmark/benchmark.h>

#include "booking/calendar/ical_feed.hpp"
#include "booking/domain/utilisation.hpp"

namespace {

using namespace hubgate;
using namespace std::chrono_literals;

const domain::sys_seconds start{date::sys_days{date::year{2027} / 1 / 4}};

void feed_render(benchmark::State& state) {
  calendar::feed_document doc;
  doc.calendar_name = "Hubgate";
  doc.zone = date::locate_zone("Europe/Berlin");
  doc.range = {start, start + 24h * 30};
  for (int i = 0; i < state.range(0); ++i) {
    calendar::feed_event e;
    e.booking_id = "bk_" + std::to_string(100000 + i);
    e.summary = "Project meeting, room planning; sprint " + std::to_string(i);
    e.location = "Meeting room Elbe, Digital Innovation Hub";
    e.when = {start + 24h * (i % 300) + 9h, start + 24h * (i % 300) + 11h};
    e.created = start;
    e.last_modified = start;
    doc.events.push_back(std::move(e));
  }
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto text = calendar::render_feed(doc);
    bytes = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.counters["feed_bytes"] = static_cast<double>(bytes);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(feed_render)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMicrosecond);

void utilisation_year(benchmark::State& state) {
  domain::utilisation_input in;
  in.zone = date::locate_zone("Europe/Berlin");
  in.range = {start, start + 24h * 364};
  domain::weekly_hours hours;
  for (std::size_t d = 0; d < 5; ++d) hours.days[d].push_back({7h, 22h});
  const int spaces = static_cast<int>(state.range(0));
  for (int s = 0; s < spaces; ++s)
    in.spaces.push_back({"sp" + std::to_string(s),
                         "Space " + std::to_string(s),
                         s % 2 ? domain::space_kind::desk : domain::space_kind::room,
                         4,
                         hours,
                         {}});
  // Four bookings per space and working day.
  for (int day = 0; day < 364; ++day)
    for (int s = 0; s < spaces; ++s)
      for (int k = 0; k < 4; ++k) {
        domain::booking b;
        b.id = "b";
        b.space_id = in.spaces[static_cast<std::size_t>(s)].id;
        b.start = start + 24h * day + 8h + 3h * k;
        b.end = b.start + 2h;
        b.seats = 1 + k % 3;
        in.bookings.push_back(b);
      }
  for (auto _ : state) benchmark::DoNotOptimize(domain::compute_utilisation(in));
  state.counters["bookings"] = static_cast<double>(in.bookings.size());
}
BENCHMARK(utilisation_year)->Arg(10)->Arg(40)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

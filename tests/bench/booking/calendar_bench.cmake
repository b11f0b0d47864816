# Rendering a member's iCalendar feed and computing a year's utilisation report (pure code).
add_executable(calendar_bench ${CMAKE_CURRENT_LIST_DIR}/calendar_bench.cpp)
target_link_libraries(calendar_bench PRIVATE hubgate_booking_calendar hubgate_booking_domain
  benchmark::benchmark hubgate_warnings)

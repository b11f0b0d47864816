# Access-list derivation and per-board diffs at demo size and at 500 spaces / 2,000 users /
# 200,000 bookings (a plain main printing figures).
add_executable(bench_booking_derive ${CMAKE_CURRENT_LIST_DIR}/derive_bench.cpp)
target_link_libraries(bench_booking_derive PRIVATE hubgate_booking_controllers fmt::fmt
                      hubgate_warnings)

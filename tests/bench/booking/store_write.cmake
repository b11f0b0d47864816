# Durable booking inserts per second: through the store (group commit) and a raw-SQLite
# baseline doing the same conflict-checked insert. A plain main; not registered with ctest.
add_executable(bench_booking_store_write
  ${CMAKE_CURRENT_LIST_DIR}/store_write/bench_seed.cpp
  ${CMAKE_CURRENT_LIST_DIR}/store_write/raw_sqlite_writer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/store_write/store_write_bench.cpp)
target_include_directories(bench_booking_store_write PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/store_write)
target_link_libraries(bench_booking_store_write PRIVATE
  hubgate_booking_store SQLite::SQLite3 fmt::fmt Threads::Threads hubgate_warnings)

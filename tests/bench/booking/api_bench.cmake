# API throughput: seeds through the store library, drives the real binary over TLS.
add_executable(api_bench ${CMAKE_CURRENT_LIST_DIR}/api_bench.cpp)
target_link_libraries(api_bench PRIVATE hubgate_booking_store hubgate_booking_api
  hubgate_test_support Boost::json fmt::fmt Threads::Threads hubgate_warnings)
target_compile_definitions(api_bench PRIVATE HUBGATE_BOOKING_BIN="$<TARGET_FILE:hubgate-booking>"
  HUBGATE_LOAD_BIN="$<TARGET_FILE:hubgate-load>")
add_dependencies(api_bench hubgate-booking hubgate-load)

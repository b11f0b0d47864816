# HTTPS load tools: hubgate-load (N keep-alive TLS connections replaying a file of requests)
# and hubgate-bench-baseline-http (a bare Beast TLS server: the ceiling for the read path).
add_executable(hubgate-load ${CMAKE_CURRENT_LIST_DIR}/net/load_generator.cpp
                            ${CMAKE_CURRENT_LIST_DIR}/net/load_options.cpp
                            ${CMAKE_CURRENT_LIST_DIR}/net/latency_report.cpp)
target_include_directories(hubgate-load PRIVATE ${PROJECT_SOURCE_DIR})
target_link_libraries(hubgate-load PRIVATE hubgate_asio Boost::json fmt::fmt hubgate_warnings)

add_executable(hubgate-bench-baseline-http ${CMAKE_CURRENT_LIST_DIR}/net/baseline_server.cpp)
target_include_directories(hubgate-bench-baseline-http PRIVATE ${PROJECT_SOURCE_DIR})
target_link_libraries(hubgate-bench-baseline-http PRIVATE
  hubgate_asio hubgate_booking_pki hubgate_warnings)

# booking/net's own server with a fixed-answer handler, to compare against the baseline.
add_executable(hubgate-bench-net-server ${CMAKE_CURRENT_LIST_DIR}/net/net_server_bench.cpp)
target_link_libraries(hubgate-bench-net-server PRIVATE
  hubgate_booking_net hubgate_booking_pki hubgate_warnings)

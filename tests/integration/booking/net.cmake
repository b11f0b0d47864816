# booking/net against real TLS connections: in-process servers with a stub handler.
add_executable(integration_booking_net
  ${CMAKE_CURRENT_LIST_DIR}/net_test_server.cpp
  ${CMAKE_CURRENT_LIST_DIR}/net_http_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/net_limits_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/net_lifecycle_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/net_tls_test.cpp)
target_link_libraries(integration_booking_net PRIVATE
  hubgate_booking_net hubgate_https_client hubgate_booking_pki hubgate_protocol_log
  hubgate_test_support GTest::gtest_main OpenSSL::SSL Boost::json hubgate_warnings)
gtest_discover_tests(integration_booking_net DISCOVERY_MODE PRE_TEST
  PROPERTIES LABELS "integration" TIMEOUT 120)

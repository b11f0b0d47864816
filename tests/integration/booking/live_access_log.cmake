# The live access log (WebSocket on the main port) against the real hubgate-booking.
add_executable(integration_live_access_log ${CMAKE_CURRENT_LIST_DIR}/live_access_log_test.cpp)
target_link_libraries(integration_live_access_log PRIVATE integration_controllers_support
  GTest::gtest_main hubgate_warnings)
gtest_discover_tests(integration_live_access_log DISCOVERY_MODE PRE_TEST
  PROPERTIES LABELS "integration" TIMEOUT 600)

# Calendar feeds and utilisation reports against the real hubgate-booking binary.
add_executable(integration_calendar_feed ${CMAKE_CURRENT_LIST_DIR}/calendar_feed_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/calendar_report_test.cpp)
target_link_libraries(integration_calendar_feed PRIVATE integration_api_support date::date-tz
  GTest::gtest_main hubgate_warnings)
gtest_discover_tests(integration_calendar_feed DISCOVERY_MODE PRE_TEST
  PROPERTIES LABELS "integration" TIMEOUT 600)

# The HTTP API against the real hubgate-booking binary over HTTPS.
add_library(integration_api_support STATIC ${CMAKE_CURRENT_LIST_DIR}/api_service.cpp)
target_include_directories(integration_api_support PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(integration_api_support PUBLIC
  hubgate_https_client hubgate_test_support Boost::json GTest::gtest PRIVATE hubgate_warnings)
target_compile_definitions(integration_api_support PUBLIC
  HUBGATE_BOOKING_BIN="$<TARGET_FILE:hubgate-booking>")
add_dependencies(integration_api_support hubgate-booking)

foreach(_api_test IN ITEMS api_auth api_booking_edit api_cards api_cli api_demo api_sessions api_data_dir api_errors
    api_head api_routes api_race)
  add_executable(integration_${_api_test} ${CMAKE_CURRENT_LIST_DIR}/${_api_test}_test.cpp)
  target_link_libraries(integration_${_api_test} PRIVATE integration_api_support
    GTest::gtest_main hubgate_warnings)
  gtest_discover_tests(integration_${_api_test} DISCOVERY_MODE PRE_TEST
    PROPERTIES LABELS "integration" TIMEOUT 600)
endforeach()

# The door link (enrolment, the controller port, the stream) against the real hubgate-booking.
add_library(integration_controllers_support STATIC ${CMAKE_CURRENT_LIST_DIR}/controllers_link.cpp)
target_include_directories(integration_controllers_support PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(integration_controllers_support PUBLIC integration_api_support
  hubgate_https_client hubgate_booking_pki hubgate_protocol PRIVATE hubgate_warnings)

foreach(_controllers_test IN ITEMS controllers_enrolment controllers_stream
    controllers_door_settings)
  add_executable(integration_${_controllers_test} ${CMAKE_CURRENT_LIST_DIR}/${_controllers_test}_test.cpp)
  target_link_libraries(integration_${_controllers_test} PRIVATE integration_controllers_support
    GTest::gtest_main hubgate_warnings)
  gtest_discover_tests(integration_${_controllers_test} DISCOVERY_MODE PRE_TEST
    PROPERTIES LABELS "integration" TIMEOUT 600)
endforeach()

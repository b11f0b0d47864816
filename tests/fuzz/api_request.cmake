hubgate_add_fuzzer(api_request ${CMAKE_CURRENT_SOURCE_DIR}/api_request.cpp hubgate_booking_api)

hubgate_add_fuzzer(pn532_frame ${CMAKE_CURRENT_SOURCE_DIR}/pn532_frame.cpp hubgate_sim)

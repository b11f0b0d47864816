if(NOT HUBGATE_WITH_DOOR)
  return()  # the hardware twin is not built
endif()
hubgate_add_fuzzer(pn532_frame ${CMAKE_CURRENT_SOURCE_DIR}/pn532_frame.cpp hubgate_sim)

if(NOT HUBGATE_WITH_DOOR)
  return()  # the hardware twin is not built
endif()
hubgate_add_fuzzer(desfire_card ${CMAKE_CURRENT_SOURCE_DIR}/desfire_card.cpp hubgate_sim)

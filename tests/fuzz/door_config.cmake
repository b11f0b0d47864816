if(NOT HUBGATE_WITH_DOOR)
  return()  # the door controller is not built
endif()
hubgate_add_fuzzer(door_config ${CMAKE_CURRENT_SOURCE_DIR}/door_config.cpp hubgate_door)

hubgate_add_fuzzer(door_config ${CMAKE_CURRENT_SOURCE_DIR}/door_config.cpp hubgate_door)

# Build options, validated here so a typo fails at configure time with a clear message.
option(HUBGATE_BUILD_TESTS "Build unit, integration and end-to-end tests" ON)
option(HUBGATE_BUILD_BENCHMARKS "Build the benchmarks under tests/bench" ON)
option(HUBGATE_BUILD_FUZZERS "Build libFuzzer targets (needs clang)" OFF)
# OFF builds the booking service alone (preset booking-only), without libnfc, libgpiod,
# libsystemd or toml++: no door controller, no hardware twin, no board files, and none of the
# tests that run them.
option(HUBGATE_WITH_DOOR "Build the door controller, its hardware twin and board files" ON)
set(HUBGATE_SANITIZE "" CACHE STRING "Sanitizers: empty, 'address;undefined' or 'thread'")

set(_hubgate_allowed_sanitizers address undefined thread)
foreach(_s IN LISTS HUBGATE_SANITIZE)
  if(NOT _s IN_LIST _hubgate_allowed_sanitizers)
    message(FATAL_ERROR "HUBGATE_SANITIZE: unknown sanitizer '${_s}' (allowed: ${_hubgate_allowed_sanitizers})")
  endif()
endforeach()
if("thread" IN_LIST HUBGATE_SANITIZE AND "address" IN_LIST HUBGATE_SANITIZE)
  message(FATAL_ERROR "HUBGATE_SANITIZE: 'thread' cannot be combined with 'address'")
endif()

add_library(hubgate_warnings INTERFACE)
target_compile_options(hubgate_warnings INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)

if(HUBGATE_SANITIZE)
  list(JOIN HUBGATE_SANITIZE "," _hubgate_san)
  add_compile_options(-fsanitize=${_hubgate_san} -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=${_hubgate_san})
endif()

if(HUBGATE_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "HUBGATE_BUILD_FUZZERS needs clang (use the 'fuzz' preset)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

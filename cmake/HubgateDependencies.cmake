# Every dependency comes from Debian 12's packages; ./dev installs them.
find_package(Threads REQUIRED)
find_package(Boost 1.81.0 EXACT REQUIRED CONFIG COMPONENTS json url)
find_package(OpenSSL 3 REQUIRED)
find_package(ZLIB REQUIRED)  # the twin's DESFire CRC32
find_package(SQLite3 REQUIRED)
find_package(fmt REQUIRED)
find_package(PkgConfig REQUIRED)

# Howard Hinnant's date/tz, built by Debian against the system's tzdata (USE_OS_TZDB).
find_package(date REQUIRED CONFIG)

# Only the door controller talks to the reader, the GPIO chip and systemd and reads TOML.
if(HUBGATE_WITH_DOOR)
  pkg_check_modules(LIBNFC REQUIRED IMPORTED_TARGET libnfc)
  pkg_check_modules(LIBGPIOD REQUIRED IMPORTED_TARGET libgpiod)
  pkg_check_modules(LIBSYSTEMD REQUIRED IMPORTED_TARGET libsystemd)
  find_package(tomlplusplus REQUIRED CONFIG)
endif()

if(HUBGATE_BUILD_TESTS)
  find_package(GTest REQUIRED)
  # libfreefare drives the twin's DESFire card the way third-party card software would.
  if(HUBGATE_WITH_DOOR)
    pkg_check_modules(LIBFREEFARE REQUIRED IMPORTED_TARGET libfreefare)
  endif()
endif()
if(HUBGATE_BUILD_BENCHMARKS)
  find_package(benchmark REQUIRED)
endif()

// The service's data directory: password hashes, card data, the site keys and the CA live
// here, so it is the owner's alone whatever umask the service was started with.
#pragma once
#include <filesystem>
#include <system_error>

namespace hubgate::store {

// Sets the process umask to 0077 (every file the service creates from now on, the SQLite WAL
// and SHM included, is 0600), creates DATA_DIR when absent and makes it 0700, and narrows any
// existing entry below it that is open to group or others (a directory made by an older
// version under umask 022) to the owner's bits. Call once at start, before any other thread.
std::error_code prepare_data_dir(const std::filesystem::path& data_dir);

}  // namespace hubgate::store

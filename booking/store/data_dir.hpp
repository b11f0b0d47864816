// The service's data directory: password hashes, card data, the site keys and the CA live
// here, so it is the owner's alone whatever umask the service was started with.
#pragma once
#include <filesystem>
#include <system_error>

namespace hubgate::store {

// Creates DATA_DIR when absent and makes it 0700, and narrows each existing entry in it that is
// open to group or others (a file or folder made by an older version under umask 022) to the
// owner's bits. New files stay private only under umask 0077, which the service app sets
// before it calls this.
std::error_code prepare_data_dir(const std::filesystem::path& data_dir);

}  // namespace hubgate::store

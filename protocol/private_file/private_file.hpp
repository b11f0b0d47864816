// Writing a key or certificate file through a temporary file, fsync and rename, so a crash
// never leaves half of it; `mode` applies from creation on, whatever the umask, so a key is
// never readable by others, even briefly.
#pragma once
#include <filesystem>
#include <string_view>
#include <system_error>

namespace hubgate::protocol {

// An empty error code when `path` now holds `content` with `mode`.
std::error_code write_file_atomically(const std::filesystem::path& path, std::string_view content,
                                      unsigned mode);

}  // namespace hubgate::protocol

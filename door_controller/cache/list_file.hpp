// Access lists delivered as files (one signed snapshot envelope) for boards without the live
// link: the same checks as the link, so a file can be no more trusted than a message.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "door_controller/cache/cache_errc.hpp"
#include "door_controller/cache/loaded_list.hpp"
#include "protocol/keys.hpp"

namespace hubgate::door {

struct list_file_contents {
  loaded_list list;
  std::string envelope_text;  // hand this to local_store::save_list
};

// Refuses unreadable or oversized files (cache errors), and with protocol errors: garbage
// (malformed_json, ...), unsigned (missing_signature), tampered (bad_signature), another
// controller's list (foreign_controller), an older or already-seen one (stale_epoch,
// replayed_sequence), a delta (unexpected_type) and an invalid payload.
result<list_file_contents> load_list_file(const std::filesystem::path& path,
                                          const protocol::verify_key& key,
                                          std::string_view controller_id, std::uint64_t last_epoch,
                                          std::uint64_t last_sequence);

}  // namespace hubgate::door

// The rendered JSON of space lists, kept per filter and audience for as long as the catalogue
// copy they were rendered from is current. Rendering 500 spaces takes about 1.5 ms and every
// page of the UI asks for the list; a catalogue write makes a new copy and so empties this.
#pragma once
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace hubgate::api {

class space_list_cache {
 public:
  // The body kept for `key` if it was rendered from `version`, else what `render` returns
  // (kept for the next caller).
  std::shared_ptr<const std::string> get(const std::string& key,
                                         const std::shared_ptr<const void>& version,
                                         const std::function<std::string()>& render);

 private:
  static constexpr std::size_t max_bodies = 64;
  std::mutex mutex_;
  std::shared_ptr<const void> version_;  // held, so that its address cannot be reused
  std::unordered_map<std::string, std::shared_ptr<const std::string>> bodies_;
};

}  // namespace hubgate::api

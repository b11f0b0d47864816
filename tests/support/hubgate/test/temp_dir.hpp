// A fresh temporary directory, removed with its contents when the object goes away
// (kept when HUBGATE_KEEP_TEST_DIRS is set, for post-mortems).
#pragma once
#include <filesystem>
#include <string>

namespace hubgate::test {

class temp_dir {
 public:
  explicit temp_dir(const std::string& prefix = "hubgate-test");
  ~temp_dir();
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace hubgate::test

// The service's data directory is the owner's alone, even when the service is started under a
// permissive umask: password hashes, card data, keys and the CA live there.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "api_service.hpp"

namespace hubgate::test {
namespace {

namespace fs = std::filesystem;

constexpr fs::perms open_to_others = fs::perms::group_all | fs::perms::others_all;

// The child inherits the umask at start; the old one is back once the service runs.
class permissive_umask {
 public:
  permissive_umask() : saved_(::umask(0)) {}
  ~permissive_umask() { ::umask(saved_); }
  permissive_umask(const permissive_umask&) = delete;
  permissive_umask& operator=(const permissive_umask&) = delete;

 private:
  mode_t saved_;
};

TEST(api_data_dir, is_0700_with_every_file_0600_under_umask_0) {
  std::optional<api_service> svc;
  {
    permissive_umask open;
    svc.emplace();
  }
  auto admin = svc->admin();  // a write through the API: the WAL is in use
  ASSERT_EQ(svc->call("GET", "/api/v1/users/me", &admin).status, 200);
  const fs::path data = svc->data_dir();
  EXPECT_EQ(fs::status(data).permissions(), fs::perms::owner_all);
  ASSERT_TRUE(fs::exists(data / "hubgate.db"));
  ASSERT_TRUE(fs::exists(data / "hubgate.db-wal"));
  ASSERT_TRUE(fs::exists(data / "tls" / "ca.key"));
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(data)) {
    EXPECT_EQ(entry.status().permissions() & open_to_others, fs::perms::none) << entry.path();
    if (entry.is_regular_file()) ++files;
  }
  EXPECT_GE(files, 6);  // the store and its WAL and SHM, the CA and server key pairs, the list key
}

}  // namespace
}  // namespace hubgate::test

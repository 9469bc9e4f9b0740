#include "store/output_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "model/error.h"
#include "store/audit_head.h"
#include "store/store_key.h"

namespace uncounted::store {
namespace {

namespace fs = std::filesystem;

// PATH made absolute with its folder's links resolved, so that "./s.db",
// "dir/../s.db" and a link to the folder all name the same file.
fs::path resolved(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? fs::absolute(path) : p;
}

bool same_file(const fs::path& a, const fs::path& b) {
  if (a == b) return true;
  std::error_code ec;
  return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

}  // namespace

void check_output_path(const std::string& path, const std::string& store_path, bool force,
                       const std::string& option) {
  if (path.empty()) throw usage_error(option + " needs a file name", option);
  const fs::path out = resolved(path);
  if (!store_path.empty()) {
    for (const std::string& side :
         {store_path, key_file_path(store_path), audit_head_path(store_path),
          store_path + "-journal", store_path + "-wal", store_path + "-shm"}) {
      if (same_file(out, resolved(side))) {
        throw usage_error(option + " names the store or one of its files; nothing was written",
                          path);
      }
    }
  }
  std::error_code ec;
  if (fs::is_directory(out, ec)) throw usage_error(option + " names a folder", path);
  if (!force && fs::exists(out, ec)) {
    throw usage_error(
        option + " names a file that exists; nothing was written (--force replaces it)", path);
  }
}

}  // namespace uncounted::store

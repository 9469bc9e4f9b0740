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

OutputFile::OutputFile(std::string path) : path_(std::move(path)) {
  static std::atomic<unsigned> counter{0};
  temporary_ = path_ + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  // Owner-only from the start: the content may hold names.
  const int fd = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) throw runtime_error("cannot write the file", path_);
  ::close(fd);
  out_.open(temporary_, std::ios::binary | std::ios::trunc);
  if (!out_) {
    std::remove(temporary_.c_str());
    throw runtime_error("cannot write the file", path_);
  }
}

OutputFile::~OutputFile() {
  if (!committed_) {
    out_.close();
    std::remove(temporary_.c_str());
  }
}

void OutputFile::commit() {
  out_.flush();
  out_.close();
  if (!out_) throw runtime_error("writing the file failed", path_);
  // On the disk before it takes the name, and the name on the disk before
  // commit returns: a power loss leaves the old file or the new, whole.
  const int fd = ::open(temporary_.c_str(), O_RDONLY);
  if (fd < 0 || ::fsync(fd) != 0) {
    if (fd >= 0) ::close(fd);
    throw runtime_error("writing the file failed", path_);
  }
  ::close(fd);
  std::error_code ec;
  fs::rename(temporary_, path_, ec);
  if (ec) throw runtime_error("cannot put the file in place", path_);
  committed_ = true;
  const fs::path folder = fs::path(path_).parent_path();
  const int dir = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

}  // namespace uncounted::store

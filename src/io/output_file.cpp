#include "io/output_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "model/error.h"

namespace uncounted::io {

namespace fs = std::filesystem;

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

}  // namespace uncounted::io

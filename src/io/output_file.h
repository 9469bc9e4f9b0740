#pragma once
// A file written whole or not at all: the content goes to a temporary file
// in the same folder (owner-only from its creation: it may hold names), is
// synced, and is renamed over the path only when complete; the folder is
// synced after. A failure, or an OutputFile destroyed uncommitted, leaves
// whatever was at the path untouched and no temporary file behind.
//
//   io::OutputFile file(path);
//   write(file.stream());
//   file.commit();
//
// Errors are uncounted::Error (runtime_error) naming the path, never the
// content. Which paths a command may write is store/output_file.h's rule.

#include <fstream>
#include <string>

namespace uncounted::io {

class OutputFile {
 public:
  explicit OutputFile(std::string path);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::ostream& stream() { return out_; }
  // Flushes, closes and renames the temporary file over the path.
  void commit();

 private:
  std::string path_, temporary_;
  std::ofstream out_;
  bool committed_ = false;
};

}  // namespace uncounted::io

#pragma once
// Progress on standard error for work that can take more than a second or
// two: a redrawn bar on a terminal, nothing otherwise (logs stay clean).

#include <chrono>
#include <cstddef>
#include <string>

namespace uncounted::cli {

class Progress {
 public:
  explicit Progress(std::string label);
  ~Progress();  // ends the line
  // DONE out of TOTAL units (bytes, rows, iterations).
  void update(std::size_t done, std::size_t total);

 private:
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace uncounted::cli

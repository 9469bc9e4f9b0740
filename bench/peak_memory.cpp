#include "peak_memory.h"

#include <sys/resource.h>

namespace uncounted::bench {

double peak_memory_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

}  // namespace uncounted::bench

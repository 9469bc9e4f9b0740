#pragma once
// Peak resident memory of this process, for the benchmarks' reports.

namespace uncounted::bench {

// Peak resident set size of the calling process so far, in mebibytes.
double peak_memory_mib();

}  // namespace uncounted::bench

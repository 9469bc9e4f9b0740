#pragma once
// Work sharing across cores: ITEMS work items handed out one at a time from
// an atomic counter to THREADS std::threads (the calling thread is one of
// them), so uneven items (blocks of very different sizes) balance out.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace uncounted::model {

// The number of threads to use: hardware_concurrency, at least 1.
inline int default_thread_count() {
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

// Calls WORK(item, thread) for every item in [0, ITEMS), each exactly once,
// on THREADS threads; THREAD is 0..THREADS-1 (for per-thread buffers). The
// first exception thrown by WORK is rethrown here after all threads stop.
template <typename Work>
void parallel_for(std::size_t items, int threads, Work&& work) {
  threads = std::max(1, std::min<int>(threads, static_cast<int>(std::max<std::size_t>(items, 1))));
  std::atomic<std::size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto run = [&](int thread) {
    try {
      for (std::size_t item = next++; item < items; item = next++) work(item, thread);
    } catch (...) {
      std::lock_guard lock(error_mutex);
      if (!error) error = std::current_exception();
      next = items;
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(run, t);
  run(0);
  for (std::thread& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace uncounted::model

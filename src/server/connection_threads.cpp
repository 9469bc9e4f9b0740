#include "server/connection_threads.h"

#include <algorithm>

namespace uncounted::server {

ConnectionThreads::ConnectionThreads(int max_connections)
    : max_threads_(static_cast<std::size_t>(std::max(4, max_connections))) {}

ConnectionThreads::~ConnectionThreads() { shutdown(); }

void ConnectionThreads::enqueue(std::function<void()> connection) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    waiting_.push_back(std::move(connection));
    // A thread for it unless one is idle (or the cap is reached: it waits).
    if (idle_ < waiting_.size() && threads_.size() < max_threads_) {
      threads_.emplace_back([this] { work(); });
    }
  }
  wake_.notify_one();
}

void ConnectionThreads::work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    ++idle_;
    wake_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
    --idle_;
    if (waiting_.empty()) return;  // stopping, nothing left
    std::function<void()> connection = std::move(waiting_.front());
    waiting_.pop_front();
    lock.unlock();
    connection();
    lock.lock();
  }
}

void ConnectionThreads::shutdown() {
  std::vector<std::thread> threads;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    threads.swap(threads_);
  }
  wake_.notify_all();
  for (std::thread& t : threads) t.join();
}

}  // namespace uncounted::server

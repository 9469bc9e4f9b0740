#pragma once
// How the web server runs its connections: each open connection has a
// thread of its own, started when it is accepted, up to a cap; past the cap,
// new connections wait for one to close.
//
// A fixed pool of threads (cpp-httplib's ThreadPool) is what a slow client
// exhausts: a connection that sends its request headers a byte every few
// seconds holds a thread for as long as it likes, and 70 of them left 64
// threads busy and the health check unanswered for 40 s. Here a slow
// connection holds one thread of hundreds, idle in poll(), so the others are
// served; the per-read timeout (10 s) closes a connection that stops
// sending altogether. What remains: more slow connections than the cap. A
// server that faces the internet belongs behind a reverse proxy that
// buffers whole requests (docs/web.md).

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "server/http.h"

namespace uncounted::server {

class ConnectionThreads : public httplib::TaskQueue {
 public:
  // At most MAX_CONNECTIONS served at once (at least 4).
  explicit ConnectionThreads(int max_connections);
  ~ConnectionThreads() override;
  ConnectionThreads(const ConnectionThreads&) = delete;
  ConnectionThreads& operator=(const ConnectionThreads&) = delete;

  void enqueue(std::function<void()> connection) override;
  // Serves what was accepted, then joins every thread.
  void shutdown() override;

 private:
  void work();

  const std::size_t max_threads_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> waiting_;
  std::vector<std::thread> threads_;
  std::size_t idle_ = 0;
  bool stopping_ = false;
};

}  // namespace uncounted::server

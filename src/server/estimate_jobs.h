#pragma once
// Estimates that run behind the request (POST /api/estimates with
// "background": true): the dashboard polls a job for its progress (plausible
// linkages estimated of all) and its result, and can cancel it. A job
// belongs to the user who started it; nobody else sees it. Cancelling takes
// effect when the linkage being estimated finishes. The server's end
// cancels every job and waits for them.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace uncounted::server {

struct EstimateJob {
  std::int64_t id = 0;
  std::string user;
  std::chrono::steady_clock::time_point started;
  std::atomic<int> done{0}, total{0};
  std::atomic<bool> cancel{false};
  // Set once, when the job ends (guarded by EstimateJobs' mutex).
  std::string state = "running";  // running, done, failed, cancelled
  nlohmann::json result;
  std::string error;
  int error_status = 0;
};

// What a job computes: reports progress through PROGRESS(done, total), which
// throws to stop it once the job is cancelled.
using EstimateWork =
    std::function<nlohmann::json(const std::function<void(int done, int total)>& progress)>;

class EstimateJobs {
 public:
  EstimateJobs() = default;
  EstimateJobs(const EstimateJobs&) = delete;
  EstimateJobs& operator=(const EstimateJobs&) = delete;
  ~EstimateJobs();

  // Starts WORK for USER; returns the job's id. At most kMostRunning jobs
  // run at once (409 beyond); finished jobs are kept for kKeepFinished.
  std::int64_t start(const std::string& user, EstimateWork work);
  // The job's state as JSON for USER; nullopt when it is not USER's or gone.
  std::optional<nlohmann::json> status(const std::string& user, std::int64_t id);
  // Asks USER's job ID to stop; false when there is no such job.
  bool cancel(const std::string& user, std::int64_t id);

  static constexpr int kMostRunning = 2;
  static constexpr std::chrono::minutes kKeepFinished{10};

 private:
  void forget_old();
  std::mutex mutex_;
  std::int64_t next_id_ = 1;
  std::map<std::int64_t, std::shared_ptr<EstimateJob>> jobs_;
  std::map<std::int64_t, std::thread> threads_;
  std::map<std::int64_t, std::chrono::steady_clock::time_point> finished_at_;
};

}  // namespace uncounted::server

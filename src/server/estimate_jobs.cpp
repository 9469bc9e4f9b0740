#include "server/estimate_jobs.h"

#include <algorithm>
#include <cmath>

#include "model/error.h"
#include "server/http_error.h"

namespace uncounted::server {
namespace {

// Thrown by a cancelled job's progress callback; stops the estimators at
// the next linkage (model::parallel_for stops handing out work on a throw).
struct Cancelled {};

}  // namespace

EstimateJobs::~EstimateJobs() {
  std::map<std::int64_t, std::thread> threads;
  {
    std::lock_guard lock(mutex_);
    for (auto& [id, job] : jobs_) job->cancel = true;
    threads.swap(threads_);
  }
  for (auto& [id, t] : threads) t.join();
}

void EstimateJobs::forget_old() {
  const auto now = std::chrono::steady_clock::now();
  for (auto it = finished_at_.begin(); it != finished_at_.end();) {
    if (now - it->second > kKeepFinished) {
      jobs_.erase(it->first);
      // Finished: its thread only returns, without the lock.
      if (auto t = threads_.find(it->first); t != threads_.end()) {
        t->second.join();
        threads_.erase(t);
      }
      it = finished_at_.erase(it);
    } else {
      ++it;
    }
  }
}

std::int64_t EstimateJobs::start(const std::string& user, EstimateWork work) {
  auto job = std::make_shared<EstimateJob>();
  job->user = user;
  job->started = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(mutex_);
    forget_old();
    const auto running = std::count_if(jobs_.begin(), jobs_.end(),
                                       [](const auto& j) { return j.second->state == "running"; });
    if (running >= kMostRunning) {
      throw HttpError(409, "two estimates are already running; wait for one or cancel it");
    }
    job->id = next_id_++;
    jobs_[job->id] = job;
    threads_[job->id] = std::thread([this, job, work = std::move(work)] {
      nlohmann::json result;
      std::string state = "done", error;
      int error_status = 0;
      try {
        result = work([&job](int done, int total) {
          job->done = done;
          job->total = total;
          if (job->cancel) throw Cancelled{};
        });
        if (job->cancel) state = "cancelled";
      } catch (const Cancelled&) {
        state = "cancelled";
      } catch (const HttpError& e) {
        state = "failed", error = e.what(), error_status = e.status();
      } catch (const Error& e) {
        state = "failed", error = e.one_line(), error_status = http_status(e);
      } catch (const std::exception&) {
        state = "failed", error = "the estimate failed", error_status = 500;
      }
      std::lock_guard done_lock(mutex_);
      job->state = state;
      job->result = std::move(result);
      job->error = error;
      job->error_status = error_status;
      finished_at_[job->id] = std::chrono::steady_clock::now();
    });
  }
  return job->id;
}

std::optional<nlohmann::json> EstimateJobs::status(const std::string& user, std::int64_t id) {
  std::lock_guard lock(mutex_);
  const auto it = jobs_.find(id);
  if (it == jobs_.end() || it->second->user != user) return std::nullopt;
  const EstimateJob& job = *it->second;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - job.started).count();
  nlohmann::json out = {{"job", job.id},
                        {"state", job.state},
                        {"done", job.done.load()},
                        {"total", job.total.load()},
                        {"seconds", std::round(seconds * 10) / 10}};
  if (job.state == "done") out["result"] = job.result;
  if (job.state == "failed") out["error"] = job.error;
  return out;
}

bool EstimateJobs::cancel(const std::string& user, std::int64_t id) {
  std::lock_guard lock(mutex_);
  const auto it = jobs_.find(id);
  if (it == jobs_.end() || it->second->user != user) return false;
  it->second->cancel = true;
  return true;
}

}  // namespace uncounted::server

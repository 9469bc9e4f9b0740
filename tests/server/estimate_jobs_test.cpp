// Background estimates: a job answers 202 at once, is polled to its end
// (here a failure: the store has no linkage, said as the synchronous call
// says it), belongs to whoever started it, and unknown jobs are 404.

#include <thread>

#include "server_fixture.h"

namespace uncounted::server::testing {
namespace {

class EstimateJobsTest : public ServerFixture {};

TEST_F(EstimateJobsTest, AJobIsPolledToItsEndAndStaysItsOwners) {
  const Caller ana = login("ana");
  auto sync = call("POST", "/api/estimates", ana, R"({"method":"loglinear"})");
  ASSERT_TRUE(sync);
  ASSERT_EQ(sync->status, 400) << sync->body;
  const std::string reason = nlohmann::json::parse(sync->body)["error"];

  auto started = call("POST", "/api/estimates", ana, R"({"method":"loglinear","background":true})");
  ASSERT_TRUE(started);
  ASSERT_EQ(started->status, 202) << started->body;
  const std::int64_t job = nlohmann::json::parse(started->body)["job"];
  nlohmann::json state;
  for (int i = 0; i < 200; ++i) {
    auto r = call("GET", "/api/estimates/" + std::to_string(job), ana);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    state = nlohmann::json::parse(r->body);
    if (state["state"] != "running") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(state["state"], "failed");
  EXPECT_EQ(state["error"], reason) << "the job says what the synchronous call says";
  // Invalid requests are refused before any job starts.
  auto invalid = call("POST", "/api/estimates", ana, R"({"iterations":5,"background":true})");
  ASSERT_TRUE(invalid);
  EXPECT_EQ(invalid->status, 400);
  EXPECT_EQ(call("GET", "/api/estimates/999", ana)->status, 404);
  // Another analyst does not see it, nor cancel it.
  store::add_user(store_->db(), "ana2", Role::kAnalyst, kPassword, "test");
  const Caller other = login("ana2");
  EXPECT_EQ(call("GET", "/api/estimates/" + std::to_string(job), other)->status, 404);
  EXPECT_EQ(call("DELETE", "/api/estimates/" + std::to_string(job), other)->status, 404);
  EXPECT_EQ(call("DELETE", "/api/estimates/999", ana)->status, 404);
  EXPECT_EQ(call("DELETE", "/api/estimates/" + std::to_string(job), ana)->status, 200);
}

}  // namespace
}  // namespace uncounted::server::testing

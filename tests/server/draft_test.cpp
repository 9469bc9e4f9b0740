// Testimony drafts: one per user, private to that user, kept in the
// encrypted store across a restart of the server, gone once discarded.

#include "server_fixture.h"

namespace uncounted::server::testing {
namespace {

using DraftTest = ServerFixture;

TEST_F(DraftTest, SurvivesARestartAndStaysWithItsUser) {
  const Caller doc = login("doc");
  const nlohmann::json draft = {{"source", "NKDB"},
                                {"people", {{{"ref", "p1"}, {"name", "박영철"}}}}};
  auto r = call("PUT", "/api/draft", doc, nlohmann::json{{"draft", draft}}.dump());
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;

  // Another documenter sees no draft of theirs.
  store::add_user(store_->db(), "doc2", Role::kDocumenter, kPassword, "test");
  const Caller other = login("doc2");
  r = call("GET", "/api/draft", other);
  ASSERT_TRUE(r);
  EXPECT_TRUE(nlohmann::json::parse(r->body)["draft"].is_null()) << r->body;

  // The server stops (sessions end with it) and starts again on the store.
  stop_server();
  start_server();
  const Caller again = login("doc");
  r = call("GET", "/api/draft", again);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(nlohmann::json::parse(r->body)["draft"], draft);

  r = call("DELETE", "/api/draft", again);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  r = call("GET", "/api/draft", again);
  ASSERT_TRUE(r);
  EXPECT_TRUE(nlohmann::json::parse(r->body)["draft"].is_null()) << r->body;
  EXPECT_EQ(count("drafts"), 0);
}

TEST_F(DraftTest, OnlyDocumentersHaveDrafts) {
  const Caller ana = login("ana");
  auto r = call("PUT", "/api/draft", ana, R"({"draft": {"source": "X"}})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403) << r->body;
  EXPECT_EQ(count("drafts"), 0);
}

}  // namespace
}  // namespace uncounted::server::testing

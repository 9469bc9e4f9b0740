// The analyst's pseudonymized view is kept between pages (it reads every
// record) and made again once the store changes: a new testimony shows on
// the next page asked for.

#include "server_fixture.h"

namespace uncounted::server::testing {
namespace {

class PseudonymizedTest : public ServerFixture {};

TEST_F(PseudonymizedTest, PagesFollowTheStoreAsItChanges) {
  const Caller ana = login("ana");
  const Caller doc = login("doc");
  auto total = [&] {
    auto r = call("GET", "/api/records/pseudonymized?limit=5", ana);
    EXPECT_TRUE(r);
    EXPECT_EQ(r->status, 200) << r->body;
    return nlohmann::json::parse(r->body)["total"].get<std::int64_t>();
  };
  const std::int64_t before = total();
  EXPECT_EQ(total(), before) << "the same view, asked twice";
  auto created = call("POST", "/api/testimonies", doc, sample_testimony().dump());
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  const std::int64_t records = nlohmann::json::parse(created->body)["records"];
  ASSERT_GT(records, 0);
  EXPECT_EQ(total(), before + records) << "a stale view after a write";
  // A second testimony, under an id the server gives.
  nlohmann::json second = sample_testimony("Kim Yong Su");
  second.erase("testimony_id");
  ASSERT_EQ(call("POST", "/api/testimonies", doc, second.dump())->status, 201);
  EXPECT_EQ(total(), before + 2 * records);
  // Pages of one view do not overlap.
  auto page = [&](int offset) {
    auto r =
        call("GET", "/api/records/pseudonymized?limit=1&offset=" + std::to_string(offset), ana);
    EXPECT_TRUE(r);
    return nlohmann::json::parse(r->body)["records"];
  };
  EXPECT_NE(page(0), page(1));
}

}  // namespace
}  // namespace uncounted::server::testing

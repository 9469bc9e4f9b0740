#include "store/store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "model/error.h"
#include "store/audit_log.h"
#include "store/migrations.h"
#include "store/pseudonym.h"
#include "store/record_table.h"

namespace uncounted::store {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("uncounted-store-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "s.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::string path_;
};

Record sample(const std::string& id) {
  Record r;
  r.source = "T";
  r.record_id = id;
  r.name = "이순희";
  r.event = "arrest";
  r.extra = {{"col", "v"}};
  return r;
}

TEST_F(StoreTest, CreateOpenAndWrongPassphrase) {
  Store::create(path_, "pass one");
  auto store = Store::open(path_, "pass one");
  EXPECT_EQ(store->schema_version(), current_schema_version());
  EXPECT_EQ(store->store_id().size(), 32u);
  try {
    Store::open(path_, "pass two");
    FAIL() << "wrong passphrase accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kDenied);
  }
  EXPECT_THROW(Store::create(path_, "again"), Error);
}

TEST_F(StoreTest, UpsertInsertsUpdatesAndRecognisesNoOps) {
  Store::create(path_, "p");
  auto store = Store::open(path_, "p");
  RecordWriter writer(store->db());
  std::int64_t id1 = 0, id2 = 0;
  EXPECT_EQ(writer.upsert(sample("1"), id1), UpsertOutcome::kInserted);
  EXPECT_EQ(writer.upsert(sample("1"), id2), UpsertOutcome::kUnchanged);
  EXPECT_EQ(id1, id2);
  Record changed = sample("1");
  changed.birth_year = "1970";
  EXPECT_EQ(writer.upsert(changed, id2), UpsertOutcome::kUpdated);
  EXPECT_EQ(id1, id2);
  EXPECT_EQ(count_records(store->db()), 1);
  auto back = find_record(store->db(), id1);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->record.birth_year, "1970");
  EXPECT_EQ(back->record.name, "이순희");
  ASSERT_EQ(back->record.extra.size(), 1u);
  EXPECT_EQ(back->record.extra[0].second, "v");
}

TEST_F(StoreTest, AuditChainDetectsTampering) {
  Store::create(path_, "p");
  auto store = Store::open(path_, "p");
  for (int i = 0; i < 5; ++i) {
    Transaction tx(store->db());
    append_audit(store->db(), AuditEntry{"tester", "import", compress_id_ranges({1, 2, 3, 7}),
                                         "{\"n\":" + std::to_string(i) + "}"});
    tx.commit();
  }
  AuditVerification ok = verify_audit(store->db());
  EXPECT_EQ(ok.entries, 6);  // init + 5
  EXPECT_FALSE(ok.first_broken.has_value());

  store->db().exec("UPDATE audit_log SET actor = 'mallory' WHERE seq = 4");
  AuditVerification edited = verify_audit(store->db());
  ASSERT_TRUE(edited.first_broken.has_value());
  EXPECT_EQ(*edited.first_broken, 4);

  store->db().exec("UPDATE audit_log SET actor = 'tester' WHERE seq = 4");
  EXPECT_FALSE(verify_audit(store->db()).first_broken.has_value());
  store->db().exec("DELETE FROM audit_log WHERE seq = 3");
  AuditVerification deleted = verify_audit(store->db());
  ASSERT_TRUE(deleted.first_broken.has_value());
  EXPECT_EQ(*deleted.first_broken, 4);
}

TEST(IdRanges, CompressesRuns) {
  EXPECT_EQ(compress_id_ranges({5, 1, 2, 3, 9, 10}), "[[1,3],[5,5],[9,10]]");
  EXPECT_EQ(compress_id_ranges({}), "[]");
}

TEST(Pseudonym, StableKeyedAndSeparatedByKind) {
  std::array<unsigned char, 32> k1{}, k2{};
  k2[0] = 1;
  Pseudonymizer a(k1), b(k1), c(k2);
  EXPECT_EQ(a.pseudonym("record", "X\0001"), b.pseudonym("record", "X\0001"));
  EXPECT_NE(a.pseudonym("record", "X1"), c.pseudonym("record", "X1"));
  EXPECT_NE(a.pseudonym("record", "X1"), a.pseudonym("entity", "X1"));
  EXPECT_EQ(a.pseudonym("record", "X1").size(), 2u + 32u);
}

// A store written by schema version 1 (tests/store/fixtures/v1.db, made by
// this version's 'uncounted init' + 'import' with passphrase "fixture")
// must open, migrate and read in every later version.
TEST(Migration, Version1StoreOpensInThisVersion) {
  const std::filesystem::path fixtures =
      std::filesystem::path(UNCOUNTED_SOURCE_DIR) / "tests/store/fixtures";
  const auto dir = std::filesystem::temp_directory_path() /
                   ("uncounted-migration-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(fixtures / "v1.db", dir / "v1.db");
  std::filesystem::copy_file(fixtures / "v1.db.salt", dir / "v1.db.salt");
  {
    auto store = Store::open((dir / "v1.db").string(), "fixture");
    EXPECT_EQ(store->schema_version(), current_schema_version());
    EXPECT_EQ(count_records(store->db()), 4);
    EXPECT_FALSE(verify_audit(store->db()).first_broken.has_value());
    EXPECT_TRUE(store->check_integrity().empty());
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace uncounted::store

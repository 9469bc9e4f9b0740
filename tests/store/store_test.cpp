#include "store/store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "model/error.h"
#include "store/audit_log.h"
#include "store/match_decision_table.h"
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

// A pair decided before is refused unless the caller says replace, and the
// refusal writes nothing: the decision, its actor and the audit log stay.
TEST_F(StoreTest, ADecidedPairIsDecidedAgainOnlyWhenReplaced) {
  Store::create(path_, "p");
  auto store = Store::open(path_, "p");
  RecordWriter writer(store->db());
  std::int64_t a = 0, b = 0;
  writer.upsert(sample("1"), a);
  writer.upsert(sample("2"), b);
  record_decision(store->db(), b, a, Decision::kNonMatch, "rev1", false);
  const std::int64_t entries = verify_audit(store->db()).entries;
  try {
    record_decision(store->db(), a, b, Decision::kMatch, "rev2", false);
    FAIL() << "a decided pair was overwritten without replace";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kConflict);
    EXPECT_NE(std::string(e.what()).find("non_match by rev1"), std::string::npos) << e.what();
  }
  EXPECT_EQ(verify_audit(store->db()).entries, entries);
  EXPECT_EQ(find_decision(store->db(), a, b)->decision, Decision::kNonMatch);
  record_decision(store->db(), a, b, Decision::kMatch, "rev2", true);
  const std::optional<MatchDecision> now = find_decision(store->db(), a, b);
  EXPECT_EQ(now->decision, Decision::kMatch);
  EXPECT_EQ(now->actor, "rev2");
  EXPECT_EQ(verify_audit(store->db()).entries, entries + 1);
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

// A store with the init entry and five imports, each in its own
// transaction, as the program writes them.
void append_five(Store& store) {
  for (int i = 0; i < 5; ++i) {
    Transaction tx(store.db());
    append_audit(store.db(),
                 AuditEntry{"tester", "import", "[]", "{\"n\":" + std::to_string(i) + "}"});
    tx.commit();
  }
}

// Renumbers and re-chains the log from entry FROM on, as someone holding
// the passphrase could with sqlcipher: the chain verifies again.
void rechain(Database& db, std::int64_t from) {
  std::string prev = audit_entry_hash(db, from - 1);
  std::vector<std::pair<std::int64_t, AuditEntry>> rest;
  std::vector<std::string> times;
  {
    Statement s = db.prepare(
        "SELECT seq, at, actor, action, ids, details FROM audit_log WHERE seq >= ? ORDER BY seq");
    s.bind(1, from);
    while (s.step()) {
      rest.push_back({s.column_int(0), AuditEntry{s.column_text(2), s.column_text(3),
                                                  s.column_text(4), s.column_text(5)}});
      times.push_back(s.column_text(1));
    }
  }
  std::int64_t seq = from;
  for (std::size_t i = 0; i < rest.size(); ++i, ++seq) {
    const std::string hash = chain_hash(prev, seq, times[i], rest[i].second);
    Statement u = db.prepare("UPDATE audit_log SET seq = ?, prev_hash = ?, hash = ? WHERE seq = ?");
    u.bind(1, seq).bind(2, std::string_view(prev)).bind(3, std::string_view(hash));
    u.bind(4, rest[i].first);
    u.run();
    prev = hash;
  }
}

std::string broken_reason(Store& store) {
  const AuditVerification v = verify_audit(store.db());
  return v.first_broken ? v.reason : std::string();
}

TEST_F(StoreTest, AuditHeadDetectsATruncatedTail) {
  Store::create(path_, "p");
  auto store = Store::open(path_, "p");
  append_five(*store);
  EXPECT_EQ(broken_reason(*store), "");
  EXPECT_EQ(verify_audit(store->db()).head.seq, 6);
  store->db().exec("DELETE FROM audit_log WHERE seq = 6");
  EXPECT_NE(broken_reason(*store).find("removed from the end"), std::string::npos)
      << broken_reason(*store);
  // A write over the evidence is refused, and writes nothing.
  EXPECT_THROW(append_audit(store->db(), AuditEntry{"mallory", "import", "[]", "{}"}), Error);
  EXPECT_EQ(last_audit_entry(store->db()).seq, 5);
}

TEST_F(StoreTest, AuditHeadDetectsAnEmptiedLog) {
  Store::create(path_, "p");
  auto store = Store::open(path_, "p");
  append_five(*store);
  store->db().exec("DELETE FROM audit_log");
  EXPECT_NE(broken_reason(*store).find("removed from the end"), std::string::npos);
}

TEST_F(StoreTest, AuditHeadDetectsARechainedLog) {
  Store::create(path_, "p");
  auto store = Store::open(path_, "p");
  append_five(*store);
  // Entry 3 (say, a full export) removed and the rest chained again: the
  // chain alone would call this intact.
  store->db().exec("DELETE FROM audit_log WHERE seq = 3");
  rechain(store->db(), 3);
  EXPECT_NE(broken_reason(*store).find("removed from the end"), std::string::npos);
  // The same count of entries, one of them rewritten and all re-chained.
  Store::create((dir_ / "t.db").string(), "p");
  auto other = Store::open((dir_ / "t.db").string(), "p");
  append_five(*other);
  other->db().exec("UPDATE audit_log SET details = '{}' WHERE seq = 3");
  rechain(other->db(), 3);
  EXPECT_NE(broken_reason(*other).find("rewritten"), std::string::npos) << broken_reason(*other);
}

TEST_F(StoreTest, AuditHeadAlteredOrMissingIsCaught) {
  Store::create(path_, "p");
  auto store = Store::open(path_, "p");
  append_five(*store);
  const std::string head_path = audit_head_path(path_);
  std::string text;
  {
    std::ifstream in(head_path);
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  // A head claiming an earlier end, to hide a truncation: its MAC fails.
  std::string forged = text;
  const std::size_t at = forged.find("\"seq\": 6");
  ASSERT_NE(at, std::string::npos) << text;
  forged.replace(at, 9, "\"seq\": 5");
  std::ofstream(head_path, std::ios::trunc) << forged;
  EXPECT_NE(broken_reason(*store).find("altered"), std::string::npos) << broken_reason(*store);
  EXPECT_THROW(append_audit(store->db(), AuditEntry{"mallory", "import", "[]", "{}"}), Error);
  std::filesystem::remove(head_path);
  EXPECT_NE(broken_reason(*store).find("missing"), std::string::npos);
  EXPECT_THROW(append_audit(store->db(), AuditEntry{"mallory", "import", "[]", "{}"}), Error);
  // Put back, all is well again.
  std::ofstream(head_path, std::ios::trunc) << text;
  EXPECT_EQ(broken_reason(*store), "");
}

TEST_F(StoreTest, AuditHeadSurvivesAWriteThatNeverCommitted) {
  Store::create(path_, "p");
  auto store = Store::open(path_, "p");
  append_five(*store);
  {
    // Killed before COMMIT: the head names the entry as pending only.
    Transaction tx(store->db());
    append_audit(store->db(), AuditEntry{"tester", "import", "[]", "{\"first\":1}"});
    append_audit(store->db(), AuditEntry{"tester", "import", "[]", "{\"second\":1}"});
  }
  EXPECT_EQ(last_audit_entry(store->db()).seq, 6);
  EXPECT_EQ(broken_reason(*store), "");
  append_five(*store);
  EXPECT_EQ(broken_reason(*store), "");
  EXPECT_EQ(verify_audit(store->db()).head.seq, 11);
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

// Plausible linkages drawn from a store's scored pairs, and the estimates
// pooled over them: reproducible draws that respect reviewers' decisions,
// and, once reviewers have decided every uncertain pair, the same estimate
// as the stored linkage alone.

#include "pipeline/linkage_draws.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "link/settings.h"
#include "model/error.h"
#include "model/xoshiro256.h"
#include "pipeline/linkage_quality.h"
#include "pipeline/store_estimation.h"
#include "pipeline/store_linkage.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/importer.h"
#include "store/linkage_table.h"
#include "store/match_decision_table.h"
#include "store/record_table.h"

namespace uncounted::pipeline {
namespace {

// Three lists of 300 people in one camp, each list seeing a person with
// probability 1/2; a third of the records lack the birth year and some
// names are written with one syllable changed, so that some pairs are
// uncertain.
// ORIGIN: also an origin column, blank in a third of the records.
void write_lists(const std::filesystem::path& dir, bool origin = false) {
  const char* family[] = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"};
  const char* syllable[] = {"영", "철", "순", "희", "명", "수", "정", "호", "옥", "성", "민", "진"};
  Xoshiro256 random(7);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random.next() % n); };
  std::ofstream out[3];
  for (int s = 0; s < 3; ++s) {
    out[s].open(dir / (std::string(1, static_cast<char>('A' + s)) + ".csv"));
    out[s] << "source,record_id,name,sex,birth_year,event,event_date,event_place"
           << (origin ? ",origin\n" : "\n");
  }
  for (int p = 0; p < 300; ++p) {
    const std::string name =
        std::string(family[pick(10)]) + syllable[pick(12)] + syllable[pick(12)];
    const char* sex = pick(2) ? "M" : "F";
    const int born = 1940 + static_cast<int>(pick(40));
    for (int s = 0; s < 3; ++s) {
      if (pick(2)) continue;
      std::string written = name;
      if (pick(8) == 0) written = name.substr(0, 6) + syllable[pick(12)];  // one syllable off
      const std::string year = pick(3) == 0 ? "" : std::to_string(born);
      out[s] << static_cast<char>('A' + s) << "," << p << "," << written << "," << sex << ","
             << year << ",detention_kwanliso," << 2000 + p % 10 << ",Camp 15";
      if (origin) out[s] << "," << (pick(3) == 0 ? "" : p % 2 ? "Onsong" : "길주군");
      out[s] << "\n";
    }
  }
}

class LinkageDrawsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("uncounted-draws-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    write_lists(dir_);
    const std::string path = (dir_ / "s.db").string();
    store::Store::create(path, "a passphrase for tests only", store::KeyStrength::interactive);
    store_ = store::Store::open(path, "a passphrase for tests only");
    store::ImportOptions import;
    const auto report = store::import_files(
        *store_, {(dir_ / "A.csv").string(), (dir_ / "B.csv").string(), (dir_ / "C.csv").string()},
        import);
    ASSERT_TRUE(report.committed);
    link_store(*store_, {});
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
};

StoreEstimateOptions loglinear_and_dga(int draws) {
  StoreEstimateOptions o;
  o.estimate.method = estimate::Method::kAll;
  o.estimate.lcmcr.iterations = 2000;
  o.estimate.lcmcr.burn_in = 500;
  o.estimate.lcmcr.chains = 2;
  o.linkage_draws = draws;
  return o;
}

// The default (auto) counts only the identified records (a name, a birth
// year and an origin) when the linkage's own expected recall is under 0.95,
// and says why; otherwise the named ones. The choices asked for by name
// are themselves.
TEST(CountedRecords, AutoFollowsTheLinkagesExpectedRecall) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("uncounted-counted-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  write_lists(dir, /*origin=*/true);
  const std::string path = (dir / "s.db").string();
  store::Store::create(path, "a passphrase for tests only", store::KeyStrength::interactive);
  auto store = store::Store::open(path, "a passphrase for tests only");
  ASSERT_TRUE(store::import_files(
                  *store,
                  {(dir / "A.csv").string(), (dir / "B.csv").string(), (dir / "C.csv").string()},
                  {})
                  .committed);
  link_store(*store, {});
  {
    const LinkedRecords linked(*store);
    const auto quality = linkage_quality(store->db());
    ASSERT_TRUE(quality && quality->contains("recall"));
    const double recall = (*quality)["recall"].get<double>();
    EXPECT_EQ(
        linked.counted_records(CountedRecords::kAuto).counted,
        recall < kIdentifiedBelowRecall ? CountedRecords::kIdentified : CountedRecords::kNamed)
        << recall;
  }
  // The same linkage, had it expected to miss half its matches.
  {
    const auto run = store::latest_link_run(store->db());
    ASSERT_TRUE(run.has_value());
    nlohmann::json summary = nlohmann::json::parse(run->summary);
    summary["expected"]["recall"] = 0.5;
    std::string text = summary.dump(), quoted;
    for (const char c : text) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    store->db().exec("UPDATE link_runs SET summary = '" + quoted +
                     "' WHERE id = " + std::to_string(run->id));
  }
  const LinkedRecords linked(*store);
  const auto choice = linked.counted_records(CountedRecords::kAuto);
  EXPECT_EQ(choice.counted, CountedRecords::kIdentified);
  EXPECT_NE(choice.why.find("0.500"), std::string::npos) << choice.why;
  for (const CountedRecords asked :
       {CountedRecords::kAll, CountedRecords::kNamed, CountedRecords::kIdentified}) {
    EXPECT_EQ(linked.counted_records(asked).counted, asked);
  }
  StoreEstimateOptions options;
  const auto observed = [&](CountedRecords counted) {
    options.counted = counted;
    const estimate::CaptureTable table = linked.stored_table(options);
    std::int64_t seen = 0;
    for (const auto& stratum : table.strata) seen += stratum.observed();
    return std::pair{seen, table.strata.front().notes};
  };
  const auto [all, all_notes] = observed(CountedRecords::kAll);
  const auto [identified, identified_notes] = observed(CountedRecords::kIdentified);
  const auto [automatic, auto_notes] = observed(CountedRecords::kAuto);
  // A third of the origins and of the birth years are blank: fewer people
  // seen, and the note says how many records were left out and why.
  EXPECT_LT(identified, all);
  EXPECT_GT(identified, all / 4);
  EXPECT_EQ(automatic, identified);
  EXPECT_TRUE(all_notes.empty());
  ASSERT_EQ(auto_notes.size(), 1u);
  EXPECT_NE(auto_notes[0].find("without a name, a birth year or an origin were left out: the "
                               "linkage's own expected recall is 0.500"),
            std::string::npos)
      << auto_notes[0];
  ASSERT_EQ(identified_notes.size(), 1u);
  EXPECT_NE(identified_notes[0].find("asked for (--records identified)"), std::string::npos)
      << identified_notes[0];
  store.reset();
  std::filesystem::remove_all(dir);
}

TEST_F(LinkageDrawsTest, DrawsAreReproducibleAndDiffer) {
  const PlausibleLinkages linkages(*store_);
  ASSERT_GT(linkages.uncertain_pairs(), 0u) << "the lists should leave some pairs uncertain";
  EXPECT_EQ(linkages.draw(1, 0), linkages.draw(1, 0));
  bool differ = false;
  for (std::uint64_t d = 1; d < 10 && !differ; ++d)
    differ = linkages.draw(1, d) != linkages.draw(1, 0);
  EXPECT_TRUE(differ) << "ten draws with uncertain pairs were all the same linkage";
}

TEST_F(LinkageDrawsTest, DrawsRespectReviewersDecisions) {
  // A reviewer decides the most uncertain pairs as the truth has it (the
  // lists number each person the same way), so the decisions agree.
  std::vector<store::ScoredPair> queue = store::review_queue(store_->db(), 20);
  ASSERT_FALSE(queue.empty());
  std::vector<bool> same;
  for (const store::ScoredPair& pair : queue) {
    same.push_back(store::find_record(store_->db(), pair.record_a)->record.record_id ==
                   store::find_record(store_->db(), pair.record_b)->record.record_id);
    store::record_decision(store_->db(), pair.record_a, pair.record_b,
                           same.back() ? store::Decision::kMatch : store::Decision::kNonMatch,
                           "reviewer", false);
  }
  ASSERT_NE(std::count(same.begin(), same.end(), true), 0);
  ASSERT_NE(std::count(same.begin(), same.end(), false), 0);
  const PlausibleLinkages linkages(*store_);
  const std::vector<std::int64_t>& ids = linkages.record_ids();
  auto position = [&](std::int64_t id) {
    return static_cast<std::size_t>(std::lower_bound(ids.begin(), ids.end(), id) - ids.begin());
  };
  for (std::uint64_t d = 0; d < 10; ++d) {
    const std::vector<std::uint32_t> entity = linkages.draw(3, d);
    for (std::size_t k = 0; k < queue.size(); ++k) {
      const bool together =
          entity[position(queue[k].record_a)] == entity[position(queue[k].record_b)];
      EXPECT_EQ(together, same[k]) << "draw " << d << ", decision " << k;
    }
  }
}

TEST_F(LinkageDrawsTest, PooledEstimateSaysHowManyLinkagesAndTheirShare) {
  const auto estimates = estimate_store(*store_, loglinear_and_dga(8));
  ASSERT_FALSE(estimates.empty());
  for (const auto& e : estimates) {
    if (e.skipped) continue;
    ASSERT_TRUE(e.linkage.has_value());
    EXPECT_EQ(e.linkage->draws, 8);
    for (double share : {e.linkage->loglinear, e.linkage->lcmcr, e.linkage->dga}) {
      EXPECT_GE(share, 0);
      EXPECT_LE(share, 1);
    }
  }
}

TEST_F(LinkageDrawsTest, NoUncertainPairGivesTheStoredLinkagesEstimate) {
  // A reviewer decides every uncertain pair, as the scores say; linking
  // again respects the decisions. Repeat while relinking leaves some.
  for (int round = 0; round < 4 && PlausibleLinkages(*store_).uncertain_pairs() > 0; ++round) {
    std::vector<store::ScoredPair> pairs;
    store::for_each_scored_pair(store_->db(), [&pairs](const store::ScoredPair& p) {
      if (p.match_probability > 0.001 && p.match_probability < 0.999) pairs.push_back(p);
    });
    for (const store::ScoredPair& p : pairs) {
      store::record_decision(
          store_->db(), p.record_a, p.record_b,
          p.match_probability >= 0.5 ? store::Decision::kMatch : store::Decision::kNonMatch,
          "reviewer", false);
    }
    link_store(*store_, {});
  }
  ASSERT_EQ(PlausibleLinkages(*store_).uncertain_pairs(), 0u);
  const auto pooled = estimate_store(*store_, loglinear_and_dga(20));
  const auto stored = estimate_store(*store_, loglinear_and_dga(1));
  ASSERT_EQ(pooled.size(), stored.size());
  for (std::size_t s = 0; s < pooled.size(); ++s) {
    if (pooled[s].skipped) continue;
    EXPECT_EQ(pooled[s].linkage->draws, 1);
    EXPECT_EQ(pooled[s].dga->median, stored[s].dga->median);
    EXPECT_EQ(pooled[s].dga->lower, stored[s].dga->lower);
    EXPECT_EQ(pooled[s].dga->upper, stored[s].dga->upper);
    EXPECT_EQ(pooled[s].lcmcr->median, stored[s].lcmcr->median);
    const auto& a = pooled[s].loglinear->hierarchical[*pooled[s].loglinear->selected];
    const auto& b = stored[s].loglinear->hierarchical[*stored[s].loglinear->selected];
    EXPECT_EQ(a.N, b.N);
    EXPECT_EQ(a.lower, b.lower);
    EXPECT_EQ(a.upper, b.upper);
  }
}

// Records that name only the province ("North Hamgyong") for a camp
// detention fall, in each draw, in one of the province's camps; every
// record lands in exactly one stratum, so the strata sum to the whole.
TEST_F(LinkageDrawsTest, FuzzyStrataSumToTheWhole) {
  {
    std::ofstream out(dir_ / "D.csv");
    out << "source,record_id,name,sex,birth_year,event,event_date,event_place\n";
    const char* syllable[] = {"가", "나", "다", "라", "마", "바", "사"};
    for (int i = 0; i < 40; ++i)  // 40 people no other list names: 독고가나, 독고가다, ...
      out << "D," << i << ",독고" << syllable[i / 7] << syllable[i % 7]
          << ",M,1950,detention_kwanliso,1990s,North Hamgyong\n";
  }
  store::ImportOptions import;
  ASSERT_TRUE(store::import_files(*store_, {(dir_ / "D.csv").string()}, import).committed);
  // List D is declared deduplicated: its 40 people stay 40 persons.
  link::Settings settings = link::default_settings();
  settings.clustering.deduplicated_sources = {"D"};
  StoreLinkOptions relink;
  relink.settings = link::to_json(settings);
  link_store(*store_, relink);
  StoreEstimateOptions o = loglinear_and_dga(4);
  o.strata = {"event_place"};
  o.events = {"detention_kwanliso"};
  const LinkedRecords linked(*store_);
  auto persons = [](const estimate::CaptureTable& t, const std::string& id) {
    std::int64_t n = 0;
    for (const auto& s : t.strata)
      if (id.empty() || s.key.front().second == id) n += s.observed();
    return n;
  };
  StoreEstimateOptions plain = o;
  plain.fuzzy_strata = false;
  EXPECT_EQ(persons(linked.drawn_table(plain, 0), "province-north-hamgyong"), 40)
      << "the plain reading: the province";
  std::set<std::string> camps;
  for (std::uint64_t d = 0; d < 6; ++d) {
    const estimate::CaptureTable t = linked.drawn_table(o, d);
    EXPECT_EQ(persons(t, "province-north-hamgyong"), 0) << "draw " << d;
    // The 40 province records are persons of their own (no other record):
    // every stratum together holds what the same linkage's plain table does.
    EXPECT_EQ(persons(t, ""), persons(linked.drawn_table(plain, d), "")) << "draw " << d;
    for (const auto& s : t.strata)
      if (s.observed() > 0) camps.insert(s.key.front().second);
  }
  EXPECT_TRUE(camps.count("kwanliso-16") && camps.count("kwanliso-25"))
      << "the province's camps receive its records";
  EXPECT_FALSE(camps.count("kwanliso-14")) << "no record is sent outside the province";
}

// Linkage holds the store only to read and to write (the server's other
// requests go on while it computes), and writes only if nothing was written
// in between: a write meanwhile makes it start over; writes that never stop
// give a conflict, and the stored linkage stays as it was.
TEST_F(LinkageDrawsTest, LinkageHoldsTheStoreOnlyToReadAndWrite) {
  auto last_run = [&] {
    store::Statement s = store_->db().prepare("SELECT max(id) FROM link_runs");
    s.step();
    return s.column_int(0);
  };
  const std::int64_t before = last_run();
  int held = 0;
  StoreLinkOptions options;
  options.with_store = [&](const std::function<void()>& fn) {
    ++held;
    // While the first linkage computed, someone wrote (audited).
    if (held == 2) {
      store::Transaction tx(store_->db());
      store::append_audit(store_->db(), store::AuditEntry{"someone", "decide", "[]", "{}"});
      tx.commit();
    }
    fn();
  };
  const StoreLinkOutcome outcome = link_store(*store_, options);
  EXPECT_EQ(held, 4);  // read, stale (not written), read again, write
  EXPECT_EQ(outcome.run_id, before + 1);
  EXPECT_EQ(last_run(), before + 1);

  StoreLinkOptions busy;
  busy.with_store = [&](const std::function<void()>& fn) {
    store::Transaction tx(store_->db());
    store::append_audit(store_->db(), store::AuditEntry{"someone", "import", "[]", "{}"});
    tx.commit();
    fn();
  };
  try {
    link_store(*store_, busy);
    FAIL() << "a store that never stops changing was linked";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kConflict) << e.what();
  }
  EXPECT_EQ(last_run(), before + 1);
}

}  // namespace
}  // namespace uncounted::pipeline

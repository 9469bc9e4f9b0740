// The partner view (what a partner or an analyst may see): no exact birth
// date, no free text, bands and years instead, a least group of five, rows
// in keyed order; the export and the web's view both read it.

#include "store/partner_view.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "store/exporter.h"
#include "store/record_table.h"

namespace uncounted::store {
namespace {

class PartnerViewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("uncounted-partner-view-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    Store::create((dir_ / "s.db").string(), "p", KeyStrength::interactive);
    store_ = Store::open((dir_ / "s.db").string(), "p");
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  void add(const Record& r) {
    Transaction tx(store_->db());
    RecordWriter writer(store_->db());
    std::int64_t id = 0;
    writer.upsert(r, id);
    tx.commit();
  }
  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

Record record(const std::string& id, const std::string& birth, const std::string& date,
              const std::string& place, Sex sex = Sex::kMale) {
  Record r;
  r.source = "NKDB";
  r.record_id = id;
  r.name = "박비밀이름";
  r.sex = sex;
  r.birth_year = birth;
  r.origin = "Musan";
  r.event = "detention_kwanliso";
  r.event_date = date;
  r.event_place = place;
  r.notes = "told by her cousin";
  return r;
}

TEST_F(PartnerViewTest, NoExactDatesNoFreeTextAndALeastGroup) {
  // Twelve people of one group: same sex, birth band, event, year, camp.
  for (int i = 0; i < 12; ++i) {
    add(record("G" + std::to_string(i), std::to_string(1960 + i % 5),
               "2009-0" + std::to_string(1 + i % 9), "Yodok"));
  }
  // One who is alone in every detail, with an exact birth date and a place
  // in free text that names people.
  add(record("ALONE", "1962-03-14", "2011-07-02",
             "Hoeryong, the house of Choe Un Mil's uncle Pak Kyong Su", Sex::kFemale));

  const PartnerView view = partner_view(*store_);
  ASSERT_EQ(view.rows.size(), 13u);
  std::size_t grouped = 0;
  for (const PartnerRecord& r : view.rows) {
    EXPECT_EQ(r.record.find("G"), std::string::npos);  // pseudonyms, not ids
    if (r.birth_years) {
      EXPECT_TRUE(*r.birth_years == "1960-1964" || *r.birth_years == "1960-1969") << *r.birth_years;
    }
    if (r.event_year) {
      EXPECT_EQ(r.event_year->find('-', 5), std::string::npos);
    }
    if (r.event_place) {
      EXPECT_EQ(r.event_place->find("Choe"), std::string::npos);
    }
    if (r.generalized == 0) {
      ++grouped;
      EXPECT_EQ(r.birth_years, "1960-1964");
      EXPECT_EQ(r.event_year, "2009");
      ASSERT_TRUE(r.event_place.has_value());
      EXPECT_NE(r.event_place->find("15"), std::string::npos) << *r.event_place;  // Camp 15
    }
  }
  EXPECT_EQ(grouped, 12u);
  EXPECT_EQ(view.generalized_rows, 1u);
  // The lone row took every step and is still alone: counted, not hidden.
  EXPECT_EQ(view.rows_under_least_group, 1u);
  EXPECT_GT(view.unique_share_as_stored, 0.9);  // every stored row was unique
  EXPECT_NEAR(view.unique_share, 1.0 / 13, 1e-9);

  // The export writes the same view: no name, no exact date, no free text.
  std::ostringstream out;
  export_records(*store_, ExportFormat::kCsv, ExportProfile::kPartner, out, "test");
  const std::string csv = out.str();
  for (const char* secret : {"박비밀이름", "1962-03-14", "2011-07-02", "Choe", "Pak Kyong",
                             "cousin", "Musan", "ALONE", "2009-0"}) {
    EXPECT_EQ(csv.find(secret), std::string::npos) << secret << " in\n" << csv;
  }
  EXPECT_NE(csv.find("1960-1964"), std::string::npos);
}

TEST_F(PartnerViewTest, RowsComeInKeyedOrderNotImportOrder) {
  for (int i = 0; i < 40; ++i) add(record("R" + std::to_string(100 + i), "1970", "2000", "Yodok"));
  const PartnerView a = partner_view(*store_);
  ASSERT_EQ(a.rows.size(), 40u);
  std::vector<std::int64_t> order;
  for (const PartnerRecord& r : a.rows) order.push_back(r.stored_id);
  EXPECT_FALSE(std::is_sorted(order.begin(), order.end()));
  // The same store gives the same order every time.
  const PartnerView b = partner_view(*store_);
  for (std::size_t i = 0; i < a.rows.size(); ++i) EXPECT_EQ(a.rows[i].record, b.rows[i].record);
}

}  // namespace
}  // namespace uncounted::store

// The risks of place lookup: a spelling in the table that does not find its
// own entry, a wrong guess where nothing fits, a camp confused with its
// city, and typos that should still be found.

#include <gtest/gtest.h>

#include <string>

#include "model/error.h"
#include "places/event_place.h"
#include "places/gazetteer.h"
#include "places/place_text.h"

namespace uncounted::places {
namespace {

std::string id_of(std::string_view text) {
  const PlaceMatch m = gazetteer().lookup(text);
  return m.place ? m.place->id : "null";
}

bool among_alternatives(const PlaceMatch& m, std::string_view id) {
  for (const PlaceCandidate& c : m.alternatives) {
    if (c.place->id == id) return true;
  }
  return false;
}

TEST(GazetteerTable, HasTheEntriesTheAssignmentNeeds) {
  const Gazetteer& g = gazetteer();
  EXPECT_GE(g.places().size(), 150u);
  int provinces = 0, facilities = 0;
  for (const Place& p : g.places()) {
    provinces += p.kind == PlaceKind::kProvince;
    facilities += is_facility(p.kind);
    EXPECT_FALSE(p.source.empty()) << p.id;
    EXPECT_FALSE(p.hangul.empty()) << p.id;
  }
  EXPECT_EQ(provinces, 9);
  EXPECT_GE(facilities, 20);
  for (const char* id : {"kwanliso-14",        "kwanliso-15",
                         "kwanliso-16",        "kwanliso-18",
                         "kwanliso-22",        "kwanliso-25",
                         "kyohwaso-1",         "kyohwaso-12",
                         "city-hoeryong",      "county-musan",
                         "county-onsong",      "city-hyesan",
                         "city-sinuiju",       "city-chongjin",
                         "city-kaechon",       "county-yodok",
                         "county-myonggan",    "county-pukchang",
                         "city-kimchaek",      "city-hamhung",
                         "city-wonsan",        "city-sariwon",
                         "city-haeju",         "city-kanggye",
                         "special-city-nampo", "district-kangso",
                         "city-sunchon",       "special-city-pyongyang",
                         "special-city-rason", "province-north-hamgyong"}) {
    EXPECT_NE(g.find(id), nullptr) << id;
  }
}

TEST(GazetteerTable, EveryParentChainEndsAtTheTop) {
  const Gazetteer& g = gazetteer();
  for (const Place& p : g.places()) {
    int depth = 0;
    for (const Place* up = &p; !up->parent.empty(); up = g.find(up->parent)) {
      ASSERT_LT(++depth, 6) << p.id;
    }
    if (p.lat) {
      // Inside North Korea's bounding box.
      EXPECT_GT(*p.lat, 37.5) << p.id;
      EXPECT_LT(*p.lat, 43.1) << p.id;
      EXPECT_GT(*p.lon, 124.1) << p.id;
      EXPECT_LT(*p.lon, 130.8) << p.id;
    }
  }
}

// Every spelling the table lists finds its own entry: as the best match,
// or, where two places share the spelling once romanization is folded,
// with no id and its entry among the alternatives.
TEST(GazetteerLookup, EverySpellingInTheTableFindsItsOwnEntry) {
  const Gazetteer& g = gazetteer();
  int checked = 0;
  for (const Place& p : g.places()) {
    std::vector<std::string> spellings = {p.name, p.hangul, p.rr, p.mr, p.dprk, p.id};
    spellings.insert(spellings.end(), p.aliases.begin(), p.aliases.end());
    for (const std::string& s : spellings) {
      if (s.empty() || s == p.id) continue;
      const PlaceMatch m = g.lookup(s);
      ++checked;
      ASSERT_NE(m.place, nullptr) << "'" << s << "' of " << p.id << " found nothing";
      EXPECT_EQ(m.place->id, p.id) << "'" << s << "' of " << p.id;
      EXPECT_GE(m.confidence, Gazetteer::kMinConfidence) << s;
    }
  }
  EXPECT_GT(checked, 1000);
}

TEST(GazetteerLookup, UnknownTextHasNoId) {
  for (const char* text : {"Paris",       "asdf",     "",         "   ",     "\xF0\x9F\x98\x80",
                           "London",      "Shenyang", "Shenyan",  "Yanji",   "선양",
                           "Dandong",     "Tumen",    "Seoul",    "Tokyo",   "camp",
                           "kwanliso",    "No.",      "15",       "Camp 99", "Kwalliso No. 7",
                           "x",           "zzzzzzzz", "\xff\xfe", "Beijing", "New York",
                           "정치범수용소"}) {
    const PlaceMatch m = gazetteer().lookup(text);
    EXPECT_EQ(m.place, nullptr) << text << " -> " << (m.place ? m.place->id : "");
    EXPECT_EQ(m.confidence, 0.0) << text;
  }
  EXPECT_EQ(id_of(std::string(100000, 'a')), "null");
}

TEST(GazetteerLookup, TheSameCampUnderEveryName) {
  for (const char* text :
       {"Yodok camp", "요덕 15호 관리소", "Camp 15", "Kwalliso No. 15", "kwanliso 15",
        "Political Prison Camp No. 15", "camp #15", "요덕 관리소", "제15호 관리소", "15호관리소",
        "Kwan-li-so No. 15", "Yodŏk Kwalliso", "Yodeok political prison camp", "YODOK CAMP 15"}) {
    EXPECT_EQ(id_of(text), "kwanliso-15") << text;
  }
  EXPECT_EQ(id_of("Camp 22"), "kwanliso-22");
  EXPECT_EQ(id_of("Camp 14"), "kwanliso-14");
  EXPECT_EQ(id_of("Kaechon camp"), "kwanliso-14");
  EXPECT_EQ(id_of("Hwasong camp"), "kwanliso-16");
  EXPECT_EQ(id_of("Bukchang camp"), "kwanliso-18");
  EXPECT_EQ(id_of("Camp 12"), "kwanliso-12");
  EXPECT_EQ(id_of("Kyohwaso No. 12"), "kyohwaso-12");
  EXPECT_EQ(id_of("Chongori"), "kyohwaso-12");
  EXPECT_EQ(id_of("Hoeryong prison"), "kyohwaso-12");
  EXPECT_EQ(id_of("Kaechon kyohwaso"), "kyohwaso-1");
  EXPECT_EQ(id_of("Onsong holding center"), "jipkyulso-onsong");
  EXPECT_EQ(id_of("온성 보위부"), "ssd-onsong");
}

TEST(GazetteerLookup, CityBeforeTheCampThatBearsItsName) {
  const PlaceMatch m = gazetteer().lookup("Hoeryong");
  ASSERT_NE(m.place, nullptr);
  EXPECT_EQ(m.place->id, "city-hoeryong");
  EXPECT_TRUE(among_alternatives(m, "kwanliso-22"));
  EXPECT_TRUE(among_alternatives(m, "kyohwaso-12"));
  const PlaceMatch yodok = gazetteer().lookup("Yodok");
  ASSERT_NE(yodok.place, nullptr);
  EXPECT_EQ(yodok.place->id, "county-yodok");
  EXPECT_TRUE(among_alternatives(yodok, "kwanliso-15"));
}

TEST(GazetteerLookup, AmbiguityGivesNoIdButBothReadings) {
  // 12 is both a closed kwanliso and Jongo-ri kyohwaso.
  const PlaceMatch twelve = gazetteer().lookup("No. 12");
  EXPECT_EQ(twelve.place, nullptr);
  EXPECT_TRUE(among_alternatives(twelve, "kwanliso-12"));
  EXPECT_TRUE(among_alternatives(twelve, "kyohwaso-12"));
  // Name and number disagree: Yodok is Camp 15, not 16.
  const PlaceMatch clash = gazetteer().lookup("Yodok camp 16");
  EXPECT_EQ(clash.place, nullptr);
  EXPECT_TRUE(among_alternatives(clash, "kwanliso-16"));
}

TEST(GazetteerLookup, RomanizationsMeet) {
  for (const char* text : {"Chongjin", "Ch'ŏngjin", "Cheongjin", "청진", "청진시", "CHONGJIN CITY",
                           "chong-jin", "Ch’ŏngjin", "Cho\xcc\x86ngjin"}) {
    EXPECT_EQ(id_of(text), "city-chongjin") << text;
  }
  for (const char* text : {"Pyongyang", "P'yŏngyang", "Phyongyang", "Pyeongyang", "평양"}) {
    EXPECT_EQ(id_of(text), "special-city-pyongyang") << text;
  }
  for (const char* text : {"Ryanggang", "Yanggang-do", "양강도", "량강도"}) {
    EXPECT_EQ(id_of(text), "province-ryanggang") << text;
  }
  EXPECT_EQ(id_of("Shinuiju"), "city-sinuiju");
  EXPECT_EQ(id_of("Gaecheon"), "city-kaechon");
}

TEST(GazetteerLookup, ForgivesTypos) {
  const struct {
    const char* text;
    const char* id;
  } cases[] = {
      {"Hoeryoung", "city-hoeryong"}, {"Chongjn", "city-chongjin"}, {"Hyesn", "city-hyesan"},
      {"Sinuijoo", "city-sinuiju"},   {"Onsung", "county-onsong"},  {"Musann", "county-musan"},
      {"Kimchek", "city-kimchaek"},   {"Hamhong", "city-hamhung"},  {"Yodock", "county-yodok"},
      {"Yodock camp", "kwanliso-15"}, {"Sariwan", "city-sariwon"},  {"Kangye", "city-kanggye"},
  };
  for (const auto& c : cases) {
    const PlaceMatch m = gazetteer().lookup(c.text);
    ASSERT_NE(m.place, nullptr) << c.text;
    EXPECT_EQ(m.place->id, c.id) << c.text;
    EXPECT_LT(m.confidence, 1.0) << c.text;  // a typo is never as sure as a spelling
    EXPECT_GE(m.confidence, Gazetteer::kMinConfidence) << c.text;
  }
}

// A typo counts letters, a Hangul syllable as its jamo: one wrong vowel in
// a three-syllable county (중화근 for 중화군, as in the simulated lists) or a
// typo in the level word ("Kowon Cpunty") is one edit. Before, a Hangul
// name needed four syllables to be matched at all, and a misspelt level
// word was never stripped.
TEST(GazetteerLookup, ForgivesTyposInHangulAndLevelWords) {
  const struct {
    const char* text;
    const char* id;
  } cases[] = {
      {"중화근", "county-junghwa"},      {"자성근", "county-jasong"},
      {"어란군", "county-orang"},        {"온성근", "county-onsong"},
      {"삼지엱군", "county-samjiyon"},   {"함경북두", "province-north-hamgyong"},
      {"청진사", "city-chongjin"},       {"Kowon Cpunty", "county-kowon"},
      {"Jasong Conty", "county-jasong"}, {"Chongjin Ctiy", "city-chongjin"},
  };
  for (const auto& c : cases) {
    const PlaceMatch m = gazetteer().lookup(c.text);
    ASSERT_NE(m.place, nullptr) << c.text;
    EXPECT_EQ(m.place->id, c.id) << c.text;
    EXPECT_LT(m.confidence, 1.0) << c.text;
    EXPECT_GE(m.confidence, Gazetteer::kMinConfidence) << c.text;
  }
}

// Two Hangul syllables are one jamo from too many words and South Korean
// cities: 광주 (Gwangju) is one jamo from 황주, 울산 from 운산, 수원 from
// 수안, 시장 ("market") from 시중. Without a level suffix they stay
// unmatched; with one, the suffix must fit too (광주시 is no county).
TEST(GazetteerLookup, ShortHangulWordsAreNotTypos) {
  for (const char* text :
       {"광주", "울산", "수원", "시장", "학교", "고향", "광주시", "울산시", "수원시"}) {
    EXPECT_EQ(gazetteer().lookup(text).place, nullptr) << text;
  }
}

TEST(GazetteerLookup, CombinedParts) {
  EXPECT_EQ(id_of("Onsong, North Hamgyong"), "county-onsong");
  EXPECT_EQ(id_of("Hoeryong (회령)"), "city-hoeryong");
  EXPECT_EQ(id_of("Hoeryong 회령"), "city-hoeryong");
  EXPECT_EQ(id_of("North Hamgyong Province"), "province-north-hamgyong");
  EXPECT_EQ(id_of("함경북도"), "province-north-hamgyong");
  EXPECT_EQ(id_of("Hamgyŏng-pukto"), "province-north-hamgyong");
}

TEST(GazetteerWithin, CountiesLieInTheirProvinces) {
  const Gazetteer& g = gazetteer();
  EXPECT_TRUE(g.same_or_within("city-hoeryong", "province-north-hamgyong"));
  EXPECT_TRUE(g.same_or_within("kwanliso-15", "county-yodok"));
  EXPECT_TRUE(g.same_or_within("kwanliso-15", "province-south-hamgyong"));
  EXPECT_TRUE(g.same_or_within("county-yodok", "county-yodok"));
  EXPECT_FALSE(g.same_or_within("province-north-hamgyong", "city-hoeryong"));
  EXPECT_TRUE(g.compatible("province-north-hamgyong", "city-hoeryong"));
  EXPECT_FALSE(g.same_or_within("city-hoeryong", "province-south-hamgyong"));
  EXPECT_FALSE(g.same_or_within("unknown-id", "province-south-hamgyong"));
  EXPECT_FALSE(g.same_or_within("city-hoeryong", "unknown-id"));
}

// The map's approximate site: a place without published coordinates is
// drawn at the nearest area it lies in that has them, never further out
// than needed and never at an invented site.
TEST(GazetteerWithin, NearestWithCoordinatesClimbsOnlyAsFarAsNeeded) {
  const Gazetteer& shipped = gazetteer();
  ASSERT_NE(shipped.nearest_with_coordinates("kwanliso-15"), nullptr);
  EXPECT_EQ(shipped.nearest_with_coordinates("kwanliso-15")->id, "county-yodok");
  ASSERT_NE(shipped.nearest_with_coordinates("kwanliso-14"), nullptr);
  EXPECT_EQ(shipped.nearest_with_coordinates("kwanliso-14")->id, "kwanliso-14");
  EXPECT_EQ(shipped.nearest_with_coordinates("unknown-id"), nullptr);

  const Gazetteer g = Gazetteer::parse(
      "id\tkind\tname\thangul\trr\tmr\tdprk\taliases\tparent\tlat\tlon\tstatus\tsource\n"
      "prov\tprovince\tP\t가\tP\tP\t\t\t\t40\t127\tactive\ts\n"
      "county\tcounty\tC\t나\tC\tC\t\t\tprov\t\t\tactive\ts\n"
      "camp\tkwanliso\tK\t다\tK\tK\t\t\tcounty\t\t\tactive\ts\n"
      "sited\tkwanliso\tS\t라\tS\tS\t\t\tcounty\t39.5\t126.5\tactive\ts\n"
      "lone\tprovince\tL\t마\tL\tL\t\t\t\t\t\tactive\ts\n");
  EXPECT_EQ(g.nearest_with_coordinates("camp"), g.find("prov"));  // two levels up
  EXPECT_EQ(g.nearest_with_coordinates("county"), g.find("prov"));
  EXPECT_EQ(g.nearest_with_coordinates("sited"), g.find("sited"));
  EXPECT_EQ(g.nearest_with_coordinates("prov"), g.find("prov"));
  EXPECT_EQ(g.nearest_with_coordinates("lone"), nullptr);
  EXPECT_EQ(g.parent_of(*g.find("camp")), g.find("county"));
  EXPECT_EQ(g.parent_of(*g.find("prov")), nullptr);
}

TEST(GazetteerParse, RejectsMalformedTables) {
  const std::string header =
      "id\tkind\tname\thangul\trr\tmr\tdprk\taliases\tparent\tlat\tlon\tstatus\tsource\n";
  const std::string good = "a\tcounty\tA\t가\tA\tA\t\t\t\t\t\tactive\tsrc\n";
  EXPECT_EQ(Gazetteer::parse(header + good).places().size(), 1u);
  EXPECT_THROW(Gazetteer::parse(good), Error);
  EXPECT_THROW(Gazetteer::parse(header + good + good), Error);                             // dup id
  EXPECT_THROW(Gazetteer::parse(header + "a\tplanet\tA\t\t\t\t\t\t\t\t\tx\ts\n"), Error);  // kind
  EXPECT_THROW(Gazetteer::parse(header + "a\tcounty\tA\t\t\t\t\t\tnope\t\t\tx\ts\n"), Error);
  EXPECT_THROW(Gazetteer::parse(header + "a\tcounty\tA\t\t\t\t\t\t\t91\t1\tx\ts\n"), Error);
  EXPECT_THROW(Gazetteer::parse(header + "a\tcounty\tA\t\t\t\t\t\t\t1\t\tx\ts\n"), Error);
  EXPECT_THROW(Gazetteer::parse(header + "a\tcounty\tA\n"), Error);
  // Parents that loop (a place its own parent, or two places each other's)
  // would make every walk up the chain run forever.
  EXPECT_THROW(Gazetteer::parse(header + "a\tcounty\tA\t\t\t\t\t\ta\t\t\tx\ts\n"), Error);
  EXPECT_THROW(Gazetteer::parse(header + "a\tcounty\tA\t\t\t\t\t\tb\t\t\tx\ts\n" +
                                "b\tprovince\tB\t\t\t\t\t\ta\t\t\tx\ts\n"),
               Error);
}

TEST(PlaceText, KeysAndNumbers) {
  const PlaceQuery q = parse_place_query("요덕 제15호 관리소");
  EXPECT_EQ(q.plain, "요덕");
  EXPECT_EQ(q.number, 15);
  EXPECT_EQ(q.hint, FacilityHint::kKwanliso);
  EXPECT_EQ(parse_place_query("Ch'ŏngjin-si").plain, "cheongjin");
  EXPECT_EQ(parse_place_query("Phyongyang").folded, parse_place_query("Pyeongyang").folded);
  EXPECT_EQ(parse_place_query("Jagang-do").folded, parse_place_query("Chagang").folded);
  EXPECT_EQ(parse_place_query("Kyo-hwa-so No. 1").hint, FacilityHint::kKyohwaso);
  EXPECT_EQ(parse_place_query("Kyo-hwa-so No. 1").number, 1);
}

}  // namespace
}  // namespace uncounted::places

namespace uncounted::places {
namespace {

// Issue: "요덕" / "Yodok" was read as the county even for a camp detention,
// splitting one person between county-yodok and kwanliso-15.
TEST(EventPlace, ACampWrittenAsItsCountyIsTheCampForADetention) {
  for (const char* text : {"Yodok", "요덕", "Yodok County"}) {
    EXPECT_EQ(gazetteer().lookup(text).place->id, "county-yodok") << text;
    const PlaceMatch m = lookup_for_event(text, "detention_kwanliso");
    ASSERT_NE(m.place, nullptr) << text;
    EXPECT_EQ(m.place->id, "kwanliso-15") << text;
    ASSERT_FALSE(m.alternatives.empty());
    EXPECT_EQ(m.alternatives.front().place->id, "county-yodok");
  }
  // An arrest in Yodok is in the county.
  EXPECT_EQ(lookup_for_event("Yodok", "arrest").place->id, "county-yodok");
}

TEST(EventPlace, TheEventsKindPicksAmongTheCountysFacilities) {
  // Kaechon holds Camp 14 and Kyohwaso No. 1.
  EXPECT_EQ(lookup_for_event("Kaechon", "detention_kwanliso").place->id, "kwanliso-14");
  EXPECT_EQ(lookup_for_event("Kaechon", "detention_kyohwaso").place->id, "kyohwaso-1");
  // A facility named outright stays what it is.
  EXPECT_EQ(lookup_for_event("Camp 15", "detention_kyohwaso").place->id, "kwanliso-15");
}

}  // namespace
}  // namespace uncounted::places

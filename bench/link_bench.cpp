// Linkage benchmark: synthetic person records from four lists (100,000 and
// 1,000,000 records by default), linked end to end; prints wall time per
// stage, candidate pairs, pairs compared per second, accuracy and peak
// memory. With --syn100k also links the shared synthetic_100k A x B set
// (fastLink: 283 s); the files are gunzipped to /tmp first.
//
//   link_bench [--syn100k] [RECORDS...]

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "link/accuracy.h"
#include "link/input_files.h"
#include "link/linker.h"
#include "peak_memory.h"

namespace {

using namespace uncounted::link;

// Family names with rough population shares (Kim is a fifth of Koreans)
// and the spellings lists use for them.
struct Family {
  double share;
  std::vector<const char*> spellings;
};
const std::vector<Family> kFamilies = {{0.215, {"kim", "gim"}},
                                       {0.147, {"lee", "yi", "ri", "rhee"}},
                                       {0.084, {"park", "pak", "bak"}},
                                       {0.045, {"choi", "choe"}},
                                       {0.043, {"jung", "jeong", "chong"}},
                                       {0.03, {"kang", "gang"}},
                                       {0.029, {"cho", "jo"}},
                                       {0.027, {"yoon", "yun"}},
                                       {0.026, {"jang", "chang"}},
                                       {0.025, {"lim", "im", "rim"}},
                                       {0.02, {"han"}},
                                       {0.02, {"oh", "o"}},
                                       {0.02, {"seo", "so"}},
                                       {0.02, {"shin", "sin"}},
                                       {0.02, {"kwon", "gwon"}},
                                       {0.02, {"hwang"}},
                                       {0.02, {"ahn", "an"}},
                                       {0.02, {"song"}},
                                       {0.02, {"ryu", "yu"}},
                                       {0.02, {"hong"}},
                                       {0.02, {"jeon", "jon"}},
                                       {0.015, {"ko", "go"}},
                                       {0.015, {"moon", "mun"}},
                                       {0.015, {"yang"}},
                                       {0.015, {"son"}},
                                       {0.015, {"bae", "pae"}},
                                       {0.015, {"baek", "paek"}},
                                       {0.01, {"heo", "ho"}},
                                       {0.01, {"nam"}},
                                       {0.01, {"namgung"}},
                                       {0.005, {"hwangbo"}},
                                       {0.005, {"jegal"}}};
const char* kSyllables[] = {
    "chol", "ho",    "min", "young", "su",   "jin",  "hyun", "jun",   "sung",  "kyung",
    "hee",  "ok",    "sun", "mi",    "jong", "il",   "nam",  "gwang", "myong", "hak",
    "song", "dong",  "un",  "ryong", "hwa",  "yong", "sik",  "chun",  "bok",   "gil",
    "man",  "chang", "tae", "hye",   "ju",   "won",  "gyu",  "seok",  "bin",   "ae",
    "rye",  "nyo",   "kum", "chul",  "ki",   "han",  "ja",   "sang",  "dae",   "woo"};
const char* kPlaces[] = {"hoeryong", "musan",     "chongjin", "hyesan",  "sinuiju", "pyongyang",
                         "hamhung",  "wonsan",    "kimchaek", "kanggye", "yodok",   "kaechon",
                         "onsong",   "kyongsong", "nampo",    "sariwon", "haeju",   "kilju"};

struct Person {
  int family, spelling, g1, g2, year, origin, place, event_year, event_month;
  bool male;
};

std::string typo(std::string s, std::mt19937_64& rng) {
  if (s.size() < 2) return s;
  std::uniform_int_distribution<std::size_t> at(0, s.size() - 2);
  const std::size_t k = at(rng);
  switch (rng() % 3) {
    case 0:
      std::swap(s[k], s[k + 1]);
      break;
    case 1:
      s.erase(k, 1);
      break;
    default:
      s[k] = static_cast<char>('a' + rng() % 26);
  }
  return s;
}

// RECORDS records of about RECORDS/2.2 persons on four lists; truth = person.
Table synthetic_lists(std::size_t records, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<double> shares;
  for (const Family& f : kFamilies) shares.push_back(f.share);
  std::discrete_distribution<int> family(shares.begin(), shares.end());
  std::uniform_int_distribution<int> syllable(0, std::size(kSyllables) - 1);
  std::uniform_int_distribution<int> place(0, std::size(kPlaces) - 1);
  std::uniform_int_distribution<int> year(1930, 2005), month(1, 12);
  std::uniform_real_distribution<double> p(0, 1);
  Table t;
  for (const char* c :
       {"surname", "given", "sex", "birth_year", "origin", "event_date", "event_place"}) {
    t.columns.emplace_back(c);
  }
  t.source_names = {"A", "B", "C", "D"};
  t.has_truth = true;
  std::size_t person = 0;
  while (t.size() < records) {
    Person x{family(rng), 0, syllable(rng), syllable(rng), year(rng), place(rng),
             place(rng),  0, month(rng),    p(rng) < 0.5};
    x.event_year = std::min(2020, x.year + 18 + static_cast<int>(rng() % 40));
    // 1 to 4 of the four lists hold this person.
    const int lists = 1 + static_cast<int>(rng() % 4);
    std::vector<int> order{0, 1, 2, 3};
    std::shuffle(order.begin(), order.end(), rng);
    for (int l = 0; l < lists && t.size() < records; ++l) {
      const Family& f = kFamilies[x.family];
      std::string surname = f.spellings[rng() % f.spellings.size()];
      std::string given = std::string(kSyllables[x.g1]) + kSyllables[x.g2];
      if (p(rng) < 0.2) given = typo(given, rng);
      if (p(rng) < 0.1) given = std::string(kSyllables[x.g1]) + "-" + kSyllables[x.g2];
      int by = x.year + (p(rng) < 0.15 ? (p(rng) < 0.5 ? -1 : 1) : 0);
      t.source.push_back(order[l]);
      t.record_id.push_back(std::to_string(t.size() + 1));
      t.columns[0].push_back(p(rng) < 0.02 ? "" : surname);
      t.columns[1].push_back(p(rng) < 0.02 ? "" : given);
      t.columns[2].push_back(p(rng) < 0.1 ? "" : (x.male ? "M" : "F"));
      t.columns[3].push_back(p(rng) < 0.1 ? "" : std::to_string(by));
      t.columns[4].push_back(p(rng) < 0.2 ? "" : kPlaces[p(rng) < 0.05 ? place(rng) : x.origin]);
      const std::string date = p(rng) < 0.3 ? std::to_string(x.event_year)
                                            : std::to_string(x.event_year) + "-" +
                                                  (x.event_month < 10 ? "0" : "") +
                                                  std::to_string(x.event_month);
      t.columns[5].push_back(p(rng) < 0.15 ? "" : date);
      t.columns[6].push_back(p(rng) < 0.2 ? "" : kPlaces[x.place]);
      t.truth.push_back(std::to_string(person));
    }
    ++person;
  }
  return t;
}

Settings synthetic_settings() {
  nlohmann::json j = {
      {"link_type", "link_and_dedupe"},
      {"comparisons",
       {{{"column", "surname"},
         {"term_frequency", true},
         {"levels", {{{"type", "exact"}}, {{"type", "jaro_winkler"}, {"threshold", 0.8}}}}},
        {{"column", "given"},
         {"levels",
          {{{"type", "exact"}},
           {{"type", "damerau_levenshtein"}, {"threshold", 1}},
           {{"type", "jaro_winkler"}, {"threshold", 0.9}},
           {{"type", "jaro_winkler"}, {"threshold", 0.8}}}}},
        {{"column", "sex"}, {"levels", {{{"type", "exact"}}}}},
        {{"column", "birth_year"},
         {"kind", "year"},
         {"levels",
          {{{"type", "within"}, {"threshold", 0}},
           {{"type", "within"}, {"threshold", 1}},
           {{"type", "within"}, {"threshold", 5}}}}},
        {{"column", "origin"}, {"levels", {{{"type", "exact"}}}}},
        {{"column", "event_date"},
         {"kind", "date"},
         {"levels", {{{"type", "overlap"}}, {{"type", "within"}, {"threshold", 366}}}}},
        {{"column", "event_place"}, {"levels", {{{"type", "exact"}}}}}}},
      {"blocking_rules",
       {"given & birth_year", "given & origin", "given & event_place",
        "prefix(given, 3) & birth_year & event_place", "surname & birth_year & event_place & sex",
        "birth_year & origin & event_place & year(event_date)"}},
      {"clustering", {{"one_record_per_source", false}}}};
  return settings_from_json(j);
}

void report(const char* name, const Linker& linker, double wall) {
  const LinkResult& r = linker.result();
  const Table& t = linker.table();
  std::vector<std::string_view> truth(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) truth[i] = t.truth[i];
  const Accuracy a = measure_accuracy(truth, t.source, r.settings.link_type, r.clusters.entity,
                                      r.pairs, r.settings.threshold);
  const StageSeconds& s = r.seconds;
  std::printf("%s: %zu records, %llu candidate pairs, %zu entities\n", name, t.size(),
              static_cast<unsigned long long>(r.candidate_pairs), r.clusters.entities);
  std::printf(
      "  seconds: preparing %.2f, blocking %.2f, comparing %.2f, u+EM %.2f, predicting %.2f, "
      "clustering %.2f; linkage total %.2f, wall with input %.2f\n",
      s.preparing, s.blocking, s.comparing, s.estimating_u_and_em, s.predicting, s.clustering,
      s.total(), wall);
  std::printf("  pairs compared per second: %.3g\n",
              s.comparing > 0 ? static_cast<double>(r.candidate_pairs) / s.comparing : 0.0);
  std::printf("  links: P %.5f R %.5f F1 %.5f; clusters: P %.5f R %.5f F1 %.5f\n",
              a.links.precision(), a.links.recall(), a.links.f1(), a.clusters.precision(),
              a.clusters.recall(), a.clusters.f1());
  std::printf("  peak memory %.0f MiB\n", uncounted::bench::peak_memory_mib());
  for (const std::string& w : r.warnings) std::printf("  warning: %s\n", w.c_str());
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::size_t> sizes;
  bool syn100k = false;
  for (int k = 1; k < argc; ++k) {
    if (std::string(argv[k]) == "--syn100k")
      syn100k = true;
    else
      sizes.push_back(std::stoull(argv[k]));
  }
  if (sizes.empty() && !syn100k) sizes = {100000, 1000000};
  for (std::size_t n : sizes) {
    const auto start = std::chrono::steady_clock::now();
    Linker linker(synthetic_lists(n, 20261124), synthetic_settings());
    linker.run();
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    report(("synthetic " + std::to_string(n)).c_str(), linker, wall);
  }
  if (syn100k) {
    const std::string dir = std::string(UNCOUNTED_SHARED_DIR) + "/data/linkage/synthetic_100k/";
    for (const char* f : {"A", "B"}) {
      const std::string cmd =
          "gunzip -c " + dir + "syn100k_" + f + ".csv.gz > /tmp/syn100k_" + f + ".csv";
      if (std::system(cmd.c_str()) != 0) return 1;
    }
    const auto start = std::chrono::steady_clock::now();
    const Settings settings = read_settings_file(std::string(UNCOUNTED_SOURCE_DIR) +
                                                 "/docs/settings/synthetic_100k.json");
    Linker linker(read_input_files({"/tmp/syn100k_A.csv", "/tmp/syn100k_B.csv"}, settings),
                  settings);
    linker.run();
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    report("synthetic_100k A x B", linker, wall);
  }
  return 0;
}

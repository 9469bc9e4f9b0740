// Import throughput: writes a synthetic record list (N rows, default one
// million) to a temporary folder, creates an encrypted store there and
// imports the list in one all-or-nothing transaction.
//
//   build/bench/import_bench [ROWS]
//
// Prints rows per second and peak resident memory.

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "peak_memory.h"
#include "store/importer.h"
#include "store/store.h"

namespace {

void write_list(const std::string& path, std::size_t rows) {
  static const char* kEvents[] = {"arrest", "detention_kwanliso", "forced_repatriation",
                                  "foreign_media", "execution"};
  static const char* kPlaces[] = {"Yodok",  "Kwalliso No. 15",  "Hoeryong",
                                  "Onsong", "요덕 15호 관리소", "Chongjin"};
  static const char* kNames[] = {"리철호 (Ri Chol Ho)", "Kim Yong Suk",   "박순희",
                                 "Lee Cheol-ho",        "Choe Myong Gil", "한송이"};
  std::ofstream out(path, std::ios::binary);
  out << "source,record_id,name,sex,birth_year,origin,event,event_date,event_place,notes\n";
  for (std::size_t i = 0; i < rows; ++i) {
    out << "ORG" << (i % 4) << ',' << i << ',' << kNames[i % 6] << ' ' << i % 997 << ','
        << (i % 2 ? 'M' : 'F') << ',' << 1940 + i % 60 << ",Musan," << kEvents[i % 5] << ','
        << 1990 + i % 30 << '-' << 1 + i % 12 << ',' << kPlaces[i % 6]
        << ",\"held in the revolutionizing zone, testimony " << i << "\"\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t rows = argc > 1 ? std::stoul(argv[1]) : 1000000;
  const auto dir = std::filesystem::temp_directory_path() / "uncounted-import-bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string list = (dir / "list.csv").string();
  const std::string store_path = (dir / "bench.db").string();
  write_list(list, rows);
  const double mib = static_cast<double>(std::filesystem::file_size(list)) / (1 << 20);

  uncounted::store::Store::create(store_path, "benchmark passphrase");
  auto store = uncounted::store::Store::open(store_path, "benchmark passphrase");
  const auto start = std::chrono::steady_clock::now();
  uncounted::store::ImportOptions options;
  options.actor = "bench";
  const auto report = uncounted::store::import_files(*store, {list}, options);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double store_mib = static_cast<double>(std::filesystem::file_size(store_path)) / (1 << 20);
  std::printf(
      "import: %zu rows (%.1f MiB CSV) in %.2f s = %.0f rows/s; store %.1f MiB; "
      "peak memory %.1f MiB\n",
      report.inserted, mib, seconds, static_cast<double>(report.inserted) / seconds, store_mib,
      uncounted::bench::peak_memory_mib());
  store.reset();
  std::filesystem::remove_all(dir);
  return report.committed && report.inserted == rows ? 0 : 1;
}

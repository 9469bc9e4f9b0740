// libFuzzer target: read_capture_table (the `estimate --table` and partners'
// capture-history files) must either give a table that holds together or
// throw uncounted::Error (invalid input); never crash, hang or leak. The
// checks that run on every stratum before any estimator (why no estimate
// is possible, sparsity warnings, Chao's lower bound) must take whatever the
// reader accepts.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "estimate/capture_table.h"
#include "estimate/chao_lower_bound.h"
#include "model/error.h"

using uncounted::estimate::CaptureTable;

namespace {

void check(const CaptureTable& table) {
  const std::size_t lists = table.lists.size();
  if (lists == 0 || lists > 8) std::abort();
  for (const auto& stratum : table.strata) {
    if (stratum.counts.size() != (std::size_t{1} << lists)) std::abort();
    if (stratum.counts[0] != 0) std::abort();  // nobody is observed on no list
    for (std::int64_t c : stratum.counts)
      if (c < 0) std::abort();
    const auto why = uncounted::estimate::why_not_estimable(stratum, lists);
    uncounted::estimate::sparsity_warnings(stratum, lists);
    if (!why) uncounted::estimate::chao_lower_bound(stratum.counts);
  }
}

void read(const std::string& text, const uncounted::estimate::TableReadOptions& options) {
  std::istringstream in(text);
  try {
    check(uncounted::estimate::read_capture_table(in, "fuzz.csv", options));
  } catch (const uncounted::Error& e) {
    // A stratum or list column the options name and the file lacks is a
    // usage error; everything else about the file is invalid input.
    if (e.kind() != uncounted::ErrorKind::kInvalidInput && e.kind() != uncounted::ErrorKind::kUsage)
      std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  read(text, {});
  uncounted::estimate::TableReadOptions stratified;
  stratified.strata = {"camp"};
  read(text, stratified);
  return 0;
}

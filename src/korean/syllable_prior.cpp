#include "korean/syllable_prior.h"

#include <array>
#include <string>
#include <string_view>

#include "data/embedded_file.h"
#include "korean/utf8.h"
#include "model/error.h"

namespace uncounted::korean {
namespace {

constexpr float kTierCost[5] = {3.0f, 0.0f, 0.15f, 0.8f, 1.6f};  // index 0 = unlisted

// Sino-Korean readings end in nothing or one of ㄱ ㄴ ㄹ ㅁ ㅂ ㅇ.
bool sino_korean_tail(std::uint8_t tail) {
  return tail == 0 || tail == 1 || tail == 4 || tail == 8 || tail == 16 || tail == 17 || tail == 21;
}

struct Prior {
  std::array<float, kSyllableCount> cost{};
  Prior() {
    std::array<std::uint8_t, kSyllableCount> tier{};
    const auto text = data::embedded_file("korean_given_syllables.tsv");
    if (!text) throw runtime_error("embedded table missing", "data/korean_given_syllables.tsv");
    std::u32string decoded;
    std::size_t start = 0;
    while (start < text->size()) {
      std::size_t end = text->find('\n', start);
      if (end == std::string_view::npos) end = text->size();
      const std::string_view line = text->substr(start, end - start);
      start = end + 1;
      const std::size_t tab = line.find('\t');
      if (line.empty() || line[0] == '#' || tab == std::string_view::npos) continue;
      decode_utf8(line.substr(0, tab), decoded);
      if (decoded.size() != 1 || !is_syllable(decoded[0])) continue;  // header row
      const int t = line[tab + 1] - '0';
      if (t >= 1 && t <= 4) tier[syllable_index(decoded[0])] = static_cast<std::uint8_t>(t);
    }
    for (int s = 0; s < kSyllableCount; ++s) {
      const Jamo j = decompose(static_cast<SyllableIndex>(s));
      cost[s] = kTierCost[tier[s]] + (sino_korean_tail(j.tail) ? 0.0f : 1.5f);
    }
  }
};

}  // namespace

float given_syllable_cost(SyllableIndex syllable) {
  static const Prior prior;
  return syllable < kSyllableCount ? prior.cost[syllable] : 10.0f;
}

}  // namespace uncounted::korean

#include "korean/misspelled_name.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace uncounted::korean {
namespace {

// Added to the parser's cost of a repaired reading, so that a name read
// with one edit ranks behind any reading of the name as written (the two
// never meet: repairs are tried only when there is none).
constexpr float kEditCost = 2.0f;
// Readings kept from each edited text: the parser's best few.
constexpr int kReadingsPerEdit = 2;
constexpr std::size_t kMinLetters = 4;
// A name longer than this is not repaired: a romanized Korean name is
// rarely over 30 letters ("Namgung Hyeon-cheol" is 19), and the repairs of
// a text cost about 55 parses per letter.
constexpr std::size_t kMaxRepairedBytes = 48;

bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

class Repairs {
 public:
  explicit Repairs(int max_candidates) : max_(max_candidates) {}

  void try_text(const std::string& text) {
    for (const HangulCandidate& c : parse_romanized_name(text, kReadingsPerEdit)) {
      const float cost = c.cost + kEditCost;
      auto same = std::find_if(found_.begin(), found_.end(),
                               [&](const HangulCandidate& f) { return f.name == c.name; });
      if (same == found_.end()) {
        found_.push_back({c.name, cost});
      } else {
        same->cost = std::min(same->cost, cost);
      }
    }
  }
  bool any() const { return !found_.empty(); }
  std::vector<HangulCandidate> best() {
    std::stable_sort(
        found_.begin(), found_.end(),
        [](const HangulCandidate& a, const HangulCandidate& b) { return a.cost < b.cost; });
    if (found_.size() > static_cast<std::size_t>(max_)) found_.resize(max_);
    return std::move(found_);
  }

 private:
  int max_;
  std::vector<HangulCandidate> found_;
};

}  // namespace

std::vector<HangulCandidate> parse_misspelled_romanized_name(std::string_view text,
                                                             int max_candidates) {
  if (text.size() > kMaxRepairedBytes || max_candidates <= 0) return {};
  const std::string written(text);
  std::size_t letters = 0;
  for (char c : written) letters += is_letter(c) ? 1 : 0;
  if (letters < kMinLetters) return {};

  Repairs repairs(max_candidates);
  std::string edited;
  // A letter too many (a double press, "Parrk") or two letters swapped
  // ("Kmi", "yeogn").
  for (std::size_t i = 0; i < written.size(); ++i) {
    if (!is_letter(written[i])) continue;
    edited = written;
    edited.erase(i, 1);
    repairs.try_text(edited);
    if (i + 1 < written.size() && is_letter(written[i + 1]) &&
        std::tolower(static_cast<unsigned char>(written[i])) !=
            std::tolower(static_cast<unsigned char>(written[i + 1]))) {
      edited = written;
      std::swap(edited[i], edited[i + 1]);
      repairs.try_text(edited);
    }
  }
  if (repairs.any()) return repairs.best();
  // A wrong key ("Myeonf") or a letter left out ("Prk"): every letter in
  // its place, in the case of its neighbour.
  for (std::size_t i = 0; i <= written.size(); ++i) {
    const bool at_letter = i < written.size() && is_letter(written[i]);
    const bool after_letter = i > 0 && is_letter(written[i - 1]);
    if (!at_letter && !after_letter) continue;
    const bool upper =
        std::isupper(static_cast<unsigned char>(at_letter ? written[i] : written[i - 1])) != 0;
    for (char c = 'a'; c <= 'z'; ++c) {
      const char letter = upper ? static_cast<char>(c - 'a' + 'A') : c;
      if (at_letter && std::tolower(static_cast<unsigned char>(written[i])) != c) {
        edited = written;
        edited[i] = letter;
        repairs.try_text(edited);
      }
      edited = written;
      edited.insert(i, 1, letter);
      repairs.try_text(edited);
    }
  }
  return repairs.best();
}

}  // namespace uncounted::korean

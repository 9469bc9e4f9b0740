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
// Nor a word longer than this that has no reading ("KIMYOUNGWOO", a whole
// name joined, is 11).
constexpr std::size_t kMaxRepairedWord = 16;

bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_separator(char c) { return c == ' ' || c == '-' || c == ',' || c == '.' || c == '\t'; }

class Repairs {
 public:
  explicit Repairs(int max_candidates) : max_(max_candidates) {}

  // TEXT is the name with one edit; [FROM, TO) the edited word in it. The
  // word alone must read before the whole name is parsed (a few times
  // cheaper, and most edits fail there).
  void try_text(const std::string& text, std::size_t from, std::size_t to) {
    const bool whole = from == 0 && to == text.size();  // then the check would be the parse
    if (!whole && parse_romanized_name(std::string_view(text).substr(from, to - from), 1).empty())
      return;
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

  // One edit mends one word: the word that has no reading alone ("aMn" in
  // "Pak aMn-ryon") is where the edits go. Two such words ("John Smith")
  // are beyond one edit; with none, only the cheap edits are tried,
  // anywhere. This keeps a name that is no Korean name to a few parses.
  std::size_t from = 0, to = written.size();
  int unread_words = 0;
  for (std::size_t b = 0; b < written.size();) {
    if (is_separator(written[b])) {
      ++b;
      continue;
    }
    std::size_t e = b;
    while (e < written.size() && !is_separator(written[e])) ++e;
    if (parse_romanized_name(std::string_view(written).substr(b, e - b), 1).empty()) {
      if (++unread_words > 1 || e - b > kMaxRepairedWord) return {};
      from = b, to = e;
    }
    b = e;
  }

  Repairs repairs(max_candidates);
  std::string edited;
  // A letter too many (a double press, "Parrk") or two letters swapped
  // ("Kmi", "yeogn").
  for (std::size_t i = from; i < to; ++i) {
    if (!is_letter(written[i])) continue;
    edited = written;
    edited.erase(i, 1);
    repairs.try_text(edited, from, to - 1);
    if (i + 1 < to && is_letter(written[i + 1]) &&
        std::tolower(static_cast<unsigned char>(written[i])) !=
            std::tolower(static_cast<unsigned char>(written[i + 1]))) {
      edited = written;
      std::swap(edited[i], edited[i + 1]);
      repairs.try_text(edited, from, to);
    }
  }
  if (repairs.any() || unread_words == 0) return repairs.best();
  // A wrong key ("Myeonf") or a letter left out ("Prk"): every letter in
  // its place, in the case of its neighbour, within the unread word.
  for (std::size_t i = from; i <= to; ++i) {
    const bool at_letter = i < to && is_letter(written[i]);
    const bool after_letter = i > from && is_letter(written[i - 1]);
    if (!at_letter && !after_letter) continue;
    const bool upper =
        std::isupper(static_cast<unsigned char>(at_letter ? written[i] : written[i - 1])) != 0;
    for (char c = 'a'; c <= 'z'; ++c) {
      const char letter = upper ? static_cast<char>(c - 'a' + 'A') : c;
      if (at_letter && std::tolower(static_cast<unsigned char>(written[i])) != c) {
        edited = written;
        edited[i] = letter;
        repairs.try_text(edited, from, to);
      }
      edited = written;
      edited.insert(i, 1, letter);
      repairs.try_text(edited, from, to + 1);
    }
  }
  return repairs.best();
}

}  // namespace uncounted::korean

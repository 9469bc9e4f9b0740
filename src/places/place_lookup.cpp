// Gazetteer::lookup: free text to a place, with a confidence and the other
// places the text may mean. The rules, in order:
//  1. A name key equal to an alias's key (exact spelling after case,
//     spaces, hyphens, apostrophes and diacritics) scores 1.0; equal after
//     folding romanization differences 0.95; within a small edit distance
//     0.9 x similarity (counted in letters, a Hangul syllable as its
//     jamo; a typo in the level word too: "자성근", "Kowon Cpunty").
//     Below kMinConfidence, or tied between two places that cannot both
//     be right, there is no id.
//  2. Text with facility words or a number ("Camp 15", "요덕 15호 관리소",
//     "Yodok camp") is matched against facilities: the number, the site
//     name and the kind must agree; each one that is present adds to the
//     confidence.
//  3. Without facility words an administrative place wins over a facility
//     of the same name ("Hoeryong" is the city; Camp 22 is an alternative).

#include <algorithm>
#include <cmath>

#include "places/edit_distance.h"
#include "places/gazetteer.h"
#include "places/gazetteer_index.h"
#include "places/place_text.h"

namespace uncounted::places {
namespace {

constexpr double kFoldedScore = 0.95;
constexpr double kFuzzyScale = 0.9;
constexpr double kFuzzyMinSimilarity = 0.7;  // for alternatives; a match needs kMinConfidence
constexpr double kTie = 0.01;
constexpr double kWithinScore = 0.5;  // a facility inside a matched place
constexpr std::size_t kMaxAlternatives = 8;
constexpr std::size_t kMaxTextBytes = 500;
constexpr std::size_t kMinFuzzyLength = 4;
constexpr std::size_t kMinHangulFuzzyLetters = 7;  // jamo: three syllables

struct Scored {
  std::size_t place;
  double score;
};

int kind_rank(PlaceKind kind) {
  // Facilities after areas; larger areas first among equals.
  switch (kind) {
    case PlaceKind::kProvince:
      return 0;
    case PlaceKind::kSpecialCity:
      return 1;
    case PlaceKind::kCity:
      return 2;
    case PlaceKind::kCounty:
      return 3;
    case PlaceKind::kDistrict:
      return 4;
    default:
      return 5;
  }
}

void keep_best(std::vector<Scored>& scored, std::size_t place, double score) {
  for (Scored& s : scored) {
    if (s.place == place) {
      s.score = std::max(s.score, score);
      return;
    }
  }
  scored.push_back({place, score});
}

}  // namespace

// Name matches of Q's key, best first.
static std::vector<Scored> name_matches(const Gazetteer::Index& ix, std::span<const Place> places,
                                        const PlaceQuery& q) {
  std::vector<Scored> out;
  if (q.plain.empty()) return out;
  const auto folded = ix.folded.find(q.folded);
  if (const auto plain = ix.plain.find(q.plain); plain != ix.plain.end()) {
    // Exact; but when folding merges it with another place ("Unsan" 운산,
    // "Ŭnsan" 은산), the spelling alone is weaker evidence.
    const bool shared = folded != ix.folded.end() && folded->second.size() > plain->second.size();
    for (std::size_t p : plain->second) keep_best(out, p, shared ? 0.9 : 1.0);
    if (shared) {
      for (std::size_t p : folded->second) keep_best(out, p, 0.85);
    }
  } else if (folded != ix.folded.end()) {
    for (std::size_t p : folded->second) keep_best(out, p, kFoldedScore);
  } else if (!ix.decoy_keys.contains(q.folded)) {
    // Hangul is matched with its level suffix, as the suffixed forms in the
    // index are: two syllables alone are too near too many other words
    // (광주 is one jamo from 황주, 시장 from 시중).
    const bool hangul = static_cast<unsigned char>(q.folded.front()) >= 0x80;
    const std::u32string key = typo_key(hangul ? q.folded + q.level : q.folded);
    // The best fit among foreign places: a North Korean name must beat it.
    int decoy_distance = static_cast<int>(key.size());
    for (const std::u32string& decoy : ix.decoys) {
      decoy_distance = std::min(decoy_distance, edit_distance(key, decoy, decoy_distance));
    }
    if (key.size() >= (hangul ? kMinHangulFuzzyLetters : kMinFuzzyLength)) {
      const int limit = static_cast<int>(std::floor(key.size() * (1 - kFuzzyMinSimilarity)));
      for (const auto& candidate : ix.fuzzy) {
        const int d = edit_distance(key, candidate.key, std::min(limit, decoy_distance - 1));
        if (d > limit || d >= decoy_distance) continue;
        const double longer = static_cast<double>(std::max(key.size(), candidate.key.size()));
        keep_best(out, candidate.place, kFuzzyScale * (1 - d / longer));
      }
    }
  }
  std::sort(out.begin(), out.end(), [&](const Scored& a, const Scored& b) {
    if (a.score != b.score) return a.score > b.score;
    const int ra = kind_rank(places[a.place].kind), rb = kind_rank(places[b.place].kind);
    return ra != rb ? ra < rb : a.place < b.place;
  });
  return out;
}

static void add_alternative(PlaceMatch& m, const Place* p, double confidence) {
  if (p == m.place) return;
  for (PlaceCandidate& c : m.alternatives) {
    if (c.place == p) {
      c.confidence = std::max(c.confidence, confidence);
      return;
    }
  }
  m.alternatives.push_back({p, confidence});
}

static void finish(PlaceMatch& m) {
  std::stable_sort(
      m.alternatives.begin(), m.alternatives.end(),
      [](const PlaceCandidate& a, const PlaceCandidate& b) { return a.confidence > b.confidence; });
  if (m.alternatives.size() > kMaxAlternatives) m.alternatives.resize(kMaxAlternatives);
  if (!m.place) m.confidence = 0;
}

PlaceMatch Gazetteer::lookup_segment(std::string_view text) const {
  const Index& ix = *index_;
  const PlaceQuery q = parse_place_query(text);
  const std::vector<Scored> names = name_matches(ix, places_, q);
  PlaceMatch m;

  if (!q.facility_words && q.number == 0) {
    if (names.empty()) return m;
    const Scored best = names.front();
    const Place& bp = places_[best.place];
    bool ambiguous = false;
    for (std::size_t i = 1; i < names.size(); ++i) {
      const Place& other = places_[names[i].place];
      if (names[i].score < best.score - kTie) break;
      if (is_facility(other.kind) && !is_facility(bp.kind)) continue;
      if (!compatible(bp.id, other.id)) ambiguous = true;
    }
    if (!ambiguous && best.score >= kMinConfidence) {
      m.place = &bp;
      m.confidence = best.score;
      for (std::size_t f : ix.facilities_within[best.place]) {
        add_alternative(m, &places_[f], kWithinScore);
      }
    }
    for (const Scored& s : names) add_alternative(m, &places_[s.place], s.score);
    finish(m);
    return m;
  }

  // Facility words or a number: which facility?
  std::vector<std::size_t> candidates;
  for (std::size_t i = 0; i < places_.size(); ++i) {
    if (!is_facility(places_[i].kind)) continue;
    if (q.number != 0 && places_[i].number != q.number) continue;
    candidates.push_back(i);
  }
  if (q.plain.empty() && (q.number == 0 || !q.facility_words)) {
    // "kwanliso" alone: which one? "15" alone: maybe not a facility at all.
    if (q.number != 0) {
      for (std::size_t c : candidates) add_alternative(m, &places_[c], 0.5);
    }
    finish(m);
    return m;
  }
  if (candidates.empty()) {
    for (const Scored& s : names) add_alternative(m, &places_[s.place], s.score * 0.8);
    finish(m);
    return m;
  }
  double name_score = 0;
  const Scored* named_place = nullptr;
  if (!q.plain.empty()) {
    std::vector<std::size_t> direct, via_place;
    for (std::size_t c : candidates) {
      const auto& sp = ix.site_plain[c];
      const auto& sf = ix.site_folded[c];
      if (std::find(sp.begin(), sp.end(), q.plain) != sp.end() ||
          std::find(sf.begin(), sf.end(), q.folded) != sf.end()) {
        direct.push_back(c);
      }
    }
    for (const Scored& s : names) {
      if (s.score < kMinConfidence) continue;
      for (std::size_t c : candidates) {
        const auto& within = ix.facilities_within[s.place];
        if (c == s.place || std::find(within.begin(), within.end(), c) != within.end()) {
          if (std::find(via_place.begin(), via_place.end(), c) == via_place.end()) {
            via_place.push_back(c);
          }
          if (!named_place) named_place = &s;
        }
      }
    }
    if (direct.empty() && via_place.empty()) {
      // The name and the number disagree ("Yodok 16"), or no facility of
      // that name is known: no id; show both readings.
      for (std::size_t c : candidates) add_alternative(m, &places_[c], 0.5);
      for (const Scored& s : names) add_alternative(m, &places_[s.place], s.score * 0.8);
      finish(m);
      return m;
    }
    name_score = direct.empty() ? (named_place ? named_place->score : 0) : 1.0;
    candidates = direct;
    for (std::size_t c : via_place) {
      if (std::find(direct.begin(), direct.end(), c) == direct.end()) candidates.push_back(c);
    }
    // The kind named in the text decides between them where it can
    // ("Hoeryong prison" is the kyohwaso at Jongo-ri, not Camp 22); else a
    // facility that carries the name itself beats one that only lies there.
    std::vector<std::size_t> fitting;
    for (std::size_t c : candidates) {
      if (hint_fits(q.hint, places_[c].kind)) fitting.push_back(c);
    }
    if (!fitting.empty()) candidates = fitting;
    std::vector<std::size_t> fitting_direct;
    for (std::size_t c : candidates) {
      if (std::find(direct.begin(), direct.end(), c) != direct.end()) fitting_direct.push_back(c);
    }
    if (!fitting_direct.empty())
      candidates = fitting_direct;
    else if (named_place)
      name_score = named_place->score;
  }
  std::vector<std::size_t> fitting;
  for (std::size_t c : candidates) {
    if (hint_fits(q.hint, places_[c].kind)) fitting.push_back(c);
  }
  const bool hint_used =
      !fitting.empty() && q.hint != FacilityHint::kNone && q.hint != FacilityHint::kDetention;
  if (!fitting.empty()) candidates = fitting;
  if (candidates.size() == 1) {
    m.place = &places_[candidates.front()];
    m.confidence =
        std::min(1.0, 0.7 + (q.number != 0 ? 0.15 : 0) + 0.1 * name_score + (hint_used ? 0.05 : 0));
    if (m.confidence < kMinConfidence) m.place = nullptr;
    finish(m);
    return m;
  }
  // Several facilities fit ("Hyesan detention centre"): the place they share
  // is still right, when the text named it.
  if (named_place && named_place->score >= kMinConfidence &&
      !is_facility(places_[named_place->place].kind)) {
    m.place = &places_[named_place->place];
    m.confidence = named_place->score * 0.8;
    if (m.confidence < kMinConfidence) m.place = nullptr;
  }
  for (std::size_t c : candidates) add_alternative(m, &places_[c], 0.5);
  finish(m);
  return m;
}

// Splits "Hoeryong (회령)", "Onsong, North Hamgyong" and "Hoeryong 회령"
// into parts that can be looked up alone.
static std::vector<std::string_view> segments(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  int script = 0;  // 0 none yet, 1 Latin, 2 Hangul
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const bool end = i == text.size();
    const char c = end ? ',' : text[i];
    const auto b = static_cast<unsigned char>(c);
    int here = 0;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) here = 1;
    if (b >= 0xEA && b <= 0xED) here = 2;  // lead byte of U+A000..U+DFFF (Hangul syllables)
    const bool cut = end || c == '(' || c == ')' || c == '/' || c == ',' || c == ';' ||
                     (here != 0 && script != 0 && here != script);
    if (cut) {
      if (i > start) out.push_back(text.substr(start, i - start));
      start = (here != 0 && !end && c != '(' && c != ')' && c != '/' && c != ',' && c != ';')
                  ? i
                  : i + 1;
      script = here;
    } else if (here != 0) {
      script = here;
    }
  }
  return out;
}

PlaceMatch Gazetteer::lookup(std::string_view text) const {
  if (text.size() > kMaxTextBytes) return {};
  PlaceMatch whole = lookup_segment(text);
  if (whole.place) return whole;
  const std::vector<std::string_view> parts = segments(text);
  if (parts.size() < 2) return whole;
  std::vector<PlaceMatch> found;
  for (std::string_view part : parts) {
    PlaceMatch pm = lookup_segment(part);
    if (pm.place) found.push_back(std::move(pm));
  }
  if (found.empty()) return whole;
  // Agreeing parts ("Onsong, North Hamgyong"): the most specific one.
  const PlaceMatch* deepest = &found.front();
  bool agree = true;
  for (const PlaceMatch& pm : found) {
    if (!compatible(pm.place->id, deepest->place->id)) agree = false;
    if (same_or_within(pm.place->id, deepest->place->id)) deepest = &pm;
  }
  PlaceMatch m;
  if (agree) {
    m = *deepest;
    for (const PlaceMatch& pm : found) m.confidence = std::max(m.confidence, pm.confidence);
  }
  for (const PlaceMatch& pm : found) {
    add_alternative(m, pm.place, pm.confidence);
    for (const PlaceCandidate& c : pm.alternatives) add_alternative(m, c.place, c.confidence);
  }
  finish(m);
  return m;
}

}  // namespace uncounted::places

#include "store/partner_view.h"

#include <algorithm>
#include <unordered_map>

#include "dates/fuzzy_date_parser.h"
#include "places/event_place.h"
#include "store/pseudonym.h"
#include "store/record_table.h"

namespace uncounted::store {
namespace {

// The generalization steps of the least group, in order.
constexpr int kMostSteps = 5;

std::string span(int from, int to) {
  return from == to ? std::to_string(from) : std::to_string(from) + "-" + std::to_string(to);
}

// A birth year as written ("1962", "c.1962", "Juche 51") as a band of WIDTH
// years, when the text pins the year to within one band's width.
std::optional<std::string> birth_band(const std::optional<std::string>& text, int width) {
  if (!text) return std::nullopt;
  const auto date = dates::try_parse_fuzzy_date(*text);
  if (!date || date->latest.year - date->earliest.year >= width) return std::nullopt;
  const int middle = date->middle_year();
  const int from = middle - ((middle % width) + width) % width;
  return span(from, from + width - 1);
}

// An event date as the years it allows; spans of more than ten years are
// no information worth the risk.
std::optional<std::string> event_years(const std::optional<std::string>& text, int width) {
  if (!text) return std::nullopt;
  const auto date = dates::try_parse_fuzzy_date(*text);
  if (!date || date->latest.year - date->earliest.year >= 10) return std::nullopt;
  if (width <= 1) return span(date->earliest.year, date->latest.year);
  const int from = date->earliest.year - ((date->earliest.year % width) + width) % width;
  if (date->latest.year >= from + width) return span(from, date->latest.year);
  return span(from, from + width - 1);
}

std::optional<std::string> place_name(const std::optional<std::string>& text,
                                      const std::string& event) {
  if (!text) return std::nullopt;
  const places::PlaceMatch match = places::lookup_for_event(*text, event);
  if (!match.place) return std::nullopt;
  return match.place->name;
}

// One record's values at every step, computed once.
struct Ladder {
  std::optional<std::string> band5, band10, year, year5;
};

void apply_step(const Ladder& ladder, int step, const std::optional<std::string>& sex,
                const std::optional<std::string>& place, PartnerRecord& out) {
  out.generalized = step;
  out.birth_years = step == 0 ? ladder.band5 : step == 1 ? ladder.band10 : std::nullopt;
  out.event_year = step <= 1 ? ladder.year : step == 2 ? ladder.year5 : std::nullopt;
  out.sex = step <= 3 ? sex : std::nullopt;
  out.event_place = step <= 4 ? place : std::nullopt;
}

std::string group_key(const PartnerRecord& r) {
  // The source too: whoever holds one source list matches within its rows.
  std::string key = r.source + '\x1f';
  auto add = [&key](const std::optional<std::string>& v) {
    key += v ? *v : std::string("\x01");
    key += '\x1f';
  };
  add(r.sex);
  add(r.birth_years);
  key += r.event + '\x1f';
  add(r.event_year);
  add(r.event_place);
  return key;
}

double unique_share(const std::vector<std::string>& keys) {
  if (keys.empty()) return 0;
  std::unordered_map<std::string, std::size_t> count;
  for (const std::string& k : keys) ++count[k];
  std::size_t unique = 0;
  for (const std::string& k : keys) unique += count[k] == 1;
  return static_cast<double>(unique) / static_cast<double>(keys.size());
}

}  // namespace

PartnerView partner_view(Store& store) {
  Database& db = store.db();
  const Pseudonymizer pseudonyms(store.pseudonym_secret());
  std::unordered_map<std::int64_t, std::string> entity_of;
  {
    Statement s = db.prepare("SELECT record, entity_id FROM entities");
    while (s.step()) entity_of.emplace(s.column_int(0), s.column_text(1));
  }
  PartnerView view;
  std::vector<Ladder> ladders;
  std::vector<std::optional<std::string>> sexes, places;
  std::vector<std::string> as_stored;
  for_each_record(db, [&](const StoredRecord& stored) {
    const Record& r = stored.record;
    PartnerRecord row;
    row.source = r.source;
    row.stored_id = stored.id;
    row.record = pseudonyms.pseudonym("record", r.source + '\0' + r.record_id);
    if (auto it = entity_of.find(stored.id); it != entity_of.end()) {
      row.entity = pseudonyms.pseudonym("entity", std::string(1, '\0') + it->second);
    }
    if (r.testimony_id) {
      row.testimony = pseudonyms.pseudonym("testimony", r.source + '\0' + *r.testimony_id);
    }
    row.event = r.event;
    const std::string_view code = to_code(r.sex);
    const std::optional<std::string> sex =
        code.empty() ? std::nullopt : std::optional<std::string>(std::string(code));
    const std::optional<std::string> place = place_name(r.event_place, r.event);
    ladders.push_back(Ladder{birth_band(r.birth_year, 5), birth_band(r.birth_year, 10),
                             event_years(r.event_date, 1), event_years(r.event_date, 5)});
    apply_step(ladders.back(), 0, sex, place, row);
    sexes.push_back(sex);
    places.push_back(place);
    as_stored.push_back(r.source + '\x1f' + std::string(code) + '\x1f' +
                        r.birth_year.value_or("\x01") + '\x1f' + r.event + '\x1f' +
                        r.event_date.value_or("\x01") + '\x1f' + r.event_place.value_or("\x01"));
    view.rows.push_back(std::move(row));
  });
  view.unique_share_as_stored = unique_share(as_stored);

  // The least group: rows in small groups take one more step, until every
  // group is large enough or its rows have taken every step. Monotone, so
  // it ends within kMostSteps rounds.
  std::vector<std::string> keys(view.rows.size());
  for (int round = 0; round <= kMostSteps; ++round) {
    std::unordered_map<std::string, std::size_t> count;
    for (std::size_t i = 0; i < view.rows.size(); ++i) {
      keys[i] = group_key(view.rows[i]);
      ++count[keys[i]];
    }
    bool moved = false;
    for (std::size_t i = 0; i < view.rows.size(); ++i) {
      PartnerRecord& row = view.rows[i];
      if (count[keys[i]] >= kLeastGroup || row.generalized == kMostSteps) continue;
      apply_step(ladders[i], row.generalized + 1, sexes[i], places[i], row);
      moved = true;
    }
    if (!moved) break;
  }
  std::unordered_map<std::string, std::size_t> count;
  for (std::size_t i = 0; i < view.rows.size(); ++i) {
    keys[i] = group_key(view.rows[i]);
    ++count[keys[i]];
  }
  for (std::size_t i = 0; i < view.rows.size(); ++i) {
    view.generalized_rows += view.rows[i].generalized > 0;
    view.rows_under_least_group += count[keys[i]] < kLeastGroup;
  }
  view.unique_share = unique_share(keys);
  // Keyed order: by pseudonym, which only the store's secret predicts.
  std::sort(view.rows.begin(), view.rows.end(),
            [](const PartnerRecord& a, const PartnerRecord& b) { return a.record < b.record; });
  return view;
}

}  // namespace uncounted::store

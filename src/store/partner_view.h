#pragma once
// What a partner organization or an analyst may see of the records: the one
// rule, used by the partner export (exporter.h) and the web application's
// pseudonymized view (GET /api/records/pseudonymized).
//
//   - never a name, an origin, notes, free text or a column the schema does
//     not know;
//   - record, person and testimony ids as keyed pseudonyms (pseudonym.h);
//   - birth years as five-year bands ("1960-1964"), event dates as their
//     year ("2009", or the span of years a vague date allows, "1990-1999"),
//     event places as the gazetteer's name of the place or facility they
//     name ("Camp 15 (Yodok)"), nothing when the gazetteer does not know
//     the text: "Hoeryong, the house of ... uncle" never leaves;
//   - rows in an order keyed by the store's secret, not import order (so a
//     holder of one source list cannot line rows up by position);
//   - a least group: a row whose combination of source, sex, birth band,
//     event, event year and place is shared by fewer than kLeastGroup rows
//     is generalized, step by step (birth decade; no birth year and the event
//     year as a five-year span; no event year; no sex; no place), until
//     its group is large enough or nothing is left to take away.
// docs/store.md gives the figures behind these choices.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace uncounted::store {

inline constexpr std::size_t kLeastGroup = 5;

struct PartnerRecord {
  std::string source;
  std::string record;  // pseudonym
  std::optional<std::string> entity;
  std::optional<std::string> sex;          // M or F
  std::optional<std::string> birth_years;  // "1960-1964", "1960-1969"
  std::string event;
  std::optional<std::string> event_year;   // "2009", "2005-2009"
  std::optional<std::string> event_place;  // the gazetteer's name
  std::optional<std::string> testimony;
  int generalized = 0;         // steps taken for the least group (0: none)
  std::int64_t stored_id = 0;  // for the audit log's ids; never shown
};

struct PartnerView {
  std::vector<PartnerRecord> rows;  // in keyed order
  // Disclosure figures on sex, birth year, event, event date and place:
  // the share of rows unique on them as stored (what the export gave
  // before), and as shown here; rows generalized; rows whose group is still
  // under kLeastGroup after every step.
  double unique_share_as_stored = 0;
  double unique_share = 0;
  std::size_t generalized_rows = 0;
  std::size_t rows_under_least_group = 0;
};

// Reads every record of STORE. Allocates the whole view: a store of a
// million records takes a few hundred MB.
PartnerView partner_view(Store& store);

}  // namespace uncounted::store

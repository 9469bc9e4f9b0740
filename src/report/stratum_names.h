#pragma once
// How the report names a stratum: a place as the gazetteer names it in
// English and Korean ("Kwanliso No. 15 Yodok" / "요덕 제15호 관리소"), not
// its id, and whether the stratum is an artefact of the records (a blank
// or unreadable place or date) rather than a population of its own.

#include <string>

#include "estimate/population_estimate.h"

namespace uncounted::report {

struct StratumName {
  std::string english, korean;
  std::string id;  // "kwanliso-15"; the raw key ("event_place=unknown, sex=F") otherwise
};

StratumName stratum_name(const estimate::StratumEstimate& e);

// Whether E's stratum gathers records whose stratum column is blank
// ("unknown") or not understood ("unresolved"): such records are part of
// the other strata's people, not a population of their own, and stay out
// of totals.
bool is_artefact(const estimate::StratumEstimate& e);

}  // namespace uncounted::report

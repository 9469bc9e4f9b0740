#pragma once
// Hierarchical log-linear models of list dependence: every list's main
// effect, plus interaction terms closed downwards (a three-way term brings
// its two-way terms). A model is named by its generating class, as
// Rcapture's closedpMS.t does: "[123,14,34]" is EXH x ABA x OSCE, EXH x HRW
// and OSCE x HRW for Kosovo. The t-way term is never included: the all-zero
// cell would have nothing left to identify it.

#include <string>
#include <vector>

#include "estimate/capture_table.h"
#include "estimate/loglinear_model.h"

namespace uncounted::estimate {

// Interaction terms (bitmasks with at least two lists) of one model, closed
// downwards, sorted by size then value.
using InteractionTerms = std::vector<Pattern>;

// Optional heterogeneity column added to every hierarchical model (as
// closedpMS.t's h argument).
enum class HeterogeneityColumn { kNone, kDarroch };

// The highest interaction order the model search considers for T lists:
// min(3, T - 1).
int max_interaction_order(int t);

// Every hierarchical model for T lists with interactions up to MAX_ORDER;
// stops (returning what it has) after LIMIT models.
std::vector<InteractionTerms> enumerate_hierarchical_models(int t, int max_order,
                                                            std::size_t limit);

// The generating class (maximal terms, singletons included) in Rcapture's
// digits ("[123,14,34]"; lists numbered from 1) ...
std::string generator_name(int t, const InteractionTerms& terms);
// ... and with list codes: "[A,B,C][A,D][C,D]" (codes of one character are
// written together: "[ABC][AD][CD]").
std::string generator_name(const std::vector<std::string>& lists, const InteractionTerms& terms);

// The design of the model: intercept, main effects, then one product column
// per interaction term.
LoglinearModel hierarchical_model(int t, const InteractionTerms& terms,
                                  HeterogeneityColumn h = HeterogeneityColumn::kNone);

}  // namespace uncounted::estimate

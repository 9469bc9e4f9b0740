#pragma once
// The files `uncounted link --input` writes and `evaluate` reads back:
//   links:     source,record_id,entity_id,match_probability (one row per record)
//   pairs:     source_l,record_id_l,source_r,record_id_r,match_weight,match_probability
//   review:    kind,source_l,record_id_l,source_r,record_id_r,entity_id,match_probability,reason
//   decisions: source_l,record_id_l,source_r,record_id_r,match (1/0; also
//              the format of labelled training pairs)

#include <string>
#include <vector>

#include "link/linker.h"

namespace uncounted::link {

// Entity ids as written: "e" and the entity number, zero-padded.
std::string entity_label(std::uint32_t entity);

void write_links_csv(const std::string& path, const Linker& linker);
void write_pairs_csv(const std::string& path, const Linker& linker);
void write_review_csv(const std::string& path, const Linker& linker);

// Reads a decisions file; records are looked up in TABLE. Throws
// invalid_input on a malformed row or an unknown record.
std::vector<PairDecision> read_decisions_csv(const std::string& path, const Table& table);

// Reads a links file: per record of TABLE, its entity (records the file
// lacks get entities of their own). Throws invalid_input on unknown records.
std::vector<std::uint32_t> read_links_csv(const std::string& path, const Table& table);
// Reads a pairs file into scored pairs of TABLE's records.
std::vector<ScoredPair> read_pairs_csv(const std::string& path, const Table& table);

}  // namespace uncounted::link

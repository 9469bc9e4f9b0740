#pragma once
// Checks for the command line's numeric options, stricter than CLI11's own
// conversions: those take "-1" for an unsigned option (as 2^64 - 1) and a
// "nan" for a probability. Each check names what it wants, and a refused
// value ends the command before anything runs (exit code 2).
//
//   cmd->add_option("--seed", args->seed, "...")->check(seed_check());

#include <CLI/CLI.hpp>
#include <cstdint>

namespace uncounted::cli {

// A whole number from 0 to 18446744073709551615, in decimal digits only.
CLI::Validator seed_check();

// A whole number from MIN to MAX, in decimal digits (no sign, no exponent).
CLI::Validator whole_number_check(std::uint64_t min, std::uint64_t max);

// A finite number from 0 to 1.
CLI::Validator probability_check();

}  // namespace uncounted::cli

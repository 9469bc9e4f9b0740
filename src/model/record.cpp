#include "model/record.h"

namespace uncounted {

std::string_view to_code(Sex sex) {
  switch (sex) {
    case Sex::kMale:
      return "M";
    case Sex::kFemale:
      return "F";
    case Sex::kUnknown:
      return "";
  }
  return "";
}

}  // namespace uncounted

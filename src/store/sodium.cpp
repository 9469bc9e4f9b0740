#include "store/sodium.h"

#include <sodium.h>

#include "model/error.h"

namespace uncounted::store {

void ensure_sodium() {
  if (sodium_init() < 0) throw runtime_error("cannot initialize libsodium");
}

}  // namespace uncounted::store

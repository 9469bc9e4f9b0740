#include "link/place_values.h"

#include "model/parallel.h"
#include "places/gazetteer.h"

namespace uncounted::link {

PlaceValues::PlaceValues(const std::vector<std::string_view>& values) {
  const places::Gazetteer& g = places::gazetteer();
  const places::Place* first = g.places().data();
  chains_.resize(values.size() + 1);
  chains_[0].fill(-1);
  // Each distinct value on its own (lookup is const and thread-safe).
  model::parallel_for(values.size(), model::default_thread_count(), [&](std::size_t item, int) {
    const std::size_t id = item + 1;
    std::array<std::int32_t, kMaxDepth>& chain = chains_[id];
    chain.fill(-1);
    const places::PlaceMatch match = g.lookup(values[id - 1]);
    const places::Place* p = match.place;
    for (int depth = 0; p != nullptr && depth < kMaxDepth; ++depth) {
      chain[depth] = static_cast<std::int32_t>(p - first);
      p = p->parent.empty() ? nullptr : g.find(p->parent);
    }
  });
}

}  // namespace uncounted::link

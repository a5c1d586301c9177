#include "salvo/ingest/id_registry.h"

#include <charconv>
#include <functional>

namespace salvo {

namespace {

// A source as its input and line: "feed.jsonl:14" is feed.jsonl and 14. A suffix that would not
// be written back the same (a leading zero, too many digits) stays part of the input.
std::pair<std::string_view, uint32_t> split_source(std::string_view source) {
  const size_t colon = source.rfind(':');
  if (colon == std::string_view::npos || colon + 1 >= source.size() || source[colon + 1] == '0') return {source, 0};
  uint32_t line = 0;
  const char* end = source.data() + source.size();
  const auto [stop, error] = std::from_chars(source.data() + colon + 1, end, line);
  if (error != std::errc{} || stop != end) return {source, 0};
  return {source.substr(0, colon), line};
}

}  // namespace

void IdRegistry::insert(Table& table, const Slot& slot) {
  const size_t mask = table.slots.size() - 1;
  for (size_t i = (slot.hash >> 8) & mask;; i = (i + 1) & mask) {
    if (table.slots[i].hash == 0) {
      table.slots[i] = slot;
      return;
    }
  }
}

std::optional<std::string> IdRegistry::add(std::string_view id, std::string_view source) {
  uint64_t hash = std::hash<std::string_view>{}(id);
  if (hash == 0) hash = 1;
  Table& table = tables_[hash & 0xFF];
  if (!table.slots.empty()) {
    const size_t mask = table.slots.size() - 1;
    for (size_t i = (hash >> 8) & mask; table.slots[i].hash != 0; i = (i + 1) & mask) {
      if (table.slots[i].hash == hash) return source_of(table.slots[i]);
    }
  }
  // Kept at most 7/8 full: a linear probe stays short.
  if (8 * (table.used + 1) > 7 * table.slots.size()) {
    Table grown;
    grown.slots.resize(table.slots.empty() ? 64 : 2 * table.slots.size());
    for (const Slot& slot : table.slots) {
      if (slot.hash != 0) insert(grown, slot);
    }
    grown.used = table.used;
    table = std::move(grown);
  }
  const auto [input, line] = split_source(source);
  if (inputs_.empty() || inputs_.back() != input) inputs_.emplace_back(input);
  insert(table, Slot{hash, static_cast<uint32_t>(inputs_.size() - 1), line});
  ++table.used;
  ++size_;
  return std::nullopt;
}

std::string IdRegistry::source_of(const Slot& slot) const {
  const std::string& input = inputs_[slot.input];
  return slot.line == 0 ? input : input + ":" + std::to_string(slot.line);
}

}  // namespace salvo

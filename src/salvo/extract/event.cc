#include "salvo/extract/event.h"

#include <algorithm>

namespace salvo {

bool told_in(const Event& e, size_t s) { return std::find(e.sentences.begin(), e.sentences.end(), s) != e.sentences.end(); }

bool share_a_telling(const Event& a, const Event& b) {
  return std::any_of(a.sentences.begin(), a.sentences.end(), [&](size_t s) { return told_in(b, s); });
}

const char* to_string(EventType type) {
  switch (type) {
    case EventType::kAttack: return "attack";
    case EventType::kStrike: return "strike";
    case EventType::kInterception: return "interception";
  }
  return "attack";
}

const char* to_string(ActorStatus status) {
  switch (status) {
    case ActorStatus::kClaimed: return "claimed";
    case ActorStatus::kAccused: return "accused";
    case ActorStatus::kReported: return "reported";
    case ActorStatus::kNone: return "";
  }
  return "";
}

const char* to_string(TallyWhat what) {
  switch (what) {
    case TallyWhat::kAttacks: return "attacks";
    case TallyWhat::kInjured: return "injured";
    case TallyWhat::kKilled: return "killed";
  }
  return "attacks";
}

}  // namespace salvo

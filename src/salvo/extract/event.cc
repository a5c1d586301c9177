#include "salvo/extract/event.h"

namespace salvo {

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

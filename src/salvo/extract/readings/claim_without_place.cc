// A claim or accusation about incidents already told: "… claimed attacks on those locations".
// Kept for the end (actors.h: apply_article_claims), when every incident it may be of is told.
#include "salvo/extract/readings/readings.h"

#include "salvo/extract/actors.h"
#include "salvo/extract/incident_words.h"

namespace salvo::extract {

bool claim_without_place(const ArticleView& view, const SentenceReading& r, ArticleState& state) {
  if (!r.places.empty()) return false;
  const size_t s = r.s;
  const Trigger* trigger = r.trigger;
  const ActorChoice& actor = r.actor;
  // "The majority of these attacks have been attributed to …" speaks of a trend: only claims
  // and accusations about "the attack(s)" just told count.
  // US or coalition forces claim nothing: their "claims" are statements (actors.h: may_claim).
  if ((r.claim || r.accuse) && actor.mention && may_claim(view, *actor.mention)) {
    if (r.accuse && trigger && is_plural_noun(view.cues(), trigger->surface)) return true;
    state.pending_claims.push_back({s, actor});
    // A claim that also gives the toll tells the incident again: "… were killed and 20
    // wounded in the drone strike on Sunday that was claimed by …".
    if (!r.casualties.any()) return true;
  }
  return false;
}

}  // namespace salvo::extract

// Groups named by the state that backs them: "Iran-backed Shia militia group", "pro-Iranian
// fighters", "an Iranian-backed drone attack". The state's name in such a phrase is not an actor
// of its own: the phrase names a group (a generic actor, in the source's words) or the attack
// such a group made, or it stands before the group's own name ("Iran-backed Kataib Hezbollah").
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "salvo/lexicon/lexicon.h"
#include "salvo/recognize/mentions.h"

namespace salvo {

// Rewrites the actor mentions of states on the Iranian side (actors.csv side `iranian_state`)
// that begin such a phrase, in `terms` (sorted by begin; kept sorted):
// - "<state>-<link> [modifiers] <group noun>" or "pro-<state> … <group noun>": one mention of
//   `sponsored_group` over the whole phrase, replacing the actor mentions inside it;
// - "<state>-<link> [modifiers] <attack word>": one mention of `sponsored_group` over
//   "<state>-<link>", the words that tell who made the attack;
// - "<state>-<link> <named group>": the state's mention goes, the group's stays.
// Links and group nouns are the cues sponsor_link and group_noun of cues.tsv.
void read_sponsored_groups(const Lexicon& lexicon, size_t sponsored_group, std::string_view clean,
                           std::vector<TermMention>& terms);

// The generic actor such phrases are mentions of (actors.csv `iran-backed-militias`), if the
// lexicon holds it.
std::optional<size_t> sponsored_group_term(const Lexicon& lexicon);

}  // namespace salvo

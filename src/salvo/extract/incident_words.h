// The sentence's incident words as the readings use them: the main trigger, the one nearest a
// place, and what they say (a plural, a reference back, an impact, a response).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "salvo/extract/article_state.h"
#include "salvo/extract/sentence_view.h"

namespace salvo::extract {

bool has_trigger(const ArticleView& view, size_t s, TriggerKind kind);
const Trigger* main_trigger(const ArticleView& view, size_t s);
const Trigger* trigger_near(const ArticleView& view, size_t s, size_t pos);
bool refers_back(const ArticleView& view, size_t s, const Trigger* trigger, const Casualties& casualties);
bool speaks_of_all(const ArticleView& view, size_t s);
bool is_plural_noun(std::string_view surface);
bool only_definite_references(const ArticleView& view, size_t s);
bool is_response(const ArticleView& view, size_t s);
bool sentence_has_impact(const ArticleView& view, size_t s);

}  // namespace salvo::extract

#include "salvo/evaluate/slices.h"

#include <algorithm>
#include <cstddef>
#include <tuple>

namespace salvo {
namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// "h10" after "h9": by the letters, then the number's value; the name itself settles "h01" vs "h1".
// Without a slice (empty) last, so a table of slices ends with the leftovers.
bool slice_before(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return !a.empty() && b.empty();
  auto key = [](const std::string& s) {
    const size_t digits = std::min(s.find_first_of("0123456789"), s.size());
    const std::string_view number = std::string_view(s).substr(digits);
    const size_t significant = number.find_first_not_of('0');
    const std::string_view value = significant == std::string_view::npos ? "" : number.substr(significant);
    // Numbers compare by length first, then digit by digit: no overflow on a long prefix.
    return std::make_tuple(std::string_view(s).substr(0, digits), value.size(), value, std::string_view(s));
  };
  return key(a) < key(b);
}

}  // namespace

std::string slice_of_article(std::string_view article) {
  const size_t underscore = article.find('_');
  if (underscore == std::string_view::npos) return {};
  const std::string_view prefix = article.substr(0, underscore);
  size_t letters = 0;
  while (letters < prefix.size() && is_ascii_letter(prefix[letters])) ++letters;
  if (letters == 0 || letters == prefix.size()) return {};
  if (!std::all_of(prefix.begin() + static_cast<std::ptrdiff_t>(letters), prefix.end(), is_ascii_digit)) return {};
  return std::string(prefix);
}

std::vector<SliceScore> score_slices(const std::vector<ArticleScore>& scores) {
  std::vector<SliceScore> slices;
  for (const ArticleScore& article : scores) {
    const std::string slice = slice_of_article(article.article);
    auto it = std::find_if(slices.begin(), slices.end(), [&](const SliceScore& s) { return s.slice == slice; });
    if (it == slices.end()) {
      slices.emplace_back().slice = slice;
      it = slices.end() - 1;
    }
    ++it->articles;
    if (article.distractor) ++it->distractors;
    it->events += article.events;
    it->tallies += article.tallies;
  }
  std::sort(slices.begin(), slices.end(),
            [](const SliceScore& a, const SliceScore& b) { return slice_before(a.slice, b.slice); });
  return slices;
}

DistractorScore score_distractors(const std::vector<ArticleScore>& scores) {
  DistractorScore out;
  for (const ArticleScore& article : scores) {
    if (!article.distractor) continue;
    ++out.articles;
    out.false_events += article.false_alarms.size();
    out.by_article.push_back({article.article, article.false_alarms.size()});
  }
  return out;
}

}  // namespace salvo

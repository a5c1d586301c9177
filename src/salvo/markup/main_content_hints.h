// The class/id vocabulary main-content extraction reads: fragments that mark page furniture or
// article bodies. Shared by the page reducer (which keeps only class/id values that mention one)
// and the extractor (which weighs them).
#pragma once

#include <array>
#include <string_view>

namespace salvo {

// Class/id fragments of page furniture (readability's "unlikely candidates", plus the boxes news
// sites added since: newsletters, cookie banners, paywalls, recommendation widgets).
inline constexpr std::array<std::string_view, 44> kUnlikely = {
    "-ad-",       "ai2html",    "banner",     "breadcrumb", "combx",      "comment",    "community",
    "cover-wrap", "disqus",     "extra",      "footer",     "gdpr",       "header",     "legends",
    "menu",       "related",    "remark",     "replies",    "rss",        "shoutbox",   "sidebar",
    "skyscraper", "social",     "sponsor",    "supplemental", "ad-break", "agegate",    "pagination",
    "pager",      "popup",      "yom-remote", "newsletter", "subscribe",  "cookie",     "consent",
    "signup",     "sign-up",    "promo",      "recommend",  "trending",   "most-popular", "share",
    "outbrain",   "taboola"};
// Fragments that rescue an element from the list above ("article-header-wrap" is not furniture).
inline constexpr std::array<std::string_view, 7> kMaybeCandidate = {"and",     "article", "body",  "column",
                                                                     "content", "main",    "shadow"};
// readability's class weights: −25 for these …
inline constexpr std::array<std::string_view, 30> kNegative = {
    "-ad-",    "hidden",     "banner",  "combx",    "comment",  "com-",    "contact", "foot",   "footer", "footnote",
    "gdpr",    "masthead",   "media",   "meta",     "outbrain", "promo",   "related", "scroll", "share",  "shoutbox",
    "sidebar", "skyscraper", "sponsor", "shopping", "tags",     "tool",    "widget",  "byline", "author", "caption"};
// … and +25 for these.
inline constexpr std::array<std::string_view, 13> kPositive = {"article", "body", "content",    "entry", "hentry",
                                                                "h-entry", "main", "pagination", "post",  "text",
                                                                "blog",    "story", "page"};

template <size_t N>
bool matches_any(std::string_view lowered, const std::array<std::string_view, N>& fragments) {
  for (std::string_view fragment : fragments) {
    if (lowered.find(fragment) != std::string_view::npos) return true;
  }
  return false;
}

// Ad slots ("ad", "ads", "ad-slot", "advert"): whole words only, since "ad" is inside "header",
// "roads" and "download".
inline bool mentions_ad(std::string_view lowered) {
  size_t begin = 0;
  while (begin < lowered.size()) {
    size_t end = lowered.find_first_of(" -_", begin);
    if (end == std::string_view::npos) end = lowered.size();
    const std::string_view word = lowered.substr(begin, end - begin);
    if (word == "ad" || word == "ads" || word == "advert" || word == "advertisement" || word == "adslot" ||
        word == "dfp") {
      return true;
    }
    begin = end + 1;
  }
  return false;
}

// Whether a lower-cased class or id value says anything extraction uses.
inline bool mentions_hint(std::string_view lowered) {
  return matches_any(lowered, kUnlikely) || matches_any(lowered, kMaybeCandidate) ||
         matches_any(lowered, kNegative) || matches_any(lowered, kPositive) || mentions_ad(lowered);
}

}  // namespace salvo

// What a news page says about itself: title, canonical URL and publication date, from its
// <meta>/<link> tags, schema.org microdata, JSON-LD and <time> elements.
#pragma once

#include <gumbo.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "salvo/base/date.h"

namespace salvo {

// The article object of a page's JSON-LD (`@type` NewsArticle, Article, BlogPosting, …), found
// at the top level, in an array or in an "@graph".
struct JsonLdArticle {
  std::optional<std::string> headline;
  std::optional<std::string> date_published;
  std::optional<std::string> url;
  std::optional<std::string> article_body;  // some publishers ship the whole body
};

// Reads the first article object from the bodies of <script type="application/ld+json">.
// Invalid JSON (publishers' templates produce some) is skipped.
JsonLdArticle read_json_ld_article(const std::vector<std::string>& scripts);

struct PageMetadata {
  std::optional<std::string> title;
  std::optional<std::string> url;
  std::optional<Date> published;
  std::optional<std::string> site_name;  // og:site_name
};

// `root` is the parsed page; `content` the element chosen as the article body (or null): its first
// <time datetime> is the last resort for the date, and its first <h1> a source for the title.
// Title: og:title, JSON-LD headline, <h1>, <title>, with the site name cut off. URL: <link
// rel=canonical>, og:url, JSON-LD url. Date, in order of trust: article:published_time; meta
// date/pubdate/publishdate/dc.date/sailthru.date/parsely-pub-date; itemprop=datePublished;
// JSON-LD datePublished; the first <time datetime> of the article.
PageMetadata read_page_metadata(const GumboNode* root, const GumboNode* content, const JsonLdArticle& json_ld);

// Whether a lower-cased <meta> property/name/itemprop is one read_page_metadata uses.
bool is_metadata_key(std::string_view key);

// "Gunmen kill five in Kabul | The Daily Planet" → "Gunmen kill five in Kabul": cuts a site name
// (`site_name` when known, else a short last segment) joined by " | ", " - ", " – ", " — ", " :: ",
// " » " or " / ". A title that would keep fewer than three words is returned whole.
std::string strip_site_name(std::string_view title, std::string_view site_name);

}  // namespace salvo

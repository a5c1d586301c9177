#include "salvo/markup/page_metadata.h"
#include "salvo/base/ascii.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "salvo/markup/dom.h"

namespace salvo {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::optional<std::string> non_empty(std::string_view s) {
  s = trim(s);
  if (s.empty()) return std::nullopt;
  return std::string(s);
}

bool is_article_type(std::string_view type) {
  static constexpr std::array<std::string_view, 9> kTypes = {
      "NewsArticle", "Article",         "BlogPosting",         "ReportageNewsArticle", "AnalysisNewsArticle",
      "OpinionNewsArticle", "LiveBlogPosting", "BackgroundNewsArticle", "Report"};
  return std::find(kTypes.begin(), kTypes.end(), type) != kTypes.end();
}

std::optional<std::string> string_member(simdjson::dom::object object, std::string_view key) {
  std::string_view value;
  if (object[key].get_string().get(value) == simdjson::SUCCESS) return non_empty(value);
  return std::nullopt;
}

// Depth-first search for the first object typed as an article; nesting is bounded because the
// input is a publisher's, not ours.
bool find_article(simdjson::dom::element element, int depth, JsonLdArticle& out) {
  if (depth > 8) return false;
  simdjson::dom::array array;
  if (element.get_array().get(array) == simdjson::SUCCESS) {
    for (simdjson::dom::element item : array) {
      if (find_article(item, depth + 1, out)) return true;
    }
    return false;
  }
  simdjson::dom::object object;
  if (element.get_object().get(object) != simdjson::SUCCESS) return false;
  bool article = false;
  simdjson::dom::element type;
  if (object["@type"].get(type) == simdjson::SUCCESS) {
    std::string_view name;
    if (type.get_string().get(name) == simdjson::SUCCESS) {
      article = is_article_type(name);
    } else if (type.get_array().get(array) == simdjson::SUCCESS) {
      for (simdjson::dom::element item : array) {
        if (item.get_string().get(name) == simdjson::SUCCESS && is_article_type(name)) article = true;
      }
    }
  }
  if (article) {
    out.headline = string_member(object, "headline");
    out.date_published = string_member(object, "datePublished");
    out.url = string_member(object, "url");
    out.article_body = string_member(object, "articleBody");
    return true;
  }
  for (auto [key, value] : object) {
    if (key == "@graph" || key == "mainEntity" || key == "mainEntityOfPage") {
      if (find_article(value, depth + 1, out)) return true;
    }
  }
  return false;
}

const GumboVector* children_of(const GumboNode* node) {
  if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) return &node->v.element.children;
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  return nullptr;
}

// Calls `visit(element)` for each element under `root` in document order until it returns false.
// Iterative: pages nest deeper than a thread's stack allows recursion for.
template <typename Visit>
void for_each_element(const GumboNode* root, Visit&& visit) {
  std::vector<std::pair<const GumboNode*, unsigned>> stack;
  stack.emplace_back(root, 0);
  if (root->type == GUMBO_NODE_ELEMENT && !visit(root)) return;
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    const GumboVector* children = children_of(node);
    if (!children || next >= children->length) {
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children->data[next++]);
    if (child->type != GUMBO_NODE_ELEMENT) continue;
    if (!visit(child)) return;
    stack.emplace_back(child, 0);
  }
}

std::optional<Date> date_of(std::optional<std::string_view> text) {
  if (!text) return std::nullopt;
  return parse_metadata_date(*text);
}

constexpr std::array<std::string_view, 11> kDateNames = {
    "date",           "pubdate",      "publishdate",   "publish-date",     "publish_date",     "dc.date",
    "dc.date.issued", "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published"};

}  // namespace

bool is_metadata_key(std::string_view key) {
  static constexpr std::array<std::string_view, 5> kOther = {"og:title", "og:url", "og:site_name",
                                                             "article:published_time", "datepublished"};
  return std::find(kOther.begin(), kOther.end(), key) != kOther.end() ||
         std::find(kDateNames.begin(), kDateNames.end(), key) != kDateNames.end();
}

JsonLdArticle read_json_ld_article(const std::vector<std::string>& scripts) {
  JsonLdArticle article;
  if (scripts.empty()) return article;
  simdjson::dom::parser parser;
  for (const std::string& script : scripts) {
    simdjson::dom::element root;
    if (parser.parse(script).get(root) != simdjson::SUCCESS) continue;
    if (find_article(root, 0, article)) break;
  }
  return article;
}

std::string strip_site_name(std::string_view title, std::string_view site_name) {
  title = trim(title);
  static constexpr std::array<std::string_view, 8> kSeparators = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                                                  " :: ", " \xC2\xBB ", " / ", " \xC2\xB7 "};
  auto words = [](std::string_view s) {
    size_t count = 0;
    bool in_word = false;
    for (char c : s) {
      const bool space = std::isspace(static_cast<unsigned char>(c));
      if (!space && !in_word) ++count;
      in_word = !space;
    }
    return count;
  };
  const std::string lowered = lower_ascii(title);
  const std::string site = lower_ascii(trim(site_name));
  if (!site.empty()) {
    for (std::string_view separator : kSeparators) {
      const std::string suffix = std::string(separator) + site;
      if (lowered.size() > suffix.size() && lowered.ends_with(suffix)) {
        const std::string_view kept = trim(title.substr(0, title.size() - suffix.size()));
        if (words(kept) >= 3) return std::string(kept);
      }
      const std::string prefix = site + std::string(separator);
      if (lowered.size() > prefix.size() && lowered.starts_with(prefix)) {
        const std::string_view kept = trim(title.substr(prefix.size()));
        if (words(kept) >= 3) return std::string(kept);
      }
    }
  }
  // No known site name: a last segment of at most four words after the last separator is one.
  size_t best = std::string_view::npos, best_length = 0;
  for (std::string_view separator : kSeparators) {
    const size_t at = title.rfind(separator);
    if (at != std::string_view::npos && (best == std::string_view::npos || at > best)) {
      best = at;
      best_length = separator.size();
    }
  }
  if (best != std::string_view::npos) {
    const std::string_view kept = trim(title.substr(0, best));
    if (words(title.substr(best + best_length)) <= 4 && words(kept) >= 3) return std::string(kept);
  }
  return std::string(title);
}

PageMetadata read_page_metadata(const GumboNode* root, const GumboNode* content, const JsonLdArticle& json_ld) {
  PageMetadata metadata;
  std::optional<std::string> og_title, og_url, canonical, title_tag, h1, item_date;
  std::vector<std::pair<std::string, std::string>> metas;  // (lower-cased key, content)
  for_each_element(root, [&](const GumboNode* node) {
    switch (node->v.element.tag) {
      case GUMBO_TAG_META: {
        std::string_view key = attribute(node, "property");
        if (key.empty()) key = attribute(node, "name");
        if (key.empty()) key = attribute(node, "itemprop");
        const std::string_view value = attribute(node, "content");
        if (!key.empty() && !trim(value).empty()) metas.emplace_back(lower_ascii(key), std::string(trim(value)));
        break;
      }
      case GUMBO_TAG_LINK:
        if (!canonical && lower_ascii(attribute(node, "rel")).find("canonical") != std::string::npos) {
          canonical = non_empty(attribute(node, "href"));
        }
        break;
      case GUMBO_TAG_TITLE:
        if (!title_tag) title_tag = non_empty(node_text(node));
        break;
      case GUMBO_TAG_H1:
        if (!h1) h1 = non_empty(node_text(node));
        break;
      default:
        break;
    }
    if (!item_date && node->v.element.tag != GUMBO_TAG_META && attribute(node, "itemprop") == "datePublished") {
      item_date = non_empty(attribute(node, "datetime"));
      if (!item_date) item_date = non_empty(attribute(node, "content"));
      if (!item_date) item_date = non_empty(node_text(node));
    }
    return true;
  });
  auto meta = [&](std::string_view key) -> std::optional<std::string_view> {
    for (const auto& [k, v] : metas) {
      if (k == key) return std::string_view(v);
    }
    return std::nullopt;
  };

  if (auto site = meta("og:site_name")) metadata.site_name = std::string(*site);
  const std::string_view site = metadata.site_name ? std::string_view(*metadata.site_name) : std::string_view();

  // The article's own <h1> beats the page's first (often the site logo's).
  if (content) {
    for_each_element(content, [&](const GumboNode* node) {
      if (node->v.element.tag != GUMBO_TAG_H1) return true;
      if (auto text = non_empty(node_text(node))) h1 = std::move(text);
      return false;
    });
  }
  if (auto og = meta("og:title")) {
    metadata.title = strip_site_name(*og, site);
  } else if (json_ld.headline) {
    metadata.title = *json_ld.headline;
  } else if (h1) {
    metadata.title = *h1;
  } else if (title_tag) {
    metadata.title = strip_site_name(*title_tag, site);
  }
  if (metadata.title && metadata.title->empty()) metadata.title.reset();

  if (canonical) {
    metadata.url = *canonical;
  } else if (auto og = meta("og:url")) {
    metadata.url = std::string(*og);
  } else if (json_ld.url) {
    metadata.url = *json_ld.url;
  }

  metadata.published = date_of(meta("article:published_time"));
  for (size_t i = 0; !metadata.published && i < kDateNames.size(); ++i) metadata.published = date_of(meta(kDateNames[i]));
  if (!metadata.published) metadata.published = date_of(meta("datepublished"));
  if (!metadata.published && item_date) metadata.published = parse_metadata_date(*item_date);
  if (!metadata.published && json_ld.date_published) metadata.published = parse_metadata_date(*json_ld.date_published);
  int levels = 0;
  // Last resort, a <time> of the story: in the body container or its header, a few levels up.
  for (const GumboNode* scope = content; !metadata.published && scope && scope->type == GUMBO_NODE_ELEMENT &&
                                         scope->v.element.tag != GUMBO_TAG_BODY && scope->v.element.tag != GUMBO_TAG_HTML;
       scope = scope->parent) {
    for_each_element(scope, [&](const GumboNode* node) {
      if (node->v.element.tag != GUMBO_TAG_TIME) return true;
      const std::string_view datetime = attribute(node, "datetime");
      if (datetime.empty()) return true;
      metadata.published = parse_metadata_date(datetime);
      return false;
    });
    if (++levels == 4) break;
  }
  return metadata;
}

}  // namespace salvo

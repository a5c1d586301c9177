#include "salvo/markup/main_content.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "salvo/markup/dom.h"
#include "salvo/markup/main_content_hints.h"
#include "salvo/markup/main_content_reduce.h"
#include "salvo/markup/page_metadata.h"

namespace salvo {
namespace {

bool is_heading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

// ARIA roles of page furniture.
bool is_furniture_role(std::string_view role) {
  static constexpr std::array<std::string_view, 12> kRoles = {
      "navigation", "menu", "menubar", "complementary", "banner", "dialog", "alert", "alertdialog",
      "search",     "toolbar", "tablist", "contentinfo"};
  return std::find(kRoles.begin(), kRoles.end(), role) != kRoles.end();
}

struct Node {
  const GumboNode* gumbo = nullptr;
  int parent = -1;
  int end = 0;  // one past the last descendant in the pre-order array
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  bool text = false;
  bool block = false;
  bool removed = false;     // furniture: neither scored nor output
  bool positive = false;    // class/id/itemprop say "article body"
  int class_weight = 0;     // readability's ±25 per class and id
  uint32_t chars = 0;       // length of the text below, furniture excluded
  uint32_t link_chars = 0;  // of which inside <a>
  uint32_t commas = 0;
  uint32_t inline_chars = 0;  // text of its own (text and inline children), not in child blocks
  uint32_t inline_commas = 0;
  uint32_t paragraphs = 0;  // <p> below
  uint32_t heading_chars = 0;
  bool scored = false;
  float score = 0;
  float link_density() const { return chars ? float(link_chars) / float(chars) : 0.f; }
};

// Length of whitespace-collapsed text and its commas (Latin, Arabic, CJK full-width).
void measure_text(std::string_view s, uint32_t& chars, uint32_t& commas) {
  bool space = true;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      if (!space) ++chars;
      space = true;
      continue;
    }
    space = false;
    ++chars;
    if (c == ',') {
      ++commas;
    } else if (c == '\xD8' && i + 1 < s.size() && s[i + 1] == '\x8C') {
      ++commas;
    } else if (c == '\xEF' && s.compare(i, 3, "\xEF\xBC\x8C") == 0) {
      ++commas;
    }
  }
}

struct Options {
  bool strip_unlikely = true;
  bool weigh_classes = true;
  bool clean_conditionally = true;
};

class Extractor {
 public:
  Extractor(const HtmlDocument& document, const Options& options) : document_(document), options_(options) {
    build(document.root());
  }

  // The best container and its qualifying siblings, in document order; empty when the page has
  // no text.
  std::vector<int> select_content();
  void emit(const std::vector<int>& roots, std::string_view title, MappedText& out) const;
  const std::vector<Node>& nodes() const { return nodes_; }
  int body() const { return body_; }

 private:
  void build(const GumboNode* root);
  bool is_furniture(const GumboNode* node, GumboTag tag, std::string_view hints) const;
  void score_paragraphs();
  void initialize_candidate(Node& node);
  bool drop_in_output(const Node& node, std::string_view title) const;
  void append_break(const Node& node, std::string_view separator, MappedText& out) const;

  const HtmlDocument& document_;
  Options options_;
  std::vector<Node> nodes_;
  int body_ = 0;
  std::string hints_;  // scratch: lower-cased class + id
};

bool Extractor::is_furniture(const GumboNode* node, GumboTag tag, std::string_view hints) const {
  switch (tag) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_MENU:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_BUTTON: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_LABEL: case GUMBO_TAG_FIELDSET:
      return true;
    case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_A: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TR: case GUMBO_TAG_TD:
      return false;
    default:
      break;
  }
  if (gumbo_get_attribute(&node->v.element.attributes, "hidden")) return true;
  if (is_furniture_role(attribute(node, "role"))) return true;
  if (!options_.strip_unlikely || hints.empty()) return false;
  return (matches_any(hints, kUnlikely) || mentions_ad(hints)) && !matches_any(hints, kMaybeCandidate);
}

// One pass in document order builds the flat tree and marks furniture; one pass backwards sums
// text statistics into parents. Both iterative: nesting depth is the page's to choose.
void Extractor::build(const GumboNode* root) {
  nodes_.reserve(4096);
  struct Frame {
    int index;
    unsigned next_child;
  };
  std::vector<Frame> stack;
  auto push = [&](const GumboNode* gumbo, int parent) {
    Node node;
    node.gumbo = gumbo;
    node.parent = parent;
    const bool parent_removed = parent >= 0 && nodes_[parent].removed;
    if (gumbo->type == GUMBO_NODE_TEXT || gumbo->type == GUMBO_NODE_WHITESPACE || gumbo->type == GUMBO_NODE_CDATA) {
      node.text = true;
      node.removed = parent_removed;
      if (!node.removed) measure_text(gumbo->v.text.text, node.chars, node.commas);
      node.end = static_cast<int>(nodes_.size()) + 1;
      nodes_.push_back(node);
      return;
    }
    if (gumbo->type == GUMBO_NODE_ELEMENT || gumbo->type == GUMBO_NODE_TEMPLATE) {
      node.tag = gumbo->v.element.tag;
      node.block = is_block_tag(node.tag);
      hints_.clear();
      const std::string_view cls = attribute(gumbo, "class"), id = attribute(gumbo, "id");
      if (!cls.empty() || !id.empty()) {
        hints_.append(cls).push_back(' ');
        hints_.append(id);
        for (char& c : hints_) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      }
      const bool non_content = is_non_content_tag(node.tag) && node.tag != GUMBO_TAG_FORM;
      node.removed = parent_removed || non_content || is_furniture(gumbo, node.tag, hints_);
      if (options_.weigh_classes && !hints_.empty()) {
        // readability weighs class and id separately; one test on both is close enough.
        if (matches_any(hints_, kNegative)) node.class_weight -= 25;
        if (matches_any(hints_, kPositive)) node.class_weight += 25;
      }
      const std::string_view itemprop = attribute(gumbo, "itemprop");
      node.positive = itemprop == "articleBody" || itemprop == "articlebody" ||
                      attribute(gumbo, "itemtype").find("Article") != std::string_view::npos;
      if (node.tag == GUMBO_TAG_BODY) body_ = static_cast<int>(nodes_.size());
    } else if (gumbo->type != GUMBO_NODE_DOCUMENT) {
      return;  // comments
    }
    nodes_.push_back(node);
    stack.push_back({static_cast<int>(nodes_.size()) - 1, 0});
  };
  push(root, -1);
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboNode* gumbo = nodes_[frame.index].gumbo;
    const GumboVector& children =
        gumbo->type == GUMBO_NODE_DOCUMENT ? gumbo->v.document.children : gumbo->v.element.children;
    if (frame.next_child >= children.length) {
      nodes_[frame.index].end = static_cast<int>(nodes_.size());
      stack.pop_back();
      continue;
    }
    const int parent = frame.index;
    push(static_cast<const GumboNode*>(children.data[frame.next_child++]), parent);
  }

  for (int i = static_cast<int>(nodes_.size()) - 1; i > 0; --i) {
    Node& node = nodes_[i];
    if (node.removed) continue;
    if (node.tag == GUMBO_TAG_A) node.link_chars = node.chars;
    if (node.tag == GUMBO_TAG_P) ++node.paragraphs;
    if (is_heading(node.tag)) node.heading_chars = node.chars;
    Node& parent = nodes_[node.parent];
    parent.chars += node.chars;
    parent.link_chars += node.link_chars;
    parent.commas += node.commas;
    parent.paragraphs += node.paragraphs;
    parent.heading_chars += node.heading_chars;
    if (!node.block) {
      parent.inline_chars += node.chars;
      parent.inline_commas += node.commas;
    }
  }
}

void Extractor::initialize_candidate(Node& node) {
  if (node.scored) return;
  node.scored = true;
  float score = 0;
  switch (node.tag) {
    case GUMBO_TAG_DIV: score = 5; break;
    case GUMBO_TAG_ARTICLE: score = 10; break;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: score = 3; break;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: score = -3; break;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TH: score = -5; break;
    default: break;
  }
  node.score = score + static_cast<float>(node.class_weight) + (node.positive ? 25.f : 0.f);
}

// readability: each paragraph of 25+ characters gives 1 + commas + one point per 100 characters
// (at most 3) to its parent, half to its grandparent, and a third per level to three more.
void Extractor::score_paragraphs() {
  for (int i = 0; i < static_cast<int>(nodes_.size()); ++i) {
    const Node& node = nodes_[i];
    if (node.text || node.removed) continue;
    uint32_t chars = 0, commas = 0;
    int first_ancestor = node.parent;
    if (node.tag == GUMBO_TAG_P || node.tag == GUMBO_TAG_PRE || node.tag == GUMBO_TAG_TD) {
      chars = node.chars, commas = node.commas;
    } else if (node.block && node.tag != GUMBO_TAG_BODY && node.tag != GUMBO_TAG_HTML && !is_heading(node.tag) &&
               node.tag != GUMBO_TAG_LI) {
      // Text sitting directly in a <div> (no <p>) is a paragraph of that div.
      chars = node.inline_chars, commas = node.inline_commas;
      first_ancestor = i;
    } else {
      continue;
    }
    if (chars < 25 || first_ancestor < 0) continue;
    const float points = 1.f + static_cast<float>(commas) + static_cast<float>(std::min<uint32_t>(chars / 100, 3));
    int ancestor = first_ancestor;
    for (int level = 0; level < 5 && ancestor > 0; ++level) {
      Node& a = nodes_[ancestor];
      if (a.tag == GUMBO_TAG_HTML) break;
      initialize_candidate(a);
      a.score += points / (level == 0 ? 1.f : level == 1 ? 2.f : static_cast<float>(level) * 3.f);
      ancestor = a.parent;
    }
  }
}

std::vector<int> Extractor::select_content() {
  score_paragraphs();
  std::vector<int> candidates;
  for (int i = 0; i < static_cast<int>(nodes_.size()); ++i) {
    Node& node = nodes_[i];
    if (!node.scored || node.removed) continue;
    node.score *= 1.f - node.link_density();
    candidates.push_back(i);
  }
  if (candidates.empty()) {
    if (body_ > 0 && nodes_[body_].chars > 0) return {body_};
    return {};
  }
  std::sort(candidates.begin(), candidates.end(),
            [&](int a, int b) { return nodes_[a].score > nodes_[b].score; });
  int top = candidates.front();
  auto is_ancestor = [&](int ancestor, int node) { return ancestor <= node && node < nodes_[ancestor].end; };

  // Several near-best candidates under one ancestor: the article is split into sections.
  std::vector<int> alternatives;
  for (size_t k = 1; k < std::min<size_t>(candidates.size(), 5); ++k) {
    if (nodes_[candidates[k]].score >= 0.75f * nodes_[top].score) alternatives.push_back(candidates[k]);
  }
  if (alternatives.size() >= 3) {
    for (int a = nodes_[top].parent; a > 0 && nodes_[a].tag != GUMBO_TAG_BODY; a = nodes_[a].parent) {
      int containing = 0;
      for (int alt : alternatives) containing += is_ancestor(a, alt);
      if (containing >= 3) {
        top = a;
        break;
      }
    }
  }
  // A parent scoring more than its child holds more of the article.
  {
    float last = nodes_[top].score;
    const float threshold = last / 3;
    for (int a = nodes_[top].parent; a > 0 && nodes_[a].tag != GUMBO_TAG_BODY; a = nodes_[a].parent) {
      if (!nodes_[a].scored) continue;
      if (nodes_[a].score < threshold) break;
      if (nodes_[a].score > last) {
        top = a;
        break;
      }
      last = nodes_[a].score;
    }
  }
  // An only child stands for its parent.
  while (nodes_[top].parent > 0 && nodes_[nodes_[top].parent].tag != GUMBO_TAG_BODY) {
    const int parent = nodes_[top].parent;
    int element_children = 0;
    for (int c = parent + 1; c < nodes_[parent].end; c = nodes_[c].end) {
      if (!nodes_[c].text) ++element_children;
    }
    if (element_children != 1) break;
    top = parent;
  }
  initialize_candidate(nodes_[top]);

  // Siblings that score well, or read like paragraphs, belong to the article too.
  const int parent = nodes_[top].parent;
  if (parent < 0 || nodes_[top].tag == GUMBO_TAG_BODY) return {top};
  std::vector<int> selected;
  const float threshold = std::max(10.f, nodes_[top].score * 0.2f);
  const std::string_view top_class = attribute(nodes_[top].gumbo, "class");
  for (int c = parent + 1; c < nodes_[parent].end; c = nodes_[c].end) {
    const Node& sibling = nodes_[c];
    if (c == top) {
      selected.push_back(c);
      continue;
    }
    if (sibling.removed || sibling.text) continue;
    float bonus = 0;
    if (!top_class.empty() && attribute(sibling.gumbo, "class") == top_class) bonus = nodes_[top].score * 0.2f;
    bool append = false;
    if (sibling.scored && sibling.score + bonus >= threshold) {
      append = true;
    } else if (sibling.tag == GUMBO_TAG_P) {
      const float density = sibling.link_density();
      if (sibling.chars > 80 && density < 0.25f) {
        append = true;
      } else if (sibling.chars > 0 && sibling.chars <= 80 && density == 0) {
        const std::string text = node_text(sibling.gumbo);
        append = !text.empty() && text.back() == '.';
      }
    }
    if (append) selected.push_back(c);
  }
  // Templates that split a story into chunks ("article__body" boxes between ad rails) repeat the
  // chunk's class: cousins of the best container with its class are more of the same story.
  if (!top_class.empty()) {
    int scope = parent;
    for (int up = 0; up < 2 && nodes_[scope].parent > 0 && nodes_[nodes_[scope].parent].tag != GUMBO_TAG_HTML; ++up) {
      scope = nodes_[scope].parent;
    }
    for (int c = scope + 1; c < nodes_[scope].end; ++c) {
      const Node& cousin = nodes_[c];
      if (std::find(selected.begin(), selected.end(), c) != selected.end()) {
        c = cousin.end - 1;  // already in
        continue;
      }
      if (cousin.text || cousin.removed || is_ancestor(c, top)) continue;
      if (cousin.chars >= 100 && attribute(cousin.gumbo, "class") == top_class) {
        selected.push_back(c);
        c = cousin.end - 1;
      }
    }
    std::sort(selected.begin(), selected.end());
  }
  return selected;
}

// Inside the chosen container: what readability's cleaning passes would remove.
bool Extractor::drop_in_output(const Node& node, std::string_view title) const {
  if (node.removed) return true;
  if (node.tag == GUMBO_TAG_H1) return true;  // the headline: PageContent::title carries it
  // Photo captions repeat the story in fragments ("Police at the scene on Monday (Image: AFP)").
  if (node.tag == GUMBO_TAG_FIGCAPTION) return true;
  if ((node.tag == GUMBO_TAG_H2 || node.tag == GUMBO_TAG_H3) && !title.empty() && node.chars < 300 &&
      node_text(node.gumbo) == title) {
    return true;
  }
  if (!options_.clean_conditionally) return false;
  switch (node.tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_FORM: case GUMBO_TAG_HEADER: case GUMBO_TAG_FIGURE:
      break;
    default:
      return false;
  }
  const float weight = static_cast<float>(node.class_weight);
  if (weight + (node.scored ? node.score : 0.f) < 0) return true;
  if (node.commas >= 10) return false;
  const bool list = node.tag == GUMBO_TAG_UL || node.tag == GUMBO_TAG_OL;
  const float density = node.link_density();
  const float heading_density = node.chars ? float(node.heading_chars) / float(node.chars) : 0.f;
  if (!list && heading_density < 0.9f && node.chars < 25 && density > 0) return true;
  if (!list && weight < 25 && density > 0.2f && node.chars < 1000) return true;
  if (list && density > 0.5f) return true;
  if (weight >= 25 && density > 0.5f) return true;
  return false;
}

void Extractor::append_break(const Node& node, std::string_view separator, MappedText& out) const {
  if (out.empty()) return;
  const std::string_view text = out.view();
  if (text.size() >= 2 && text.substr(text.size() - 2) == "\n\n") return;
  if (separator == "\n\n" && text.back() == '\n') separator = "\n";
  const size_t at = std::min<size_t>(node.gumbo->v.element.start_pos.offset, document_.source().size());
  out.append_inserted(separator, document_.source().to_raw(at, at).begin);
}

// Writes the text of `roots` (and their descendants that survive cleaning) with blank lines
// between blocks, as append_node_text does, but iteratively and skipping dropped subtrees.
void Extractor::emit(const std::vector<int>& roots, std::string_view title, MappedText& out) const {
  std::vector<int> open;  // block elements whose closing break is pending
  for (int root : roots) {
    int i = root;
    const int end = nodes_[root].end;
    while (i < end) {
      while (!open.empty() && nodes_[open.back()].end <= i) {
        append_break(nodes_[open.back()], "\n\n", out);
        open.pop_back();
      }
      const Node& node = nodes_[i];
      if (node.text) {
        if (!node.removed) append_node_text(document_, node.gumbo, out);
        ++i;
        continue;
      }
      if (drop_in_output(node, title)) {
        i = node.end;
        continue;
      }
      if (node.tag == GUMBO_TAG_BR) {
        append_break(node, "\n", out);
      } else if (node.block) {
        append_break(node, "\n\n", out);
        open.push_back(i);
      }
      ++i;
    }
    while (!open.empty()) {
      append_break(nodes_[open.back()], "\n\n", out);
      open.pop_back();
    }
  }
}

size_t non_space_bytes(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return c != ' ' && c != '\n' && c != '\t';
  }));
}

}  // namespace

PageContent extract_page_content(const MappedText& page, int max_depth) {
  PageContent content;
  const ReducedPage reduced = reduce_page(page, max_depth);
  content.flattened_tags = reduced.flattened_tags;
  const HtmlDocument document(reduced.html);
  const JsonLdArticle json_ld = read_json_ld_article(reduced.json_ld);

  Extractor extractor(document, Options{});
  std::vector<int> selected = extractor.select_content();
  const GumboNode* container = selected.empty() ? nullptr : extractor.nodes()[selected.front()].gumbo;
  PageMetadata metadata = read_page_metadata(document.root(), container, json_ld);
  const std::string_view title = metadata.title ? std::string_view(*metadata.title) : std::string_view();
  extractor.emit(selected, title, content.text);

  // Too little text: the furniture rules were too eager (a "comment-body" class around the whole
  // story); retry without them, as readability does.
  if (non_space_bytes(content.text.view()) < 250) {
    Extractor relaxed(document, Options{false, false, false});
    MappedText retry;
    relaxed.emit(relaxed.select_content(), title, retry);
    if (non_space_bytes(retry.view()) > non_space_bytes(content.text.view())) content.text = std::move(retry);
  }
  size_t end = content.text.size();
  while (end > 0 && (content.text.view()[end - 1] == '\n' || content.text.view()[end - 1] == ' ')) --end;
  content.text.truncate(end);
  content.title = std::move(metadata.title);
  content.url = std::move(metadata.url);
  content.site_name = std::move(metadata.site_name);
  content.published = metadata.published;
  return content;
}

}  // namespace salvo

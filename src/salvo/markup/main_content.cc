#include "salvo/markup/main_content.h"

#include "salvo/markup/dom.h"

namespace salvo {

namespace {

const GumboNode* find_first(const GumboNode* node, GumboTag tag) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return nullptr;
  if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag) return node;
  const GumboVector& children =
      node->type == GUMBO_NODE_ELEMENT ? node->v.element.children : node->v.document.children;
  for (unsigned i = 0; i < children.length; ++i) {
    if (const GumboNode* found = find_first(static_cast<const GumboNode*>(children.data[i]), tag)) return found;
  }
  return nullptr;
}

}  // namespace

PageContent extract_page_content(const MappedText& page) {
  HtmlDocument document(page);
  PageContent content;
  if (const GumboNode* title = find_first(document.root(), GUMBO_TAG_TITLE)) {
    std::string text = node_text(title);
    if (!text.empty()) content.title = std::move(text);
  }
  const GumboNode* body = find_first(document.root(), GUMBO_TAG_BODY);
  append_node_text(document, body ? body : document.root(), content.text);
  return content;
}

}  // namespace salvo

#include "salvo/markup/main_content.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "salvo/clean/cleaner.h"
#include "salvo/markup/decode.h"
#include "salvo/markup/main_content_reduce.h"

namespace salvo {
namespace {

PageContent extract(const std::string& raw) { return extract_page_content(decode_utf8(raw, 0, raw.size())); }

bool contains(const MappedText& text, std::string_view needle) { return text.view().find(needle) != std::string_view::npos; }

// A story as news sites wrap it: site header and navigation, share bar, the body in <article>,
// an ad slot, a related-stories list, a newsletter box and a footer.
const std::string kNewsPage = R"(<!DOCTYPE html>
<html><head>
<title>Gunmen attack checkpoint in Kirkuk | The Daily Planet</title>
<meta property="og:site_name" content="The Daily Planet">
<meta property="og:title" content="Gunmen attack checkpoint in Kirkuk">
<meta property="article:published_time" content="2023-11-24T08:15:00Z">
<link rel="canonical" href="https://planet.example/world/kirkuk-checkpoint">
<script>window.dataLayer = [{page: "article"}];</script>
<style>.share { display: flex; }</style>
</head><body>
<header class="site-header"><a href="/">The Daily Planet</a>
<nav><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main>
<article>
<h1>Gunmen attack checkpoint in Kirkuk</h1>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
<div class="article-body">
<p>Gunmen attacked an army checkpoint south of Kirkuk on Thursday night, killing three soldiers and wounding five, security officials said.</p>
<p>The attackers fled towards the Hamrin mountains, where remnants of the group still hide, according to a police officer who asked not to be named.</p>
<div class="ad-slot" id="ad-inline-1">Advertisement</div>
<p>No group has claimed the attack, the third on security forces in the province this month, but officials blamed the Islamic State group.</p>
<figure><img src="x.jpg"><figcaption>Soldiers at a checkpoint (Image: AFP)</figcaption></figure>
<p>The army said it had launched a search operation in nearby villages, and that reinforcements had been sent from Baghdad.</p>
</div>
</article>
<aside class="related-stories"><h3>Related</h3><ul>
<li><a href="/a">Explosion hits market in Baghdad, dozens hurt in the blast</a></li>
<li><a href="/b">Rockets fired at airbase near Erbil, no casualties reported</a></li>
</ul></aside>
<div class="newsletter-signup">Sign up for our daily newsletter, with the best stories of the day, straight to your inbox.</div>
</main>
<footer><p>Copyright 2023 The Daily Planet. All rights reserved. Contact us, advertise with us, privacy policy.</p></footer>
</body></html>)";

TEST(MainContent, KeepsTheArticleBody) {
  const PageContent page = extract(kNewsPage);
  EXPECT_TRUE(contains(page.text, "Gunmen attacked an army checkpoint south of Kirkuk"));
  EXPECT_TRUE(contains(page.text, "The attackers fled towards the Hamrin mountains"));
  EXPECT_TRUE(contains(page.text, "No group has claimed the attack"));
  EXPECT_TRUE(contains(page.text, "reinforcements had been sent from Baghdad."));
}

TEST(MainContent, DropsNavigationAdsRelatedLinksAndFooter) {
  const PageContent page = extract(kNewsPage);
  for (std::string_view furniture : {"Sport", "Share on Facebook", "Advertisement", "Explosion hits market",
                                     "newsletter", "All rights reserved", "window.dataLayer", "display: flex",
                                     "(Image: AFP)"}) {
    EXPECT_FALSE(contains(page.text, furniture)) << furniture << " in:\n" << page.text.text();
  }
  // The headline is metadata, not body text.
  EXPECT_EQ(page.text.view().find("Gunmen attack checkpoint"), std::string_view::npos);
}

TEST(MainContent, ParagraphsAreSeparatedByBlankLines) {
  const PageContent page = extract(kNewsPage);
  const CleanText clean = clean_text(page.text);
  ASSERT_EQ(clean.paragraphs.size(), 4u) << clean.text.text();
  EXPECT_EQ(clean.text.view().substr(clean.paragraphs[0].begin, 20), "Gunmen attacked an a");
}

TEST(MainContent, EveryParagraphMapsBackToItsRawBytes) {
  const PageContent page = extract(kNewsPage);
  const std::string_view text = page.text.view();
  size_t begin = 0;
  int paragraphs = 0;
  while (begin < text.size()) {
    size_t end = text.find("\n\n", begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view paragraph = text.substr(begin, end - begin);
    if (paragraph.find_first_not_of(" \n") != std::string_view::npos) {
      ++paragraphs;
      const RawSpan raw = page.text.to_raw(begin, end);
      ASSERT_LE(raw.end, kNewsPage.size());
      const std::string_view source = std::string_view(kNewsPage).substr(raw.begin, raw.end - raw.begin);
      // Each word of the paragraph appears, in order, in the raw bytes it maps to.
      size_t at = 0;
      size_t word_begin = paragraph.find_first_not_of(" \n");
      while (word_begin != std::string_view::npos) {
        const size_t word_end = std::min(paragraph.find_first_of(" \n", word_begin), paragraph.size());
        const std::string_view word = paragraph.substr(word_begin, word_end - word_begin);
        at = source.find(word, at);
        ASSERT_NE(at, std::string_view::npos) << "'" << word << "' not in raw: " << source;
        word_begin = paragraph.find_first_not_of(" \n", word_end);
      }
    }
    begin = end + 2;
  }
  EXPECT_EQ(paragraphs, 4);
}

TEST(MainContent, EntitiesDecodeAndMapToTheirReference) {
  const std::string raw =
      "<html><body><article><p>Officials said the attack on the convoy &amp; the base near the border was "
      "&#8220;coordinated&#8221;, and that more arrests were expected in the coming days.</p></article></body></html>";
  const PageContent page = extract(raw);
  ASSERT_TRUE(contains(page.text, "convoy & the base")) << page.text.text();
  const size_t amp = page.text.view().find('&');
  const RawSpan span = page.text.to_raw(amp, amp + 1);
  EXPECT_EQ(raw.substr(span.begin, span.end - span.begin), "&amp;");
}

TEST(MainContent, PageWithoutArticleElementStillWorks) {
  const std::string raw = R"(<html><head><title>Blast in Quetta - City News</title></head><body>
<div id="menu"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/about">About us</a></div>
<div id="sidebar"><a href="/1">Most read story one</a><br><a href="/2">Most read story two</a></div>
<div class="story">
<div>A bomb exploded near a police van in Quetta on Monday, killing two officers and wounding four passers-by, police said.</div>
<div>The blast, heard across the city, damaged nearby shops; rescue teams took the wounded to the civil hospital.</div>
</div>
<div id="footer">Contact | Privacy | Terms of use | Advertise with us</div>
</body></html>)";
  const PageContent page = extract(raw);
  EXPECT_TRUE(contains(page.text, "A bomb exploded near a police van in Quetta"));
  EXPECT_TRUE(contains(page.text, "rescue teams took the wounded"));
  EXPECT_FALSE(contains(page.text, "Most read"));
  EXPECT_FALSE(contains(page.text, "Privacy"));
  EXPECT_FALSE(contains(page.text, "About us"));
  ASSERT_TRUE(page.title);
  EXPECT_EQ(*page.title, "Blast in Quetta");
}

TEST(MainContent, FormWrappingThePageDoesNotHideIt) {
  // ASP.NET sites wrap the whole page in one <form>.
  const std::string raw = R"(<html><body><form id="aspnetForm"><div class="content">
<p>Militants stormed a government building in the north of the country on Sunday, officials said.</p>
<p>Security forces surrounded the building and the siege lasted several hours before it ended.</p>
</div></form></body></html>)";
  EXPECT_TRUE(contains(extract(raw).text, "Militants stormed a government building"));
}

TEST(MainContent, EmptyAndMalformedPagesGiveEmptyText) {
  for (const std::string& raw : {std::string(), std::string("<html><body></body></html>"),
                                 std::string("<div class=\"x"), std::string("<script>var a = 1;"),
                                 std::string("<!-- never closed"), std::string("\0\0<p", 4)}) {
    const PageContent page = extract(raw);
    EXPECT_TRUE(page.text.view().find_first_not_of(" \n") == std::string_view::npos) << page.text.text();
  }
  // A lone '<' and an invalid byte are text to an HTML parser, and stay so.
  EXPECT_EQ(extract("<").text.text(), "<");
  EXPECT_EQ(extract("\xFF<p").text.text(), "\xEF\xBF\xBD");
}

TEST(MainContent, StrayMarkupKeepsText) {
  const PageContent page = extract(
      "<p>Police said <b>two <i>people</b> were arrested</i> after the shooting at the market on Friday, "
      "and that a third man was being sought.</p></div></span>");
  EXPECT_TRUE(contains(page.text, "Police said two people were arrested after the shooting")) << page.text.text();
}

TEST(MainContent, DeeplyNestedMarkupIsFastAndDoesNotCrash) {
  std::string raw = "<html><body>";
  for (int i = 0; i < 20000; ++i) raw += "<div>";
  raw += "<p>Deep inside, the report said that three people were killed when the roof of the school collapsed.</p>";
  for (int i = 0; i < 20000; ++i) raw += "</div>";
  raw += "</body></html>";
  const auto start = std::chrono::steady_clock::now();
  const PageContent page = extract(raw);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(contains(page.text, "three people were killed"));
  EXPECT_LT(seconds, 2.0);
}

TEST(MainContent, ChunkedArticleKeepsEveryChunk) {
  // Templates that cut a story into boxes between ad rails repeat the body box's class.
  std::string raw = "<html><body><div class=\"chunks\">";
  for (int chunk = 0; chunk < 3; ++chunk) {
    raw += "<div class=\"grid\"><div class=\"article-body\">";
    raw += "<p>Chunk " + std::to_string(chunk) +
           " opens: the court heard that the accused, who denies the charges, had travelled to the city twice.</p>";
    if (chunk == 0) {
      for (int p = 0; p < 4; ++p) {
        raw += "<p>Witnesses described the scene, saying the attacker fired several shots, then fled on foot.</p>";
      }
    }
    raw += "</div><div class=\"rail\"></div></div>";
  }
  raw += "</div></body></html>";
  const PageContent page = extract(raw);
  EXPECT_TRUE(contains(page.text, "Chunk 0 opens"));
  EXPECT_TRUE(contains(page.text, "Chunk 1 opens"));
  EXPECT_TRUE(contains(page.text, "Chunk 2 opens"));
}

TEST(MainContentReduce, DropsCodeAndKeepsOffsets) {
  const std::string raw =
      "<p class=\"story-text\" data-x=\"1\" style=\"color:red\">Hello <!-- c --><script>x<y</script>world</p>"
      "<svg><path d=\"M0\"/></svg><div style=\"display:none\">hidden</div>";
  const MappedText page = MappedText::identity(raw);
  const ReducedPage reduced = reduce_page(page);
  EXPECT_EQ(reduced.html.text(), "<p class=\"story-text\">Hello world</p><div hidden>hidden</div>");
  const size_t world = reduced.html.view().find("world");
  const RawSpan span = reduced.html.to_raw(world, world + 5);
  EXPECT_EQ(raw.substr(span.begin, span.end - span.begin), "world");
}

TEST(MainContentReduce, CollectsJsonLdAndCollapsesWhitespace) {
  const std::string raw =
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script><p>a  \n\t b</p><pre>x  y</pre>";
  const ReducedPage reduced = reduce_page(MappedText::identity(raw));
  ASSERT_EQ(reduced.json_ld.size(), 1u);
  EXPECT_EQ(reduced.json_ld[0], "{\"@type\":\"NewsArticle\"}");
  EXPECT_EQ(reduced.html.text(), "<p>a b</p><pre>x  y</pre>");
}

TEST(MainContentReduce, FlattensNestingBeyondTheLimit) {
  std::string raw;
  for (int i = 0; i < kDefaultMaxHtmlDepth + 50; ++i) raw += "<div>";
  raw += "text";
  for (int i = 0; i < kDefaultMaxHtmlDepth + 50; ++i) raw += "</div>";
  const ReducedPage reduced = reduce_page(MappedText::identity(raw));
  size_t opened = 0;
  for (size_t at = reduced.html.view().find("<div>"); at != std::string_view::npos;
       at = reduced.html.view().find("<div>", at + 1)) {
    ++opened;
  }
  EXPECT_EQ(opened, static_cast<size_t>(kDefaultMaxHtmlDepth));
  EXPECT_EQ(reduced.flattened_tags, 50u);
  EXPECT_NE(reduced.html.view().find("text"), std::string_view::npos);
}

TEST(MainContentReduce, TheDepthLimitIsTheCallers) {
  const std::string raw = "<div><div><div><p>text</p></div></div></div>";
  const ReducedPage reduced = reduce_page(MappedText::identity(raw), 2);
  // <p> is not counted: the parser closes it implicitly.
  EXPECT_EQ(reduced.html.text(), "<div><div><p>text</p></div></div>");
  EXPECT_EQ(reduced.flattened_tags, 1u);
}

}  // namespace
}  // namespace salvo

#include "salvo/markup/page_metadata.h"

#include <gtest/gtest.h>

#include <string>

#include "salvo/markup/decode.h"
#include "salvo/markup/main_content.h"

namespace salvo {
namespace {

const std::string kBody =
    "<article><p>Gunmen attacked an army checkpoint south of Kirkuk on Thursday night, killing three "
    "soldiers and wounding five, security officials said on Friday.</p></article>";

PageContent extract(const std::string& head, const std::string& body = kBody) {
  const std::string raw = "<html><head>" + head + "</head><body>" + body + "</body></html>";
  return extract_page_content(decode_utf8(raw, 0, raw.size()));
}

std::string date_of(const PageContent& page) { return page.published ? page.published->iso() : "none"; }

TEST(PageMetadata, DateFromEachMetadataKind) {
  struct Case {
    const char* what;
    std::string head;
    std::string body;
    const char* expected;
  };
  const Case cases[] = {
      {"article:published_time", R"(<meta property="article:published_time" content="2023-11-24T08:15:00+03:00">)", kBody, "2023-11-24"},
      {"meta date", R"(<meta name="date" content="2023-11-20">)", kBody, "2023-11-20"},
      {"pubdate", R"(<meta name="pubdate" content="20 November 2023">)", kBody, "2023-11-20"},
      {"publishdate", R"(<meta name="publishdate" content="2023-11-21 10:00">)", kBody, "2023-11-21"},
      {"dc.date", R"(<meta name="DC.date" content="2023-11-22">)", kBody, "2023-11-22"},
      {"sailthru.date", R"(<meta name="sailthru.date" content="Thu, 23 Nov 2023 10:00:00 GMT">)", kBody, "2023-11-23"},
      {"parsely-pub-date", R"(<meta name="parsely-pub-date" content="2023-11-19T01:02:03Z">)", kBody, "2023-11-19"},
      {"itemprop meta", R"(<meta itemprop="datePublished" content="2023-11-18">)", kBody, "2023-11-18"},
      {"itemprop element", "", R"(<article><time itemprop="datePublished" datetime="2023-11-17T09:00">Nov 17</time>)" + kBody + "</article>", "2023-11-17"},
      {"JSON-LD", R"(<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2023-11-16T12:00:00Z"}</script>)", kBody, "2023-11-16"},
      {"JSON-LD @graph", R"(<script type="application/ld+json">{"@graph":[{"@type":"WebSite"},{"@type":["NewsArticle"],"datePublished":"2023-11-15"}]}</script>)", kBody, "2023-11-15"},
      {"JSON-LD array", R"(<script type="application/ld+json">[{"@type":"Organization"},{"@type":"BlogPosting","datePublished":"2023-11-14"}]</script>)", kBody, "2023-11-14"},
      {"time in article", "", R"(<article><time datetime="2023-11-13">Monday</time>)" + kBody + "</article>", "2023-11-13"},
      {"nothing", "", kBody, "none"},
      {"invalid JSON-LD", R"(<script type="application/ld+json">{"@type":"NewsArticle", "datePublished": </script>)", kBody, "none"},
  };
  for (const Case& c : cases) EXPECT_EQ(date_of(extract(c.head, c.body)), c.expected) << c.what;
}

TEST(PageMetadata, DateSourcesInOrderOfTrust) {
  const std::string head =
      R"(<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-01-03"}</script>)"
      R"(<meta name="date" content="2023-01-02">)"
      R"(<meta property="article:published_time" content="2023-01-01T00:00:00Z">)";
  EXPECT_EQ(date_of(extract(head)), "2023-01-01");
  const std::string body = R"(<article><time datetime="2023-05-05">May 5</time>)" + kBody + "</article>";
  EXPECT_EQ(date_of(extract(R"(<meta name="date" content="2023-01-02">)", body)), "2023-01-02");
}

TEST(PageMetadata, TitleFromEachSource) {
  EXPECT_EQ(extract(R"(<meta property="og:title" content="Checkpoint attacked"><title>Other | Site</title>)").title,
            "Checkpoint attacked");
  EXPECT_EQ(extract(R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"From JSON-LD"}</script>)"
                    "<title>Other | Site</title>")
                .title,
            "From JSON-LD");
  EXPECT_EQ(extract("<title>Other title here | Site</title>", "<h1>The h1 headline</h1>" + kBody).title,
            "The h1 headline");
  EXPECT_EQ(extract("<title>Three soldiers killed in Kirkuk | The Daily Planet</title>").title,
            "Three soldiers killed in Kirkuk");
  EXPECT_FALSE(extract("").title);
}

TEST(PageMetadata, StripsSiteNames) {
  EXPECT_EQ(strip_site_name("Gunmen kill five in Kabul | The Daily Planet", ""), "Gunmen kill five in Kabul");
  EXPECT_EQ(strip_site_name("Gunmen kill five in Kabul - BBC News", ""), "Gunmen kill five in Kabul");
  EXPECT_EQ(strip_site_name("Planet News :: Gunmen kill five in Kabul", "Planet News"), "Gunmen kill five in Kabul");
  EXPECT_EQ(strip_site_name("Gunmen kill five in Kabul \xE2\x80\x94 Planet News Network Daily", "Planet News Network Daily"),
            "Gunmen kill five in Kabul");
  // A hyphenated headline with no short site segment is left alone.
  EXPECT_EQ(strip_site_name("Iraq - Turkey border clashes leave many dead after week of fighting", ""),
            "Iraq - Turkey border clashes leave many dead after week of fighting");
  // Too little would remain.
  EXPECT_EQ(strip_site_name("Kabul | Planet", ""), "Kabul | Planet");
}

TEST(PageMetadata, UrlFromCanonicalThenOgUrl) {
  EXPECT_EQ(extract(R"(<meta property="og:url" content="https://a.example/og"><link rel="canonical" href="https://a.example/c">)").url,
            "https://a.example/c");
  EXPECT_EQ(extract(R"(<meta property="og:url" content="https://a.example/og">)").url, "https://a.example/og");
  EXPECT_FALSE(extract("").url);
}

TEST(PageMetadata, JsonLdArticleBody) {
  const JsonLdArticle article = read_json_ld_article(
      {"not json", R"({"@graph":[{"@type":"WebPage"},{"@type":"ReportageNewsArticle","headline":"H","articleBody":"Body text."}]})"});
  EXPECT_EQ(article.headline, "H");
  EXPECT_EQ(article.article_body, "Body text.");
  EXPECT_FALSE(article.date_published);
}

}  // namespace
}  // namespace salvo

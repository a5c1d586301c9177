// Publication dates printed in the text of pages that carry no metadata (published_from "text").
#include <gtest/gtest.h>

#include "salvo/ingest/reader.h"
#include "salvo/pipeline/analyze.h"

namespace salvo {
namespace {

struct BylineCase {
  const char* name;
  const char* paragraph;
  const char* date;  // YYYY-MM-DD, or nullptr for none
};

class BylineCases : public ::testing::TestWithParam<BylineCase> {};

TEST_P(BylineCases, DateOfTheByline) {
  const std::optional<Date> date = byline_date(GetParam().paragraph);
  if (GetParam().date == nullptr) {
    EXPECT_FALSE(date.has_value()) << date->iso();
  } else {
    ASSERT_TRUE(date.has_value());
    EXPECT_EQ(date->iso(), GetParam().date);
  }
}

// Bylines as the dev articles print them, and the paragraphs that only mention a date.
INSTANTIATE_TEST_SUITE_P(
    News, BylineCases,
    ::testing::Values(BylineCase{"published_label", "Published: Feb 23, 2021 03:58 PM", "2021-02-23"},
                      BylineCase{"date_then_author", "January 3, 2022  By Qassim Abdul-zahra, The Associated Press", "2022-01-03"},
                      BylineCase{"updated_day_first", "Updated 23 November 2023, 10:41 GMT", "2023-11-23"},
                      BylineCase{"rfc_weekday", "Thu, 23 Nov 2023 10:00:00 GMT", "2023-11-23"},
                      BylineCase{"iso", "2024-02-05", "2024-02-05"},
                      BylineCase{"photo_caption", "A U.S. soldier at Al Asad Air Base, Iraq, Jan. 27, 2021.", nullptr},
                      BylineCase{"date_inside_a_sentence",
                                 "Two Americans and a British national were killed in a March 11, 2020, rocket attack on Camp Taji.", nullptr},
                      BylineCase{"long_paragraph_opening_with_a_date",
                                 "January 28, 2024 was the day a drone attack killed three US soldiers at a base in the Jordanian "
                                 "desert near the Syrian border.",
                                 nullptr},
                      BylineCase{"no_year", "Published: Feb 23", nullptr},
                      BylineCase{"title", "Rockets target US embassy in Green Zone in Baghdad: military source", nullptr}),
    [](const ::testing::TestParamInfo<BylineCase>& info) { return info.param.name; });

TEST(Byline, GivesThePublicationDateOfAnArticleWithoutOne) {
  Article article;
  article.id = "byline";
  article.raw = "Coalition: 2 armed drones shot down at Baghdad airport\n\nJanuary 3, 2022  By Qassim Abdul-zahra\n\n"
                "Two armed drones were shot down at the Baghdad airport on Monday, a coalition official said.\n";
  const AnalyzedArticle analyzed = analyze_article(article);
  ASSERT_TRUE(analyzed.article.published.has_value());
  EXPECT_EQ(analyzed.article.published->iso(), "2022-01-03");
  EXPECT_EQ(analyzed.article.published_from, PublishedFrom::kText);
}

TEST(Byline, NeverOverridesAHeaderDate) {
  Article article;
  article.id = "header";
  article.published = Date{2022, 1, 4};
  article.published_from = PublishedFrom::kHeader;
  article.raw = "Published: Jan 3, 2022\n\nTwo armed drones were shot down at the Baghdad airport on Monday.\n";
  const AnalyzedArticle analyzed = analyze_article(article);
  EXPECT_EQ(analyzed.article.published->iso(), "2022-01-04");
  EXPECT_EQ(analyzed.article.published_from, PublishedFrom::kHeader);
}

}  // namespace
}  // namespace salvo

// The CSV reader on text in memory (parse_csv, which read_csv uses on a file): records that span
// lines keep the line they start on, and the messages data-file errors are reported with.
#include "salvo/base/csv.h"

#include <gtest/gtest.h>

namespace salvo {
namespace {

const std::vector<std::string> kHeader = {"id", "name", "notes"};

TEST(ParseCsv, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  auto file = parse_csv("id,name,notes\r\nkh,Kataib Hezbollah,\"a \"\"note\"\", with\ntwo lines\"\n\nnujaba,Nujaba,\n",
                        "a.csv", kHeader);
  ASSERT_TRUE(file.ok()) << file.error().message;
  ASSERT_EQ(file->rows.size(), 2u);
  EXPECT_EQ(file->rows[0].fields, (std::vector<std::string>{"kh", "Kataib Hezbollah", "a \"note\", with\ntwo lines"}));
  EXPECT_EQ(file->rows[0].line, 2u);
  EXPECT_EQ(file->rows[1].line, 5u);  // after the record's two lines and a blank one
  EXPECT_EQ(file->rows[1].fields, (std::vector<std::string>{"nujaba", "Nujaba", ""}));
}

TEST(ParseCsv, ErrorsNameThePathGivenAndTheLine) {
  EXPECT_EQ(parse_csv("id,kind,notes\n", "a.csv", kHeader).error().message,
            "a.csv:1: header should be \"id,name,notes\", found \"id,kind,notes\"");
  EXPECT_EQ(parse_csv("id,name,notes\nx,\"two\nlines\"\n", "a.csv", kHeader).error().message,
            "a.csv:2: expected 3 comma-separated fields, found 2");
  EXPECT_EQ(parse_csv("id,name,notes\nx,y,\"open\n", "a.csv", kHeader).error().message,
            "a.csv:2: quoted field is not closed");
  EXPECT_EQ(parse_csv("id,name,notes\nx,y\"z,n\n", "a.csv", kHeader).error().message,
            "a.csv:2: stray quote inside an unquoted field");
  EXPECT_EQ(parse_csv("id,name,notes\nx,\"y\"z,n\n", "a.csv", kHeader).error().message,
            "a.csv:2: text after the closing quote of a field");
  EXPECT_EQ(parse_csv("\n\n", "a.csv", kHeader).error().message, "a.csv: no header line");
}

}  // namespace
}  // namespace salvo

// The TSV reader on text in memory (parse_tsv, which read_tsv uses on a file): line numbers and
// the messages every data-file error is reported with.
#include "salvo/base/tsv.h"

#include <gtest/gtest.h>

namespace salvo {
namespace {

const std::vector<std::string> kHeader = {"id", "kind", "aliases"};

TEST(ParseTsv, RowsKeepTheirLineNumbersPastCommentsAndBlankLines) {
  auto file = parse_tsv("# weapons\nid\tkind\taliases\r\n\nkatyusha\trocket\tKatyusha|Grad\r\n", "w.tsv", kHeader);
  ASSERT_TRUE(file.ok()) << file.error().message;
  ASSERT_EQ(file->rows.size(), 1u);
  EXPECT_EQ(file->rows[0].line, 4u);
  EXPECT_EQ(file->rows[0].fields, (std::vector<std::string>{"katyusha", "rocket", "Katyusha|Grad"}));
  EXPECT_EQ(file->where(file->rows[0]), "w.tsv:4");
}

TEST(ParseTsv, ErrorsNameThePathGivenAndTheLine) {
  EXPECT_EQ(parse_tsv("id\tclass\taliases\n", "w.tsv", kHeader).error().message,
            "w.tsv:1: header should be \"id\\tkind\\taliases\", found \"id\\tclass\\taliases\"");
  EXPECT_EQ(parse_tsv("id\tkind\taliases\nx\trocket", "w.tsv", kHeader).error().message,
            "w.tsv:2: expected 3 tab-separated fields, found 2");
  EXPECT_EQ(parse_tsv("# only a comment", "w.tsv", kHeader).error().message, "w.tsv: no header line");
}

}  // namespace
}  // namespace salvo

// For store tests: a corpus folder built from the seeds and dev articles, and the whole content
// of a store as text, to compare two stores.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "../support/run_salvo.h"
#include "../support/shared_data.h"
#include "../support/temp_dir.h"

namespace salvo::testing {

// An article of the tests' own beside the seeds: an official count of attacks since a day (a tally
// the seeds do not hold) and two incidents seed 001 tells too, so that events have two sources
// without the dev set.
inline constexpr std::string_view kRetellingArticle =
    " date 2023-11-24\nUS and coalition forces in Iraq and Syria have been attacked at least 66 times since October 17, "
    "a Pentagon official said on Friday. Rockets struck Ain al-Asad air base in western Iraq on Thursday, causing no "
    "injuries, the official said. In Syria, drones attacked US forces at the Green Village base near Deir ez-Zor on "
    "Wednesday.\n";

// A feed of the tests' own for search and filters (JSON lines, so that each article has a title):
// rockets at Ain al-Asad told twice (two sources, a title with words the text has not),
// a drone shot down at al-Tanf in Syria, drones at Erbil airport, and a report that recalls an
// earlier attack and gives official tallies of attacks and of the injured.
inline constexpr std::string_view kSearchFeed =
    R"({"id":"search-asad-1","title":"Caravanserai shelled at dawn","published":"2023-11-22",)"
    R"("text":"Three rockets landed inside Ain al-Asad air base in western Iraq on Tuesday, wounding two caterers, an Iraqi security official said."})" "\n"
    R"({"id":"search-asad-2","title":"Pentagon confirms base attack","published":"2023-11-23",)"
    R"("text":"Rockets struck Ain al-Asad air base in western Iraq on Tuesday, the Pentagon said on Wednesday."})" "\n"
    R"({"id":"search-tanf","title":"Quiet night at Tanf","published":"2023-11-21",)"
    R"("text":"A drone was shot down near the al-Tanf garrison in southern Syria on Monday, a US official said."})" "\n"
    R"({"id":"search-erbil","title":"Kurdish officials report drone strike","published":"2023-11-24",)"
    R"("text":"Two drones attacked Erbil airport in northern Iraq on Thursday, causing no casualties, Kurdish officials said."})" "\n"
    R"({"id":"search-tally","title":"Attacks on US troops mount","published":"2023-11-25",)"
    R"("text":"US forces in Iraq and Syria have been attacked 12 times since November 1, a Pentagon spokesperson said on Friday. )"
    R"(At least 20 US personnel have been injured since November 1, she said. Forty US troops have been injured in all, she added."})" "\n";

// Copies of the seed (and, when this machine has them, dev) articles and of kRetellingArticle under
// `dir`; with `copies` > 1, each copy gets a line of its own so its bytes differ (as reprints of a
// wire story by many outlets do).
inline size_t write_corpus(const TempDir& dir, const std::string& folder, int copies = 1) {
  size_t n = 0;
  const auto write_copies = [&](const std::string& stem, const std::string& text) {
    for (int c = 0; c < copies; ++c) {
      const std::string name = stem + (copies > 1 ? "_" + std::to_string(c) : "") + ".txt";
      dir.write(folder + "/" + name, c == 0 ? text : text + "\n\nReprinted by outlet " + std::to_string(c) + ".\n");
      ++n;
    }
  };
  write_copies("zz_retelling", std::string(kRetellingArticle));
  std::vector<std::filesystem::path> sets = {seed_articles()};
  if (auto dev = shared_data("dev")) sets.push_back(*dev);
  for (const std::filesystem::path& from : sets) {
    for (const auto& entry : std::filesystem::directory_iterator(from)) write_copies(entry.path().stem().string(), read_file(entry.path()));
  }
  return n;
}

// One `salvo ingest -q OPTIONS FOLDER` process per folder, all started at once; each must succeed.
inline void ingest_at_once(const TempDir& dir, const std::string& options, const std::vector<std::string>& folders) {
  std::string command;
  for (size_t i = 0; i < folders.size(); ++i) {
    command += "( " + std::string(SALVO_BINARY) + " ingest -q " + options + " " + folders[i] + " 2>" +
               dir.file("err" + std::to_string(i)) + "; echo $? >" + dir.file("rc" + std::to_string(i)) + " ) & ";
  }
  ASSERT_EQ(run_command(command + "wait").status, 0);
  for (size_t i = 0; i < folders.size(); ++i) {
    EXPECT_EQ(read_file(dir.file("rc" + std::to_string(i))), "0\n") << folders[i] << ": " << read_file(dir.file("err" + std::to_string(i)));
  }
}

// Every row of every table, in primary-key order: equal strings mean equal stores.
inline std::string store_content(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  std::string out = "user_version " + db.execAndGet("PRAGMA user_version").getString() + "\n";
  for (const char* query : {"SELECT id, source, sha256, url, title, published, published_from, language, kind, body_offset, "
                            "hex(raw), record FROM articles ORDER BY id",
                            "SELECT * FROM mentions ORDER BY article_id, idx", "SELECT * FROM tallies ORDER BY article_id, idx",
                            "SELECT * FROM events ORDER BY id", "SELECT * FROM event_sources ORDER BY event_id, article_id, idx",
                            "SELECT * FROM merge_pending ORDER BY country",
                            "SELECT * FROM merge_pending_block ORDER BY country, first_day, last_day, article_id",
                            "SELECT * FROM merge_dirty_event ORDER BY event_id"}) {
    SQLite::Statement rows(db, query);
    out += std::string(query) + "\n";
    while (rows.executeStep()) {
      for (int c = 0; c < rows.getColumnCount(); ++c) out += (c ? "\t" : "") + rows.getColumn(c).getString();
      out += "\n";
    }
  }
  return out;
}

}  // namespace salvo::testing

// The dashboard's files: what a request path names under the web root, and nothing outside it.
#include "salvo/serve/static_files.h"

#include <gtest/gtest.h>

#include "../support/temp_dir.h"

namespace salvo {
namespace {

class StaticFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.write("web/index.html", "<h1>map</h1>");
    dir_.write("web/assets/app.js", "run();");
    dir_.write("web/images/Marker.PNG", "png");
    dir_.write("web/sub/index.html", "<h1>sub</h1>");
    dir_.write("secret.txt", "secret");
  }
  std::filesystem::path root() const { return dir_.path() / "web"; }
  // The file served for `path`, relative to the root; "" when none is.
  std::string served(std::string_view path) const {
    const auto file = static_file(root(), path);
    if (!file) return "";
    return std::filesystem::relative(file->file, std::filesystem::canonical(root())).string();
  }
  testing::TempDir dir_;
};

TEST_F(StaticFiles, APathNamesItsFileAndAFolderItsIndex) {
  EXPECT_EQ(served("/"), "index.html");
  EXPECT_EQ(served(""), "index.html");
  EXPECT_EQ(served("/assets/app.js"), "assets/app.js");
  EXPECT_EQ(served("/assets//./app.js"), "assets/app.js");
  EXPECT_EQ(served("/sub"), "sub/index.html");
  EXPECT_EQ(served("/sub/"), "sub/index.html");
  EXPECT_EQ(served("/missing.js"), "");
  EXPECT_EQ(served("/assets"), "");  // a folder without an index
}

TEST_F(StaticFiles, NothingOutsideTheRootIsServed) {
  for (std::string_view path : {"/../secret.txt", "/assets/../../secret.txt", "//secret.txt", "/..\\secret.txt"}) {
    EXPECT_EQ(served(path), "") << path;
  }
  // An absolute path in the request is a path below the root, not the disk's.
  EXPECT_EQ(served("/" + (dir_.path() / "secret.txt").string()), "");
  // A symbolic link under the root that points out of it.
  std::filesystem::create_symlink(dir_.path() / "secret.txt", root() / "linked.txt");
  EXPECT_EQ(served("/linked.txt"), "");
  // One that stays inside is followed.
  std::filesystem::create_symlink(root() / "assets" / "app.js", root() / "app.js");
  EXPECT_EQ(served("/app.js"), "assets/app.js");
}

TEST_F(StaticFiles, EachFileHasTheTypeABrowserNeeds) {
  EXPECT_EQ(static_file(root(), "/")->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(static_file(root(), "/assets/app.js")->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(static_file(root(), "/images/Marker.PNG")->content_type, "image/png");
  EXPECT_EQ(media_type_of("style.css"), "text/css; charset=utf-8");
  EXPECT_EQ(media_type_of("app.js.map"), "application/json; charset=utf-8");
  EXPECT_EQ(media_type_of("noextension"), "application/octet-stream");
  EXPECT_EQ(media_type_of("archive.tar.gz"), "application/octet-stream");
}

TEST(HttpRequestValues, HeadersAreFoundInAnyCaseAndParametersCounted) {
  HttpRequest request;
  request.headers = {{"Content-Type", "application/json"}, {"X-A", "1"}, {"x-a", "2"}};
  request.params = {{"country", "IQ"}, {"country", "SY"}, {"limit", ""}};
  EXPECT_EQ(request.header("content-type"), "application/json");
  EXPECT_EQ(request.header("X-A"), "1");  // the first of a repeated header
  EXPECT_EQ(request.header("Authorization"), "");
  EXPECT_EQ(request.param("country"), "IQ");
  EXPECT_EQ(request.param_count("country"), 2u);
  EXPECT_EQ(request.param_count("limit"), 1u);
  EXPECT_EQ(request.param_count("since"), 0u);
}

}  // namespace
}  // namespace salvo

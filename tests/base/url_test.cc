#include "salvo/base/url.h"

#include <gtest/gtest.h>

namespace salvo {
namespace {

TEST(UrlHost, TheHostAnOutletIsKnownBy) {
  EXPECT_EQ(url_host("https://www.Reuters.com/world/middle-east/x-2024-01-21/"), "reuters.com");
  EXPECT_EQ(url_host("http://kurdistan24.net:8080/en/story/1?x=1#top"), "kurdistan24.net");
  EXPECT_EQ(url_host("HTTPS://user:pw@www.rudaw.net/english"), "rudaw.net");
  EXPECT_EQ(url_host("https://apnews.com."), "apnews.com");
  EXPECT_EQ(url_host("https://[2001:db8::1]:443/a"), "[2001:db8::1]");
}

TEST(UrlHost, NotAWebUrlHasNoHost) {
  for (const char* not_web : {"javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "ftp://x.org/a",
                              "reuters.com/world", "", "https://", "https:///path", "https://a b.com/",
                              "https://[2001:db8::1/"}) {
    EXPECT_FALSE(url_host(not_web).has_value()) << not_web;
    EXPECT_FALSE(is_web_url(not_web)) << not_web;
  }
  EXPECT_TRUE(is_web_url("https://www.aljazeera.com/news/2024/1/21/x"));
}

}  // namespace
}  // namespace salvo

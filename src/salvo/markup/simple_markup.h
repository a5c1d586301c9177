// The text of a news body whose only markup is simple — the common character references, <br>,
// <img>, <iframe>, and properly nested <a> <b> <i> <em> <strong> <span> <p> <div> <blockquote>
// — read without the HTML parser, to exactly the text and raw offsets that the parser's reading
// (parse_markup_text) gives.
//
// Most plain-text articles that hold an '&' or a '<' hold only these ("&amp;", "<i>The
// National</i>", a link, a leaked "<p>&nbsp;</p>"), and parsing them with gumbo was 60% of its
// time (issue 20). Anything else — another tag, a comment, an unknown reference, tags closed out
// of order, a tag the input ends inside — is left to the parser: the reader answers nullopt
// rather than guess.
#pragma once

#include <optional>

#include "salvo/base/mapped_text.h"

namespace salvo {

std::optional<MappedText> read_simple_markup(const MappedText& input);

}  // namespace salvo

// HTML in article text (scraped pages, JSON fields holding markup).
//
// Policy: text "looks like HTML" when it holds at least one tag of a known HTML element
// (<p>, </div>, <br/>, <html lang="ar">, …). Its text content replaces it: tags dropped, the
// content of <script>, <style> and comments dropped, character references decoded, runs of white
// space folded to one space (as a browser does), and block elements (p, div, br, li, h1–h6, tr,
// title, …) ending a line. Text that does not look like HTML only has its character references
// (&amp; &#1576; &#x628; &nbsp; &laquo; …) decoded; a '<' or '&' that starts no tag or reference
// is kept as is, so «5 < 7» and «AT&T» survive.
#pragma once
#include <string>
#include <string_view>

namespace rawabit::text {

bool looks_like_html(std::string_view text);

// The text content of HTML, by the policy above.
std::string html_to_text(std::string_view html);

// `text` with its character references decoded; anything else kept byte for byte.
std::string decode_entities(std::string_view text);

// Applies the policy to well-formed UTF-8 in place; true when the text changed. Costs one scan
// for '<' and '&' when there is neither.
bool strip_markup(std::string& text);

}  // namespace rawabit::text

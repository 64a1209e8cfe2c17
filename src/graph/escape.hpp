// Escaping of entity names and predicates for the text formats. Input is well-formed UTF-8 (the
// loader repairs whatever the database holds); the output is safe inside the quoted context named.
#pragma once
#include <string>
#include <string_view>

namespace rawabit::graph {

// XML 1.0 character data or attribute value (either quote): & < > " ' become entities; tab, newline
// and CR become character references so that attribute normalization keeps them; characters that
// XML 1.0 forbids (the other C0 controls, U+FFFE, U+FFFF) are dropped. "]]>" cannot survive
// because every '>' is escaped.
void append_xml_escaped(std::string& out, std::string_view text);

// The inside of a double-quoted DOT string used as a label: " and \ are backslash-escaped (so a
// trailing backslash cannot escape the closing quote), a newline becomes the label escape \n, other
// control characters are dropped.
void append_dot_escaped(std::string& out, std::string_view text);

// One RFC 4180 CSV field: quoted when it holds a comma, a quote or a line break, quotes doubled
// inside; control characters other than tab (and line breaks inside quotes) are dropped.
void append_csv_field(std::string& out, std::string_view text);

}  // namespace rawabit::graph

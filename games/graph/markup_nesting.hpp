#pragma once
// Nesting limits for the graph file formats whose parsers recurse on depth: the XML parser
// behind GraphML (Boost.PropertyTree) and boost::read_graphviz for DOT. A file nested a
// few hundred thousand levels deep would overflow the stack inside them, so the depth is
// scanned first, in one pass without recursion. Real graph files nest a handful of levels.
#include <string>

namespace eqlab {

inline constexpr int kMaxMarkupNesting = 1000;

// Throws InputError("line N", ...) when XML elements nest deeper than `limit`. Comments,
// CDATA sections, processing instructions, declarations and quoted attribute values are
// skipped; the syntax is left to the parser.
void check_xml_nesting(const std::string& text, int limit = kMaxMarkupNesting);

// The same for DOT: braces and brackets outside quoted strings, HTML strings and comments.
void check_dot_nesting(const std::string& text, int limit = kMaxMarkupNesting);

}  // namespace eqlab

// libxml2's ICU types clash with Foundation's ("UErrorCode has different definitions"),
// so ICU support is switched off before the reader header is pulled in.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/parser.h>

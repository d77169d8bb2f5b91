// libxml2's HTML and XML parsers (Debian: libxml2-dev), for `glossa import`.
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, and its encoding header then includes the system's ICU headers,
// which clash with the ICU inside Foundation. Glossa touches no encoding handler's fields, so the
// ICU part of that header is left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/// `xmlFree` is a global function pointer, which Swift 6 will not read from concurrent code.
static inline void glossa_xml_free(void *pointer) { xmlFree(pointer); }

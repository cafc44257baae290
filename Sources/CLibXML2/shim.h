// libxml2 built with ICU includes ICU's headers from encoding.h, whose UErrorCode then clashes
// with Foundation's own copy of ICU in any module that sees both (the tests). Frontline uses no
// ICU type: the option is turned off before the headers that would include them. The only
// structures it changes (xmlCharEncodingHandler) are used here through pointers alone.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

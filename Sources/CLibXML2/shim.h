#ifndef TONGHOP_CLIBXML2_SHIM_H
#define TONGHOP_CLIBXML2_SHIM_H
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

// xmlFree is a global function-pointer variable; Swift 6 rejects access to mutable
// globals from concurrent code, so free through this wrapper.
static inline void tonghop_xmlFree(void *p) { xmlFree(p); }
#endif

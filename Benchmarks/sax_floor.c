/* The floor under the reader: libxml2's SAX2 parser alone over an inflated sheet part,
 * with empty callbacks, in the two modes libxml2 offers (push: xmlParseChunk; pull:
 * xmlCreateIOParserCtxt + xmlParseDocument, which the reader uses). Thread CPU time,
 * best of 7. Not part of the package; built and run by Benchmarks/bench_read.sh:
 *
 *   gcc -O2 Benchmarks/sax_floor.c -o /tmp/sax_floor $(xml2-config --cflags --libs)
 *   unzip -p data/roster.xlsx xl/worksheets/sheet1.xml > /tmp/sheet1.xml
 *   /tmp/sax_floor /tmp/sheet1.xml
 */
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static long starts;
static void start_ns(void *ctx, const xmlChar *l, const xmlChar *p, const xmlChar *u, int nn, const xmlChar **ns,
                     int na, int nd, const xmlChar **a) { starts++; }
static void end_ns(void *ctx, const xmlChar *l, const xmlChar *p, const xmlChar *u) {}
static void chars(void *ctx, const xmlChar *c, int len) {}

static char *buf;
static size_t size, pos;
static int read_cb(void *ctx, char *b, int len) {
    size_t n = size - pos;
    if (n > (size_t)len) n = len;
    memcpy(b, buf + pos, n);
    pos += n;
    return (int)n;
}

static double cpu_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static double run(int pull) {
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = start_ns;
    sax.endElementNs = end_ns;
    sax.characters = chars;
    double best = 1e9;
    for (int rep = 0; rep < 7; rep++) {
        starts = 0;
        pos = 0;
        double t0 = cpu_now();
        xmlParserCtxtPtr c;
        if (pull) {
            c = xmlCreateIOParserCtxt(&sax, NULL, read_cb, NULL, NULL, XML_CHAR_ENCODING_NONE);
            xmlCtxtUseOptions(c, XML_PARSE_NONET);
            xmlParseDocument(c);
        } else {
            c = xmlCreatePushParserCtxt(&sax, NULL, buf, 4, "sheet");
            xmlCtxtUseOptions(c, XML_PARSE_NONET);
            for (size_t p = 4; p < size; p += 256 * 1024) {
                size_t n = size - p < 256 * 1024 ? size - p : 256 * 1024;
                xmlParseChunk(c, buf + p, (int)n, 0);
            }
            xmlParseChunk(c, NULL, 0, 1);
        }
        int ok = c->wellFormed;
        xmlFreeParserCtxt(c);
        double t = cpu_now() - t0;
        if (!ok) { fprintf(stderr, "not well-formed\n"); exit(1); }
        if (t < best) best = t;
    }
    return best;
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: sax_floor SHEET.xml\n"); return 64; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 2; }
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc(size);
    if (fread(buf, 1, size, f) != size) { perror("read"); return 2; }
    fclose(f);
    xmlInitParser();
    for (int pull = 0; pull < 2; pull++) {
        double t = run(pull);
        printf("libxml2 SAX2 %s: %.3f s CPU, %.1f MB/s (%zu bytes, %ld elements)\n", pull ? "pull" : "push", t,
               size / 1e6 / t, size, starts);
    }
    return 0;
}

/*
 * sniff.c: telling an erg graph from articles by its first bytes, so that a
 * graph given where articles belong is refused before it is read whole.
 */
#include "input_private.h"

#include <string.h>
#include <strings.h>

static const char *skip_blank(const char *s, const char *end)
{
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
        s++;
    return s;
}

/* Whether s starts with lit; if so, moves *s past it. */
static bool take(const char **s, const char *end, const char *lit)
{
    size_t n = strlen(lit);
    if ((size_t)(end - *s) < n || memcmp(*s, lit, n) != 0)
        return false;
    *s += n;
    return true;
}

/* Moves *s past the first lit at or after it; false when there is none. */
static bool skip_past(const char **s, const char *end, const char *lit)
{
    size_t n = strlen(lit);
    for (const char *p = *s; (size_t)(end - p) >= n; p++) {
        if (memcmp(p, lit, n) == 0) {
            *s = p + n;
            return true;
        }
    }
    return false;
}

/* {"format":"erg-graph" with any white space between the tokens. */
static bool is_native(const char *s, const char *end)
{
    s = skip_blank(s, end);
    if (!take(&s, end, "{"))
        return false;
    s = skip_blank(s, end);
    if (!take(&s, end, "\"format\""))
        return false;
    s = skip_blank(s, end);
    if (!take(&s, end, ":"))
        return false;
    s = skip_blank(s, end);
    return take(&s, end, "\"erg-graph\"");
}

/* An XML prolog (declaration, comments, doctype) and then a <graphml root. */
static bool is_graphml(const char *s, const char *end)
{
    for (;;) {
        s = skip_blank(s, end);
        if (take(&s, end, "<?")) {
            if (!skip_past(&s, end, "?>"))
                return false;
        } else if (take(&s, end, "<!--")) {
            if (!skip_past(&s, end, "-->"))
                return false;
        } else if (take(&s, end, "<!")) {
            if (!skip_past(&s, end, ">"))
                return false;
        } else {
            break;
        }
    }
    if (!take(&s, end, "<graphml"))
        return false;
    return s < end &&
           (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n' || *s == '>' || *s == '/');
}

input_graph input_sniff_graph(const char *s, size_t n, const char *name)
{
    const char *end = s + n;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        s += 3;
    if (is_native(s, end))
        return INPUT_GRAPH_NATIVE;
    if (is_graphml(s, end))
        return INPUT_GRAPH_GRAPHML;
    size_t k = name ? strlen(name) : 0;
    if (k > 8 && strcasecmp(name + k - 8, ".graphml") == 0)
        return INPUT_GRAPH_GRAPHML;
    return INPUT_GRAPH_NONE;
}

const char *input_graph_why(input_graph g)
{
    if (g == INPUT_GRAPH_GRAPHML)
        return "this is a GraphML graph, not articles; to join graphs use erg merge";
    return "this is an erg graph, not articles; to join graphs use erg merge";
}

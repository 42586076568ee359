/*
 * graphml_read.c: reads back the GraphML that graphml.c writes.
 *
 * The file is streamed with libxml2's xmlTextReader and turned into the
 * native node-link JSON layout (erg/graph.h), which erg_graph_load_stream
 * then loads from memory (fmemopen): the graph module keeps its tables to
 * itself, and every check of the native loader (duplicate nodes, links to
 * unknown nodes, unknown types and kinds) applies to GraphML too. Nodes and
 * links are kept in two buffers because GraphML may list an edge before its
 * nodes while the native loader wants nodes first.
 *
 * erg writes node ids made from the index (n0, n1, ...) and the merge key
 * as a "key" <data>: a node with one gets the key as its native id, and
 * the links name their ends through a table from GraphML id to key, built
 * as the nodes are read and applied once all are (an edge may come first).
 * A node without a "key" (GraphML from an older erg) keeps its id as key.
 */
#include "export_private.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"

/* The fields of a node or edge record that the reader keeps. */
enum {
    F_LABEL,
    F_TYPE,
    F_MENTIONS,
    F_ARTICLES,
    F_ALIASES,
    F_FIRST,
    F_LAST,
    F_KIND,
    F_WEIGHT,
    F_OUTLETS,
    F_WINDOWS,    /* an edge's count */
    F_KEY,        /* a node's merge key, when its id is not the key */
    F_CONFIDENCE, /* a typed edge's score */
    F_PATTERNS,   /* ... and its patterns, space-separated */
    F_COUNT
};

/* attr.name of the keys, as graphml.c writes them, and the field each fills. */
typedef struct role {
    const char *name;
    int field;
} role;

static const role node_roles[] = {
    {"label", F_LABEL},       {"type", F_TYPE},       {"mentions", F_MENTIONS},
    {"articles", F_ARTICLES}, {"aliases", F_ALIASES}, {"first_date", F_FIRST},
    {"last_date", F_LAST},    {"key", F_KEY},
};
static const role edge_roles[] = {
    {"kind", F_KIND},         {"weight", F_WEIGHT},         {"count", F_WINDOWS},
    {"articles", F_ARTICLES}, {"outlets", F_OUTLETS},       {"first_date", F_FIRST},
    {"last_date", F_LAST},    {"confidence", F_CONFIDENCE}, {"patterns", F_PATTERNS},
};

/* A <key>: its id and the field it fills on nodes and on edges (-1: none). */
typedef struct key_def {
    char *id;
    int node_field;
    int edge_field;
} key_def;

/* A node whose GraphML id is not its merge key. */
typedef struct id_key {
    char *id;
    char *key;
} id_key;

enum { REC_NONE, REC_NODE, REC_EDGE };

typedef struct reader {
    const char *path;
    erg_error *err;
    xmlTextReaderPtr xr;
    /* libxml2's first error, kept by the structured handler */
    char xml_msg[300];
    long xml_line;
    key_def *keys;
    size_t n_keys, cap_keys;
    bool have_label, have_type; /* node keys erg always writes */
    bool seen_graph;
    int graph_depth;
    /* the record being read */
    int rec;
    int rec_depth;
    long rec_line;
    erg_buf id, source, target;
    erg_buf val[F_COUNT];
    bool set[F_COUNT];
    int data_field; /* field of the open <data>, -1 when none */
    int data_depth;
    erg_buf tmp;
    /* GraphML id to merge key, for the nodes with a "key" that differs */
    id_key *id_keys;
    size_t n_id_keys, cap_id_keys;
    /*
     * output: native JSON, and the source line of every record. links holds
     * each link without its ends, NUL after each; ends its source and target
     * as GraphML ids, NUL after each.
     */
    erg_buf nodes, links, ends;
    long *node_lines, *link_lines;
    size_t n_nodes, cap_node_lines, n_links, cap_link_lines;
    bool oom;
} reader;

static erg_status rfail(reader *c, long line, const char *fmt, ...) ERG_PRINTF(3, 4);

static erg_status rfail(reader *c, long line, const char *fmt, ...)
{
    char msg[sizeof c->err->text];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return erg_error_set(c->err, ERG_EFORMAT, c->path, line > 0 ? line : 0, -1, "%s", msg);
}

/*
 * libxml2 reports through this instead of printing. Only the first error
 * is kept: later ones are usually consequences of it.
 */
static void on_xml_error(void *ctx, xmlErrorPtr e)
{
    reader *c = ctx;
    if (!e || e->level < XML_ERR_ERROR || c->xml_msg[0])
        return;
    snprintf(c->xml_msg, sizeof c->xml_msg, "%s", e->message ? e->message : "malformed XML");
    size_t n = strlen(c->xml_msg);
    while (n && (c->xml_msg[n - 1] == '\n' || c->xml_msg[n - 1] == ' ' || c->xml_msg[n - 1] == '.'))
        c->xml_msg[--n] = '\0';
    for (char *p = c->xml_msg; *p; p++)
        if (*p == '\n' || *p == '\t')
            *p = ' '; /* "not proper UTF-8, indicate encoding !\nBytes: ..." */
    c->xml_msg[0] = (char)tolower((unsigned char)c->xml_msg[0]);
    c->xml_line = e->line;
}

static erg_status xml_failure(reader *c)
{
    long line = c->xml_line > 0 ? c->xml_line : xmlTextReaderGetParserLineNumber(c->xr);
    return rfail(c, line, "malformed XML: %s", c->xml_msg[0] ? c->xml_msg : "cannot parse");
}

/* The line of the current node (the parser itself may have read further). */
static long here(reader *c)
{
    xmlNodePtr n = xmlTextReaderCurrentNode(c->xr);
    long line = n ? xmlGetLineNo(n) : -1;
    return line > 0 ? line : (long)xmlTextReaderGetParserLineNumber(c->xr);
}

/* Appends s as a JSON string. Text from libxml2 is valid UTF-8 already. */
static void put_str(reader *c, erg_buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    if (c->oom || erg_buf_reserve(b, strlen(s) * 6 + 2) != ERG_OK) {
        c->oom = true;
        return;
    }
    char *w = b->data + b->len;
    *w++ = '"';
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') {
            *w++ = '\\';
            *w++ = (char)*p;
        } else if (*p < 0x20) {
            memcpy(w, "\\u00", 4);
            w += 4;
            *w++ = hex[*p >> 4];
            *w++ = hex[*p & 15];
        } else {
            *w++ = (char)*p;
        }
    }
    *w++ = '"';
    *w = '\0';
    b->len = (size_t)(w - b->data);
}

static void put_raw(reader *c, erg_buf *b, const char *s)
{
    if (!c->oom && erg_buf_puts(b, s) != ERG_OK)
        c->oom = true;
}

/* The items of s, separated by sep, as a JSON array of strings; empty items are left out. */
static void put_list(reader *c, erg_buf *b, const char *s, const char *sep)
{
    size_t seplen = strlen(sep);
    bool first = true;
    put_raw(c, b, "[");
    while (*s) {
        const char *e = strstr(s, sep);
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (n) {
            erg_buf_clear(&c->tmp);
            if (erg_buf_append(&c->tmp, s, n) != ERG_OK)
                c->oom = true;
            put_raw(c, b, first ? "" : ",");
            if (!c->oom)
                put_str(c, b, c->tmp.data);
            first = false;
        }
        s = e ? e + seplen : s + n;
    }
    put_raw(c, b, "]");
}

static void put_u32(reader *c, erg_buf *b, const char *key, uint32_t v)
{
    if (!c->oom && erg_buf_printf(b, ",\"%s\":%u", key, (unsigned)v) != ERG_OK)
        c->oom = true;
}

/* ,"key":"value" when the field has a non-empty value. */
static void put_opt(reader *c, erg_buf *b, const char *key, int field)
{
    if (!c->set[field] || !c->val[field].data || !c->val[field].data[0])
        return;
    put_raw(c, b, ",\"");
    put_raw(c, b, key);
    put_raw(c, b, "\":");
    put_str(c, b, c->val[field].data);
}

static const char *value(reader *c, int field)
{
    return c->set[field] && c->val[field].data ? c->val[field].data : "";
}

/*
 * A count: a whole number from 0 to 2^32 - 1, as graphml.c writes it
 * ("%.0f"); "3.0" is accepted too, which is how tools that rewrite the file
 * may write a double.
 */
static bool parse_count(const char *s, uint32_t *out)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    if (*s < '0' || *s > '9')
        return false;
    unsigned long long v = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        v = v * 10 + (unsigned long long)(*s - '0');
        if (v > UINT32_MAX)
            return false;
    }
    if (*s == '.')
        for (s++; *s == '0'; s++)
            ;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    if (*s)
        return false;
    *out = (uint32_t)v;
    return true;
}

/* The count in field, or dflt when the record has none. */
static erg_status get_count(reader *c, int field, const char *what, uint32_t dflt, uint32_t *out)
{
    *out = dflt;
    if (!c->set[field])
        return ERG_OK;
    if (parse_count(value(c, field), out))
        return ERG_OK;
    if (c->rec == REC_NODE)
        return rfail(c, c->rec_line,
                     "node '%s': %s '%s' is not a whole number from 0 to 4294967295", c->id.data,
                     what, value(c, field));
    return rfail(c, c->rec_line,
                 "edge from '%s' to '%s': %s '%s' is not a whole number from 0 to 4294967295",
                 c->source.data, c->target.data, what, value(c, field));
}

/*
 * An edge weight: a finite number above 0 and at most 1e12 (the native
 * loader's bounds), as graphml.c writes it ("0.5", "3") or any strtod form.
 */
static bool parse_weight(const char *s, double *out)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    if (!*s)
        return false;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r')
        end++;
    if (*end || errno == ERANGE || !isfinite(v) || !(v > 0) || v > 1e12)
        return false;
    *out = v;
    return true;
}

/* Appends a line number to a record's list of lines. */
static void note_line(reader *c, long **lines, size_t *cap, size_t n, long line)
{
    if (c->oom || erg_grow((void **)lines, cap, n + 1, sizeof **lines) != ERG_OK) {
        c->oom = true;
        return;
    }
    (*lines)[n] = line;
}

/*
 * The aliases text "name (count); name (count, rule)": each entry ends at the
 * first " (digits)" or " (digits, rule)" that the end of the text or "; "
 * follows; the rule (erg_fold_name: "article", "short-form", ...) is how the
 * surface form joined the node, and is left out for the node's own key.
 */
static erg_status put_aliases(reader *c, erg_buf *b)
{
    const char *s = value(c, F_ALIASES);
    put_raw(c, b, ",\"aliases\":[");
    bool first = true;
    while (*s) {
        const char *p = s, *open = NULL, *digits_end = NULL, *rule = NULL, *end = NULL;
        for (; *p; p++) {
            if (p[0] != ' ' || p[1] != '(' || p[2] < '0' || p[2] > '9')
                continue;
            const char *q = p + 2;
            while (*q >= '0' && *q <= '9')
                q++;
            const char *d = q, *r = NULL;
            if (q[0] == ',' && q[1] == ' ') {
                r = q + 2;
                q = r;
                while ((*q >= 'a' && *q <= 'z') || *q == '-')
                    q++;
                if (q == r)
                    continue;
            }
            if (*q == ')' && (q[1] == '\0' || (q[1] == ';' && q[2] == ' '))) {
                open = p;
                digits_end = d;
                rule = r;
                end = q + 1;
                break;
            }
        }
        uint32_t count;
        if (!open || open == s)
            return rfail(c, c->rec_line,
                         "node '%s': aliases '%s' are not a list of 'name (count)' joined by '; '",
                         c->id.data, value(c, F_ALIASES));
        erg_buf_clear(&c->tmp);
        if (erg_buf_append(&c->tmp, open + 2, (size_t)(digits_end - (open + 2))) != ERG_OK) {
            c->oom = true;
            return ERG_ENOMEM;
        }
        if (!parse_count(c->tmp.data, &count))
            return rfail(c, c->rec_line, "node '%s': an alias count is above 4294967295",
                         c->id.data);
        erg_fold fold = ERG_FOLD_KEY;
        if (rule) {
            erg_buf_clear(&c->tmp);
            if (erg_buf_append(&c->tmp, rule, (size_t)(end - 1 - rule)) != ERG_OK) {
                c->oom = true;
                return ERG_ENOMEM;
            }
            if (erg_fold_parse(c->tmp.data, &fold) != ERG_OK)
                return rfail(c, c->rec_line, "node '%s': unknown alias rule '%s'", c->id.data,
                             c->tmp.data);
        }
        erg_buf_clear(&c->tmp);
        if (erg_buf_append(&c->tmp, s, (size_t)(open - s)) != ERG_OK) {
            c->oom = true;
            return ERG_ENOMEM;
        }
        put_raw(c, b, first ? "{\"name\":" : ",{\"name\":");
        put_str(c, b, c->tmp.data);
        put_u32(c, b, "count", count);
        if (fold != ERG_FOLD_KEY) {
            put_raw(c, b, ",\"rule\":");
            put_str(c, b, erg_fold_name(fold));
        }
        put_raw(c, b, "}");
        first = false;
        s = *end ? end + 2 : end;
    }
    put_raw(c, b, "]");
    return ERG_OK;
}

static erg_status end_node(reader *c)
{
    if (!c->id.data || !c->id.data[0])
        return rfail(c, c->rec_line, "a node has no id");
    if (!c->set[F_LABEL] || !value(c, F_LABEL)[0])
        return rfail(c, c->rec_line, "node '%s' has no label", c->id.data);
    if (!c->set[F_TYPE] || !value(c, F_TYPE)[0])
        return rfail(c, c->rec_line, "node '%s' has no type", c->id.data);
    uint32_t mentions, articles;
    erg_status st;
    if ((st = get_count(c, F_MENTIONS, "mentions", 0, &mentions)) != ERG_OK ||
        (st = get_count(c, F_ARTICLES, "articles", 0, &articles)) != ERG_OK)
        return st;
    const char *key = value(c, F_KEY)[0] ? value(c, F_KEY) : c->id.data;
    if (strcmp(key, c->id.data) != 0) {
        id_key k = {erg_strdup(c->id.data), erg_strdup(key)};
        if (!k.id || !k.key ||
            erg_grow((void **)&c->id_keys, &c->cap_id_keys, c->n_id_keys + 1, sizeof *c->id_keys) !=
                ERG_OK) {
            free(k.id);
            free(k.key);
            c->oom = true;
            return ERG_ENOMEM;
        }
        c->id_keys[c->n_id_keys++] = k;
    }
    erg_buf *b = &c->nodes;
    put_raw(c, b, c->n_nodes ? ",\n{\"id\":" : "\n{\"id\":");
    put_str(c, b, key);
    put_raw(c, b, ",\"name\":");
    put_str(c, b, value(c, F_LABEL));
    put_raw(c, b, ",\"type\":");
    put_str(c, b, value(c, F_TYPE));
    put_u32(c, b, "mentions", mentions);
    put_u32(c, b, "articles", articles);
    put_opt(c, b, "first_date", F_FIRST);
    put_opt(c, b, "last_date", F_LAST);
    if ((st = put_aliases(c, b)) != ERG_OK)
        return st;
    /* One vote for the stated type, so that erg_graph_finish keeps it. */
    put_raw(c, b, ",\"votes\":{");
    put_str(c, b, value(c, F_TYPE));
    put_raw(c, b, ":1}}");
    note_line(c, &c->node_lines, &c->cap_node_lines, c->n_nodes, c->rec_line);
    c->n_nodes++;
    return c->oom ? ERG_ENOMEM : ERG_OK;
}

static erg_status end_edge(reader *c)
{
    if (!c->source.data || !c->source.data[0] || !c->target.data || !c->target.data[0])
        return rfail(c, c->rec_line, "an edge has no source or no target");
    uint32_t count, articles;
    erg_status st;
    if ((st = get_count(c, F_WINDOWS, "count", 1, &count)) != ERG_OK ||
        (st = get_count(c, F_ARTICLES, "articles", 0, &articles)) != ERG_OK)
        return st;
    /*
     * Without a weight, every window weighs 1 (the weight is the count);
     * without a count, the weight rounded (at least 1) stands for it, which
     * is what a version 1 file or an older GraphML meant by its weight.
     */
    double weight = c->set[F_WINDOWS] ? (double)count : 1.0;
    if (c->set[F_WEIGHT] && !parse_weight(value(c, F_WEIGHT), &weight))
        return rfail(c, c->rec_line,
                     "edge from '%s' to '%s': weight '%s' is not a number above 0 and at most 1e12",
                     c->source.data, c->target.data, value(c, F_WEIGHT));
    if (!c->set[F_WINDOWS]) {
        double r = floor(weight + 0.5);
        count = r < 1 ? 1 : r > UINT32_MAX ? UINT32_MAX : (uint32_t)r;
    }
    if (c->set[F_WINDOWS] && !c->set[F_WEIGHT] && count == 0)
        weight = 1.0;
    char num[40];
    if (!c->oom && (erg_buf_append(&c->ends, c->source.data, c->source.len + 1) != ERG_OK ||
                    erg_buf_append(&c->ends, c->target.data, c->target.len + 1) != ERG_OK))
        c->oom = true;
    erg_buf *b = &c->links;
    put_raw(c, b, ",\"kind\":");
    put_str(c, b, c->set[F_KIND] ? value(c, F_KIND) : erg_kind_name(ERG_KIND_CO_MENTION));
    put_raw(c, b, ",\"weight\":");
    put_raw(c, b, erg_graph_format_number(weight, false, num, sizeof num));
    put_u32(c, b, "count", count);
    put_u32(c, b, "articles", articles);
    put_opt(c, b, "first_date", F_FIRST);
    put_opt(c, b, "last_date", F_LAST);
    if (c->set[F_CONFIDENCE] && value(c, F_CONFIDENCE)[0]) {
        char *end;
        double v = strtod(value(c, F_CONFIDENCE), &end);
        uint16_t score;
        char sc[8];
        if (*end || erg_score_from(v, &score) != ERG_OK)
            return rfail(c, c->rec_line,
                         "edge from '%s' to '%s': confidence '%s' is not a number from 0 to 1",
                         c->source.data, c->target.data, value(c, F_CONFIDENCE));
        put_raw(c, b, ",\"confidence\":");
        put_raw(c, b, erg_score_format(score, sc));
    }
    if (c->set[F_PATTERNS] && value(c, F_PATTERNS)[0]) {
        /* Names only: the native loader checks that each is a pattern. */
        put_raw(c, b, ",\"patterns\":");
        put_list(c, b, value(c, F_PATTERNS), " ");
    }
    put_raw(c, b, ",\"outlets\":");
    put_list(c, b, value(c, F_OUTLETS), "; ");
    put_raw(c, b, "}");
    if (!c->oom && erg_buf_append(b, "", 1) != ERG_OK)
        c->oom = true;
    note_line(c, &c->link_lines, &c->cap_link_lines, c->n_links, c->rec_line);
    c->n_links++;
    return c->oom ? ERG_ENOMEM : ERG_OK;
}

/* Copies attribute name of the current element into b (empty when absent). */
static void get_attr(reader *c, const char *name, erg_buf *b)
{
    erg_buf_clear(b);
    if (xmlTextReaderMoveToAttribute(c->xr, BAD_CAST name) == 1) {
        const xmlChar *v = xmlTextReaderConstValue(c->xr);
        if (erg_buf_puts(b, v ? (const char *)v : "") != ERG_OK)
            c->oom = true;
        xmlTextReaderMoveToElement(c->xr);
    } else if (erg_buf_puts(b, "") != ERG_OK) {
        c->oom = true;
    }
}

static int field_of(const role *roles, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(roles[i].name, name) == 0)
            return roles[i].field;
    return -1;
}

static erg_status add_key(reader *c)
{
    get_attr(c, "id", &c->id);
    get_attr(c, "for", &c->source);
    get_attr(c, "attr.name", &c->target);
    if (c->oom)
        return ERG_ENOMEM;
    if (!c->id.data[0])
        return ERG_OK; /* a key nothing can refer to */
    const char *dom = c->source.data, *name = c->target.data;
    bool node = strcmp(dom, "node") == 0 || strcmp(dom, "all") == 0;
    bool edge = strcmp(dom, "edge") == 0 || strcmp(dom, "all") == 0;
    key_def k = {NULL,
                 node ? field_of(node_roles, sizeof node_roles / sizeof *node_roles, name) : -1,
                 edge ? field_of(edge_roles, sizeof edge_roles / sizeof *edge_roles, name) : -1};
    /* r, g, b, size, scores, community: kept with no field, so that <data> may refer to them */
    c->have_label |= k.node_field == F_LABEL;
    c->have_type |= k.node_field == F_TYPE;
    if (erg_grow((void **)&c->keys, &c->cap_keys, c->n_keys + 1, sizeof *c->keys) != ERG_OK ||
        !(k.id = erg_strdup(c->id.data))) {
        c->oom = true;
        return ERG_ENOMEM;
    }
    c->keys[c->n_keys++] = k;
    return ERG_OK;
}

static void start_record(reader *c, int rec, int depth)
{
    c->rec = rec;
    c->rec_depth = depth;
    c->rec_line = here(c);
    for (int i = 0; i < F_COUNT; i++)
        c->set[i] = false;
    if (rec == REC_NODE) {
        get_attr(c, "id", &c->id);
    } else {
        get_attr(c, "source", &c->source);
        get_attr(c, "target", &c->target);
    }
}

static erg_status end_record(reader *c)
{
    erg_status st = c->rec == REC_NODE ? end_node(c) : end_edge(c);
    c->rec = REC_NONE;
    return st;
}

/*
 * A <data> inside the current record: which field it fills (-1: none, -2:
 * its key is declared nowhere, which GraphML forbids and would lose a value
 * in silence).
 */
static int data_field(reader *c)
{
    get_attr(c, "key", &c->tmp);
    if (c->oom)
        return -1;
    for (size_t i = 0; i < c->n_keys; i++)
        if (strcmp(c->keys[i].id, c->tmp.data) == 0)
            return c->rec == REC_NODE ? c->keys[i].node_field : c->keys[i].edge_field;
    return -2;
}

/* "true" when attribute name says so (GraphML's directed and edgedefault). */
static bool attr_is(reader *c, const char *name, const char *value)
{
    get_attr(c, name, &c->tmp);
    return !c->oom && strcmp(c->tmp.data, value) == 0;
}

static bool is_graphml(reader *c)
{
    const xmlChar *ns = xmlTextReaderConstNamespaceUri(c->xr);
    return !ns || strcmp((const char *)ns, GRAPHML_NS) == 0;
}

static erg_status on_element(reader *c, const char *name, int depth)
{
    bool empty = xmlTextReaderIsEmptyElement(c->xr) == 1;
    if (depth == 0) {
        if (strcmp(name, "graphml") != 0 || !is_graphml(c))
            return rfail(c, here(c), "not a GraphML file (the root element is <%s>)", name);
        return ERG_OK;
    }
    if (c->data_field >= 0 || !is_graphml(c))
        return ERG_OK; /* markup inside a value, or another vocabulary */
    if (strcmp(name, "key") == 0 && depth == 1)
        return add_key(c);
    if (strcmp(name, "graph") == 0) {
        if (depth != 1)
            return rfail(c, here(c), "nested graphs are not supported");
        if (c->seen_graph)
            return rfail(c, here(c), "more than one <graph> (erg writes one)");
        if (!c->have_label || !c->have_type)
            return rfail(c, here(c),
                         "not GraphML that erg wrote (no node keys named 'label' and 'type')");
        if (attr_is(c, "edgedefault", "directed"))
            return rfail(c, here(c),
                         "directed graphs are not supported (erg reads and writes undirected "
                         "GraphML)");
        c->seen_graph = true;
        c->graph_depth = depth;
        return ERG_OK;
    }
    if (c->rec != REC_NONE) {
        if (strcmp(name, "data") != 0 || depth != c->rec_depth + 1)
            return ERG_OK;
        int f = data_field(c);
        if (f == -2)
            return rfail(c, here(c), "<data key=\"%s\"> refers to no <key> declared", c->tmp.data);
        if (f >= 0) {
            c->set[f] = true;
            erg_buf_clear(&c->val[f]);
            if (erg_buf_puts(&c->val[f], "") != ERG_OK)
                c->oom = true;
            if (!empty) {
                c->data_field = f;
                c->data_depth = depth;
            }
        }
        return c->oom ? ERG_ENOMEM : ERG_OK;
    }
    if (!c->seen_graph || depth != c->graph_depth + 1)
        return ERG_OK;
    if (strcmp(name, "hyperedge") == 0)
        return rfail(c, here(c), "hyperedges are not supported");
    int rec = strcmp(name, "node") == 0 ? REC_NODE : strcmp(name, "edge") == 0 ? REC_EDGE : 0;
    if (!rec)
        return ERG_OK;
    if (rec == REC_EDGE && attr_is(c, "directed", "true"))
        return rfail(c, here(c), "directed edges are not supported (erg reads undirected GraphML)");
    start_record(c, rec, depth);
    if (c->oom)
        return ERG_ENOMEM;
    return empty ? end_record(c) : ERG_OK;
}

/* Reads the whole file into c->nodes and c->links. */
static erg_status read_xml(reader *c)
{
    int ret;
    erg_status st = ERG_OK;
    bool root = false;
    while (st == ERG_OK && (ret = xmlTextReaderRead(c->xr)) == 1) {
        int type = xmlTextReaderNodeType(c->xr);
        int depth = xmlTextReaderDepth(c->xr);
        if (type == XML_READER_TYPE_ELEMENT) {
            const xmlChar *name = xmlTextReaderConstLocalName(c->xr);
            root = true;
            st = on_element(c, name ? (const char *)name : "", depth);
        } else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                   type == XML_READER_TYPE_WHITESPACE ||
                   type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
            if (c->data_field >= 0) {
                const xmlChar *v = xmlTextReaderConstValue(c->xr);
                if (v && erg_buf_puts(&c->val[c->data_field], (const char *)v) != ERG_OK)
                    st = erg_error_oom(c->err);
            }
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            if (c->data_field >= 0 && depth == c->data_depth)
                c->data_field = -1;
            else if (c->rec != REC_NONE && c->data_field < 0 && depth == c->rec_depth)
                st = end_record(c);
        }
    }
    if (st == ERG_ENOMEM || c->oom)
        return erg_error_oom(c->err);
    if (st != ERG_OK)
        return st;
    if (ret < 0 || c->xml_msg[0])
        return xml_failure(c);
    if (!root)
        return rfail(c, 0, "not a GraphML file (no root element)");
    if (!c->seen_graph)
        return rfail(c, 0,
                     !c->have_label || !c->have_type
                         ? "not GraphML that erg wrote (no node keys named 'label' and 'type')"
                         : "no <graph> element");
    return ERG_OK;
}

/*
 * The native loader names the failing record ("nodes[3]: ..."): say the
 * GraphML line of that record instead.
 */
static void locate_error(reader *c)
{
    erg_error *err = c->err;
    if (!err)
        return;
    snprintf(err->source, sizeof err->source, "%s", c->path);
    err->line = 0;
    err->offset = -1;
    bool node = strncmp(err->text, "nodes[", 6) == 0;
    if (!node && strncmp(err->text, "links[", 6) != 0)
        return;
    char *end;
    unsigned long long i = strtoull(err->text + 6, &end, 10);
    if (strncmp(end, "]: ", 3) != 0)
        return;
    if (node ? i < c->n_nodes : i < c->n_links)
        err->line = node ? c->node_lines[i] : c->link_lines[i];
    memmove(err->text, end + 3, strlen(end + 3) + 1);
}

static int cmp_id_key(const void *a, const void *b)
{
    return strcmp(((const id_key *)a)->id, ((const id_key *)b)->id);
}

/* The merge key of the node with GraphML id `id` (c->id_keys sorted). */
static const char *key_of(const reader *c, const char *id)
{
    id_key probe = {(char *)id, NULL};
    const id_key *k =
        c->n_id_keys ? bsearch(&probe, c->id_keys, c->n_id_keys, sizeof *c->id_keys, cmp_id_key)
                     : NULL;
    return k ? k->key : id;
}

/* Appends the links to c->nodes, each with its ends named by merge key. */
static erg_status put_links(reader *c)
{
    if (c->n_id_keys)
        qsort(c->id_keys, c->n_id_keys, sizeof *c->id_keys, cmp_id_key);
    for (size_t i = 1; i < c->n_id_keys; i++)
        if (strcmp(c->id_keys[i - 1].id, c->id_keys[i].id) == 0)
            return rfail(c, 0, "node id '%s' appears twice", c->id_keys[i].id);
    const char *rest = c->links.data, *end = c->ends.data;
    for (size_t i = 0; i < c->n_links && !c->oom; i++) {
        const char *source = end, *target = source + strlen(source) + 1;
        put_raw(c, &c->nodes, i ? ",\n{\"source\":" : "\n{\"source\":");
        put_str(c, &c->nodes, key_of(c, source));
        put_raw(c, &c->nodes, ",\"target\":");
        put_str(c, &c->nodes, key_of(c, target));
        put_raw(c, &c->nodes, rest);
        end = target + strlen(target) + 1;
        rest += strlen(rest) + 1;
    }
    return c->oom ? erg_error_oom(c->err) : ERG_OK;
}

static void reader_release(reader *c)
{
    for (size_t i = 0; i < c->n_id_keys; i++) {
        free(c->id_keys[i].id);
        free(c->id_keys[i].key);
    }
    free(c->id_keys);
    erg_buf_release(&c->ends);
    for (size_t i = 0; i < c->n_keys; i++)
        free(c->keys[i].id);
    free(c->keys);
    erg_buf_release(&c->id);
    erg_buf_release(&c->source);
    erg_buf_release(&c->target);
    for (int i = 0; i < F_COUNT; i++)
        erg_buf_release(&c->val[i]);
    erg_buf_release(&c->tmp);
    erg_buf_release(&c->nodes);
    erg_buf_release(&c->links);
    free(c->node_lines);
    free(c->link_lines);
}

erg_status erg_export_load_graphml(erg_graph **out, const char *path, erg_error *err)
{
    if (!out || !path)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "no graph or no path");
    *out = NULL;
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return erg_error_set(err, errno == ENOENT ? ERG_ENOTFOUND : ERG_EIO, path, 0, -1,
                             "cannot open: %s", strerror(errno));
    struct stat sb;
    if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size == 0) {
        close(fd); /* libxml2 would call this "extra content at the end of the document" */
        return erg_error_set(err, ERG_EFORMAT, path, 0, -1, "the file is empty");
    }
    reader *c = calloc(1, sizeof *c);
    erg_status st = ERG_OK;
    FILE *mem = NULL;
    if (!c) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    c->path = path;
    c->err = err;
    c->data_field = -1;
    /* No network, no external DTD, no entity substitution: a file is read as it stands. */
    c->xr = xmlReaderForFd(fd, path, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                               XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
    if (!c->xr) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    xmlTextReaderSetStructuredErrorHandler(c->xr, on_xml_error, c);
    /* "graph" carries no counts: they are known only at the end. */
    if (erg_buf_printf(
            &c->nodes,
            "{\"format\":\"erg-graph\",\"version\":%d,\"directed\":false,"
            "\"multigraph\":true,\n\"graph\":{},\n\"articles\":[],\n\"article_ids\":[],\n"
            "\"sentences\":[],\n\"nodes\":[",
            ERG_GRAPH_FORMAT_VERSION) != ERG_OK ||
        erg_buf_puts(&c->links, "") != ERG_OK || erg_buf_puts(&c->ends, "") != ERG_OK) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    if ((st = read_xml(c)) != ERG_OK)
        goto cleanup;
    xmlFreeTextReader(c->xr);
    c->xr = NULL;
    if (erg_buf_puts(&c->nodes, "\n],\n\"links\":[") != ERG_OK) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    if ((st = put_links(c)) != ERG_OK)
        goto cleanup;
    if (erg_buf_puts(&c->nodes, "\n]}\n") != ERG_OK) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    erg_buf_release(&c->links);
    erg_buf_release(&c->ends);
    mem = fmemopen(c->nodes.data, c->nodes.len, "r");
    if (!mem) {
        st = erg_error_set(err, errno == ENOMEM ? ERG_ENOMEM : ERG_EIO, path, 0, -1,
                           "cannot read the graph from memory: %s", strerror(errno));
        goto cleanup;
    }
    if ((st = erg_graph_load_stream(out, mem, path, err)) != ERG_OK)
        locate_error(c);
cleanup:
    if (mem)
        fclose(mem);
    if (c) {
        if (c->xr)
            xmlFreeTextReader(c->xr);
        reader_release(c);
        free(c);
    }
    close(fd);
    return st;
}

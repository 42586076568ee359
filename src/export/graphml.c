/*
 * graphml.c: GraphML for Gephi, networkx and python-igraph.
 *
 * Written with libxml2's xmlTextWriter rather than igraph_write_graph_graphml:
 * igraph writes every numeric attribute as a double ("r" would be 78.0),
 * while Gephi's colour import and our contract want integer r, g, b, and
 * igraph would also need the whole multigraph copied into attribute tables.
 */
#include "export_private.h"

#include <libxml/xmlwriter.h>
#include <math.h>
#include <string.h>

typedef struct gkey {
    const char *id;
    const char *domain; /* "node" or "edge" */
    const char *name;
    const char *type;
} gkey;

static const gkey keys[] = {
    {"label", "node", "label", "string"},
    {"key", "node", "key", "string"},
    {"type", "node", "type", "string"},
    {"mentions", "node", "mentions", "int"},
    {"articles", "node", "articles", "int"},
    {"r", "node", "r", "int"},
    {"g", "node", "g", "int"},
    {"b", "node", "b", "int"},
    {"size", "node", "size", "float"},
    {"aliases", "node", "aliases", "string"},
    {"first_date", "node", "first_date", "string"},
    {"last_date", "node", "last_date", "string"},
    {"e_kind", "edge", "kind", "string"},
    {"e_weight", "edge", "weight", "double"},
    {"e_count", "edge", "count", "int"},
    {"e_articles", "edge", "articles", "int"},
    {"e_outlets", "edge", "outlets", "string"},
    {"e_first_date", "edge", "first_date", "string"},
    {"e_last_date", "edge", "last_date", "string"},
    {"e_confidence", "edge", "confidence", "double"},
    {"e_patterns", "edge", "patterns", "string"},
};

bool erg_export_i_graphml_reserved(const char *name)
{
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (strcmp(name, keys[i].id) == 0 || strcmp(name, keys[i].name) == 0)
            return true;
    return false;
}

/* Declared in export_private.h; GEXF shares it. */
const char *erg_export_i_xml_text(erg_buf *b, const char *s, bool display)
{
    erg_status st = ERG_OK;
    erg_buf_clear(b);
    for (const unsigned char *p = (const unsigned char *)s; *p && st == ERG_OK; p++) {
        if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') {
            /* U+2400 + c, the control picture: E2 90 80-9F. */
            char pic[3] = {'\xE2', '\x90', (char)(0x80 + *p)};
            st = erg_buf_append(b, pic, 3);
        } else if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) {
            st = erg_buf_append(b, "\xEF\xBF\xBD", 3);
            p += 2;
        } else if (display && erg_bidi_override_at((const char *)p)) {
            p += 2; /* a bidirectional override or isolate: dropped */
        } else {
            st = erg_buf_putc(b, (char)*p);
        }
    }
    if (st == ERG_OK && !b->data)
        st = erg_buf_puts(b, "");
    return st == ERG_OK ? b->data : NULL;
}

typedef struct gw {
    xmlTextWriterPtr w;
    erg_buf buf;
    bool ok;
} gw;

static void data_text(gw *c, const char *key, const char *value, bool display)
{
    if (!c->ok || !value)
        return;
    const char *v = erg_export_i_xml_text(&c->buf, value, display);
    c->ok = v && xmlTextWriterStartElement(c->w, BAD_CAST "data") >= 0 &&
            xmlTextWriterWriteAttribute(c->w, BAD_CAST "key", BAD_CAST key) >= 0 &&
            xmlTextWriterWriteString(c->w, BAD_CAST v) >= 0 && xmlTextWriterEndElement(c->w) >= 0;
}

/* A <data> of display text: names, aliases, outlets, dates. */
static void data_str(gw *c, const char *key, const char *value)
{
    data_text(c, key, value, true);
}

static void data_fmt(gw *c, const char *key, const char *fmt, double v)
{
    char num[64];
    snprintf(num, sizeof num, fmt, v);
    data_str(c, key, num);
}

static void write_node(gw *c, const erg_entity *e, size_t index, const erg_export_options *o)
{
    const erg_export_style *st = erg_export_i_style(e->type);
    erg_buf a;
    erg_buf_init(&a);
    erg_status bs = erg_buf_puts(&a, "");
    for (size_t i = 0; bs == ERG_OK && i < e->n_aliases; i++)
        bs = e->aliases[i].rule == ERG_FOLD_KEY
                 ? erg_buf_printf(&a, "%s%s (%u)", i ? "; " : "", e->aliases[i].name,
                                  (unsigned)e->aliases[i].count)
                 : erg_buf_printf(&a, "%s%s (%u, %s)", i ? "; " : "", e->aliases[i].name,
                                  (unsigned)e->aliases[i].count, erg_fold_name(e->aliases[i].rule));
    c->ok = c->ok && bs == ERG_OK;
    if (!c->ok)
        goto done;
    /*
     * The id is made from the index, never from the name: two keys that
     * differ only in characters XML cannot hold would give one id. The merge
     * key is data, kept as exactly as XML allows (graphml_read.c reads it).
     */
    char id[32];
    snprintf(id, sizeof id, "n%zu", index);
    c->ok = xmlTextWriterStartElement(c->w, BAD_CAST "node") >= 0 &&
            xmlTextWriterWriteAttribute(c->w, BAD_CAST "id", BAD_CAST id) >= 0;
    data_str(c, "label", e->name);
    data_text(c, "key", e->key, false);
    data_str(c, "type", erg_type_name(e->type));
    data_fmt(c, "mentions", "%.0f", e->mentions);
    data_fmt(c, "articles", "%.0f", e->articles);
    data_fmt(c, "r", "%.0f", st->r);
    data_fmt(c, "g", "%.0f", st->g);
    data_fmt(c, "b", "%.0f", st->b);
    data_fmt(c, "size", "%.3f", 10.0 + 4.0 * log2(1.0 + e->mentions));
    data_str(c, "aliases", a.data);
    data_str(c, "first_date", e->first_date);
    data_str(c, "last_date", e->last_date);
    for (size_t k = 0; k < o->n_attrs; k++) {
        double v = o->attrs[k].values[index];
        char num[32];
        if (isfinite(v))
            data_str(c, o->attrs[k].name,
                     erg_graph_format_number(v, o->attrs[k].is_int, num, sizeof num));
    }
    if (o->community && o->community[index] >= 0)
        data_fmt(c, "community", "%.0f", (double)o->community[index]);
    c->ok = c->ok && xmlTextWriterEndElement(c->w) >= 0;
done:
    erg_buf_release(&a);
}

static void write_edge(gw *c, size_t i, const erg_edge *d)
{
    char id[32];
    snprintf(id, sizeof id, "e%zu", i);
    erg_buf o;
    erg_buf_init(&o);
    erg_status st = erg_buf_puts(&o, "");
    for (size_t k = 0; st == ERG_OK && k < d->n_outlets; k++)
        st = erg_buf_printf(&o, "%s%s", k ? "; " : "", d->outlets[k]);
    c->ok = c->ok && st == ERG_OK;
    if (!c->ok)
        goto done;
    /* A typed edge goes subject -> object, which is how it is stored. */
    c->ok = xmlTextWriterStartElement(c->w, BAD_CAST "edge") >= 0 &&
            xmlTextWriterWriteAttribute(c->w, BAD_CAST "id", BAD_CAST id) >= 0;
    char end[32];
    snprintf(end, sizeof end, "n%lu", (unsigned long)d->source);
    c->ok = c->ok && xmlTextWriterWriteAttribute(c->w, BAD_CAST "source", BAD_CAST end) >= 0;
    snprintf(end, sizeof end, "n%lu", (unsigned long)d->target);
    c->ok = c->ok && xmlTextWriterWriteAttribute(c->w, BAD_CAST "target", BAD_CAST end) >= 0;
    data_str(c, "e_kind", erg_kind_name(d->kind));
    char num[40];
    data_str(c, "e_weight", erg_graph_format_number(erg_edge_weight(d), false, num, sizeof num));
    data_fmt(c, "e_count", "%.0f", d->count);
    data_fmt(c, "e_articles", "%.0f", d->articles);
    data_str(c, "e_outlets", o.data);
    data_str(c, "e_first_date", d->first_date);
    data_str(c, "e_last_date", d->last_date);
    /* A typed edge's score and its patterns, space-separated; none on co_mention. */
    char sc[8], pats[ERG_EDGE_PATTERNS_MAX];
    if (erg_edge_scored(d, sc, pats)) {
        data_str(c, "e_confidence", sc);
        data_str(c, "e_patterns", pats);
    }
    c->ok = c->ok && xmlTextWriterEndElement(c->w) >= 0;
done:
    erg_buf_release(&o);
}

/* One <key> element. */
static bool write_key(xmlTextWriterPtr w, const char *id, const char *domain, const char *name,
                      const char *type)
{
    return xmlTextWriterStartElement(w, BAD_CAST "key") >= 0 &&
           xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id) >= 0 &&
           xmlTextWriterWriteAttribute(w, BAD_CAST "for", BAD_CAST domain) >= 0 &&
           xmlTextWriterWriteAttribute(w, BAD_CAST "attr.name", BAD_CAST name) >= 0 &&
           xmlTextWriterWriteAttribute(w, BAD_CAST "attr.type", BAD_CAST type) >= 0 &&
           xmlTextWriterEndElement(w) >= 0;
}

erg_status erg_export_i_graphml(const erg_graph *g, const erg_export_options *o, FILE *f,
                                erg_error *err)
{
    if (!erg_graph_is_finished(g))
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "the graph changed since erg_graph_finish; finish it first");
    xmlOutputBufferPtr out = xmlOutputBufferCreateFile(f, NULL);
    if (!out)
        return erg_error_oom(err);
    gw c = {xmlNewTextWriter(out), {NULL, 0, 0}, true};
    if (!c.w) {
        xmlOutputBufferClose(out);
        return erg_error_oom(err);
    }
    c.ok = xmlTextWriterSetIndent(c.w, 1) >= 0 &&
           xmlTextWriterSetIndentString(c.w, BAD_CAST "  ") >= 0 &&
           xmlTextWriterStartDocument(c.w, "1.0", "UTF-8", NULL) >= 0 &&
           xmlTextWriterStartElement(c.w, BAD_CAST "graphml") >= 0 &&
           xmlTextWriterWriteAttribute(c.w, BAD_CAST "xmlns",
                                       BAD_CAST "http://graphml.graphdrawing.org/xmlns") >= 0 &&
           xmlTextWriterWriteAttribute(c.w, BAD_CAST "xmlns:xsi",
                                       BAD_CAST "http://www.w3.org/2001/XMLSchema-instance") >= 0 &&
           xmlTextWriterWriteAttribute(
               c.w, BAD_CAST "xsi:schemaLocation",
               BAD_CAST "http://graphml.graphdrawing.org/xmlns "
                        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd") >= 0;
    for (size_t i = 0; c.ok && i < sizeof keys / sizeof *keys; i++)
        c.ok = write_key(c.w, keys[i].id, keys[i].domain, keys[i].name, keys[i].type);
    /* The names are checked (erg_graph_check_attrs), so they are safe as XML ids. */
    for (size_t k = 0; c.ok && k < o->n_attrs; k++)
        c.ok = write_key(c.w, o->attrs[k].name, "node", o->attrs[k].name,
                         o->attrs[k].is_int ? "int" : "double");
    if (c.ok && o->community)
        c.ok = write_key(c.w, "community", "node", "community", "int");
    c.ok = c.ok && xmlTextWriterStartElement(c.w, BAD_CAST "graph") >= 0 &&
           xmlTextWriterWriteAttribute(c.w, BAD_CAST "id", BAD_CAST "erg") >= 0 &&
           xmlTextWriterWriteAttribute(c.w, BAD_CAST "edgedefault", BAD_CAST "undirected") >= 0;
    for (size_t i = 0; c.ok && i < erg_graph_entity_count(g); i++)
        write_node(&c, erg_graph_entity(g, i), i, o);
    for (size_t i = 0; c.ok && i < erg_graph_edge_count(g); i++)
        write_edge(&c, i, erg_graph_edge(g, i));
    c.ok = c.ok && xmlTextWriterEndDocument(c.w) >= 0;
    xmlFreeTextWriter(c.w); /* flushes; a buffer made from a FILE * leaves it open */
    erg_buf_release(&c.buf);
    if (!c.ok || ferror(f))
        return erg_error_set(err, ERG_EIO, NULL, 0, -1, "cannot write the GraphML file");
    return ERG_OK;
}

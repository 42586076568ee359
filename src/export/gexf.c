/*
 * gexf.c: GEXF 1.3 for Gephi (File > Open), with viz colours and sizes.
 *
 * Written with libxml2's xmlTextWriter as graphml.c is. The graph is mixed,
 * as GEXF allows: defaultedgetype="undirected" for the co_mention edges, and
 * type="directed" on each typed relation (subject -> object, labelled with
 * its kind). With opts->dynamic the graph is mode="dynamic" with
 * timeformat="date", and every node and edge gets spells: the days its
 * articles were dated (a date known to the month or year spans it), joined
 * where they overlap, so that Gephi's timeline plays the story.
 */
#include "export_private.h"

#include <libxml/xmlwriter.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define GEXF_NS "http://gexf.net/1.3"
#define GEXF_VIZ_NS "http://gexf.net/1.3/viz"

/* viz:size runs from VIZ_SIZE_LO (the smallest score) to VIZ_SIZE_HI (the largest). */
#define VIZ_SIZE_LO 5.0
#define VIZ_SIZE_HI 50.0

typedef struct gx {
    xmlTextWriterPtr w;
    erg_buf buf;
    bool ok;
} gx;

/* Writes attribute name = value, value cleaned for XML. */
static void attr(gx *c, const char *name, const char *value)
{
    if (!c->ok)
        return;
    const char *v = erg_export_i_xml_text(&c->buf, value, true);
    c->ok = v && xmlTextWriterWriteAttribute(c->w, BAD_CAST name, BAD_CAST v) >= 0;
}

static void attr_num(gx *c, const char *name, double v, bool is_int)
{
    char num[40];
    attr(c, name, erg_graph_format_number(v, is_int, num, sizeof num));
}

static void start(gx *c, const char *element)
{
    c->ok = c->ok && xmlTextWriterStartElement(c->w, BAD_CAST element) >= 0;
}

static void end(gx *c)
{
    c->ok = c->ok && xmlTextWriterEndElement(c->w) >= 0;
}

/* One <attribute id title type/> declaration; id and title are the name. */
static void declare(gx *c, const char *name, const char *type)
{
    start(c, "attribute");
    attr(c, "id", name);
    attr(c, "title", name);
    attr(c, "type", type);
    end(c);
}

/* One <attvalue for value/>; nothing for a NULL value. */
static void value_str(gx *c, const char *id, const char *value)
{
    if (!value)
        return;
    start(c, "attvalue");
    attr(c, "for", id);
    attr(c, "value", value);
    end(c);
}

static void value_num(gx *c, const char *id, double v, bool is_int)
{
    char num[40];
    if (isfinite(v))
        value_str(c, id, erg_graph_format_number(v, is_int, num, sizeof num));
}

/* The first and last day (YYYY-MM-DD) of a normalized date ("1987-02" -> 1987-02-01, 1987-02-28).
 */
static void day_bounds(const char *date, char first[ERG_DATE_TEXT_MAX],
                       char last[ERG_DATE_TEXT_MAX])
{
    erg_date d;
    if (erg_date_parse(date, strlen(date), &d) != ERG_OK) {
        /* A day the loader let through but no calendar has ("1987-02-30"): as it is. */
        snprintf(first, ERG_DATE_TEXT_MAX, "%s", date);
        snprintf(last, ERG_DATE_TEXT_MAX, "%s", date);
        return;
    }
    erg_date s = erg_date_start(&d), e = erg_date_end(&d);
    erg_date_format(&s, first);
    erg_date_format(&e, last);
}

static void spell(gx *c, const char *first, const char *last)
{
    start(c, "spell");
    attr(c, "start", first);
    attr(c, "end", last);
    end(c);
}

/* <spells> from a timeline (sorted by date: the periods come in order of their first day). */
static void write_spells(gx *c, const erg_tally *t, size_t n)
{
    char s[11], e[11], cs[11] = "", ce[11] = "";
    for (size_t i = 0; c->ok && i < n; i++) {
        if (!t[i].date || (i && t[i - 1].date && strcmp(t[i - 1].date, t[i].date) == 0))
            continue;
        day_bounds(t[i].date, s, e);
        if (cs[0] && strcmp(s, ce) <= 0) {
            if (strcmp(e, ce) > 0)
                memcpy(ce, e, sizeof ce);
            continue;
        }
        if (cs[0])
            spell(c, cs, ce);
        else
            start(c, "spells");
        memcpy(cs, s, sizeof cs);
        memcpy(ce, e, sizeof ce);
    }
    if (cs[0]) {
        spell(c, cs, ce);
        end(c);
    }
}

/*
 * The number a node's viz:size comes from: the first attribute (the first
 * --rank measure) when there is one, else log2(1 + mentions). NaN when the
 * node has no value for that attribute.
 */
static double size_basis(const erg_entity *e, size_t i, const erg_export_options *o)
{
    return o->n_attrs ? o->attrs[0].values[i] : log2(1.0 + e->mentions);
}

static void write_node(gx *c, const erg_entity *e, size_t i, const erg_export_options *o, double lo,
                       double hi)
{
    /* The id from the index, never from the name (see graphml.c); the merge key is a value. */
    char id[32];
    snprintf(id, sizeof id, "n%zu", i);
    start(c, "node");
    attr(c, "id", id);
    attr(c, "label", e->name);
    start(c, "attvalues");
    value_str(c, "key", e->key);
    value_str(c, "type", erg_type_name(e->type));
    value_num(c, "mentions", e->mentions, true);
    value_num(c, "articles", e->articles, true);
    value_str(c, "first_date", e->first_date);
    value_str(c, "last_date", e->last_date);
    for (size_t k = 0; k < o->n_attrs; k++)
        value_num(c, o->attrs[k].name, o->attrs[k].values[i], o->attrs[k].is_int);
    if (o->community && o->community[i] >= 0)
        value_num(c, "community", (double)o->community[i], true);
    end(c);

    /* Colour by community when there are communities, else by type. */
    const erg_export_style *st = erg_export_i_style(e->type);
    unsigned r = st->r, g = st->g, b = st->b;
    if (o->community && o->community[i] >= 0) {
        unsigned long rgb = strtoul(erg_export_i_community_colour(o->community[i]) + 1, NULL, 16);
        r = (unsigned)(rgb >> 16) & 0xFF;
        g = (unsigned)(rgb >> 8) & 0xFF;
        b = (unsigned)rgb & 0xFF;
    }
    start(c, "viz:color");
    attr_num(c, "r", r, true);
    attr_num(c, "g", g, true);
    attr_num(c, "b", b, true);
    end(c);

    double v = size_basis(e, i, o);
    double size = !isfinite(v) || hi <= lo
                      ? VIZ_SIZE_LO
                      : VIZ_SIZE_LO + (VIZ_SIZE_HI - VIZ_SIZE_LO) * (v - lo) / (hi - lo);
    char num[32];
    snprintf(num, sizeof num, "%.3f", size);
    start(c, "viz:size");
    attr(c, "value", num);
    end(c);
    if (o->dynamic)
        write_spells(c, e->timeline, e->n_timeline);
    end(c);
}

static void write_edge(gx *c, size_t i, const erg_edge *d, bool dynamic)
{
    char id[32];
    snprintf(id, sizeof id, "e%zu", i);
    start(c, "edge");
    attr(c, "id", id);
    /* A typed edge goes subject -> object, which is how it is stored. */
    char ends[32];
    snprintf(ends, sizeof ends, "n%lu", (unsigned long)d->source);
    attr(c, "source", ends);
    snprintf(ends, sizeof ends, "n%lu", (unsigned long)d->target);
    attr(c, "target", ends);
    if (d->kind != ERG_KIND_CO_MENTION) {
        attr(c, "type", "directed");
        attr(c, "label", erg_kind_name(d->kind));
    }
    attr_num(c, "weight", erg_edge_weight(d), false);
    start(c, "attvalues");
    value_str(c, "kind", erg_kind_name(d->kind));
    value_num(c, "count", d->count, true);
    value_num(c, "articles", d->articles, true);
    char sc[8], pats[ERG_EDGE_PATTERNS_MAX];
    if (erg_edge_scored(d, sc, pats)) {
        value_str(c, "confidence", sc);
        value_str(c, "patterns", pats);
    }
    end(c);
    if (dynamic)
        write_spells(c, d->timeline, d->n_timeline);
    end(c);
}

erg_status erg_export_i_gexf(const erg_graph *g, const erg_export_options *o, FILE *f,
                             erg_error *err)
{
    if (!erg_graph_is_finished(g))
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "the graph changed since erg_graph_finish; finish it first");
    if (o->dynamic && !erg_graph_has_timeline(g))
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "the graph has no timeline for --dynamic (a graph file older than "
                             "version 4): build it again");
    size_t n = erg_graph_entity_count(g);
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        double v = size_basis(erg_graph_entity(g, i), i, o);
        if (isfinite(v)) {
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
        }
    }
    xmlOutputBufferPtr out = xmlOutputBufferCreateFile(f, NULL);
    if (!out)
        return erg_error_oom(err);
    gx c = {xmlNewTextWriter(out), {NULL, 0, 0}, true};
    if (!c.w) {
        xmlOutputBufferClose(out);
        return erg_error_oom(err);
    }
    c.ok = xmlTextWriterSetIndent(c.w, 1) >= 0 &&
           xmlTextWriterSetIndentString(c.w, BAD_CAST "  ") >= 0 &&
           xmlTextWriterStartDocument(c.w, "1.0", "UTF-8", NULL) >= 0;
    start(&c, "gexf");
    attr(&c, "xmlns", GEXF_NS);
    attr(&c, "xmlns:viz", GEXF_VIZ_NS);
    attr(&c, "version", "1.3");
    start(&c, "meta");
    start(&c, "creator");
    c.ok = c.ok && xmlTextWriterWriteString(c.w, BAD_CAST "erg") >= 0;
    end(&c);
    end(&c);
    start(&c, "graph");
    attr(&c, "defaultedgetype", "undirected");
    if (o->dynamic) {
        attr(&c, "mode", "dynamic");
        attr(&c, "timeformat", "date");
    } else {
        attr(&c, "mode", "static");
    }

    start(&c, "attributes");
    attr(&c, "class", "node");
    declare(&c, "key", "string");
    declare(&c, "type", "string");
    declare(&c, "mentions", "integer");
    declare(&c, "articles", "integer");
    declare(&c, "first_date", "string");
    declare(&c, "last_date", "string");
    /* The names are checked (erg_graph_check_attrs), so they are safe as ids. */
    for (size_t k = 0; k < o->n_attrs; k++)
        declare(&c, o->attrs[k].name, o->attrs[k].is_int ? "integer" : "double");
    if (o->community)
        declare(&c, "community", "integer");
    end(&c);
    start(&c, "attributes");
    attr(&c, "class", "edge");
    declare(&c, "kind", "string");
    declare(&c, "count", "integer");
    declare(&c, "articles", "integer");
    declare(&c, "confidence", "double");
    declare(&c, "patterns", "string");
    end(&c);

    start(&c, "nodes");
    attr_num(&c, "count", (double)n, true);
    for (size_t i = 0; c.ok && i < n; i++)
        write_node(&c, erg_graph_entity(g, i), i, o, lo, hi);
    end(&c);
    start(&c, "edges");
    attr_num(&c, "count", (double)erg_graph_edge_count(g), true);
    for (size_t i = 0; c.ok && i < erg_graph_edge_count(g); i++)
        write_edge(&c, i, erg_graph_edge(g, i), o->dynamic);
    end(&c);
    c.ok = c.ok && xmlTextWriterEndDocument(c.w) >= 0;
    xmlFreeTextWriter(c.w); /* flushes; a buffer made from a FILE * leaves it open */
    erg_buf_release(&c.buf);
    if (!c.ok || ferror(f))
        return erg_error_set(err, ERG_EIO, NULL, 0, -1, "cannot write the GEXF file");
    return ERG_OK;
}

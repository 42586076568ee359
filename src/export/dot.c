/*
 * dot.c: Graphviz DOT. Every id and label is a quoted string, so any name
 * is safe: '"' and '\' are escaped, and line breaks and other control
 * characters become spaces (a raw newline would be kept by Graphviz, and an
 * escape such as \n would be read as one).
 */
#include "export_private.h"

#include <math.h>

static void put_quoted(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') {
            fputc('\\', f);
            fputc(*p, f);
        } else if (*p < 0x20 || *p == 0x7F) {
            fputc(' ', f);
        } else {
            fputc(*p, f);
        }
    }
    fputc('"', f);
}

erg_status erg_export_i_dot(const erg_graph *g, const erg_export_options *o, FILE *f,
                            erg_error *err)
{
    if (!erg_graph_is_finished(g))
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "the graph changed since erg_graph_finish; finish it first");
    fputs("graph \"erg\" {\n"
          "  graph [overlap=false, outputorder=edgesfirst];\n"
          "  node [style=filled, fontname=\"Helvetica\", fontsize=10, penwidth=1.2];\n"
          "  edge [color=\"#9A9A9A\", fontname=\"Helvetica\", fontsize=8];\n",
          f);
    for (size_t i = 0; i < erg_graph_entity_count(g); i++) {
        const erg_entity *e = erg_graph_entity(g, i);
        const erg_export_style *st = erg_export_i_style(e->type);
        const char *fill = st->light, *border = st->strong;
        bool in_community = o->community && o->community[i] >= 0;
        if (in_community) {
            /* The fill tells the community; a neutral border keeps the two from clashing. */
            fill = erg_export_i_community_colour(o->community[i]);
            border = "#595959";
        }
        fputs("  ", f);
        put_quoted(f, e->key);
        fputs(" [label=", f);
        put_quoted(f, e->name);
        fprintf(f,
                ", shape=%s, fillcolor=\"%s\", color=\"%s\", tooltip=\"%s, %u mention%s in %u "
                "article%s",
                st->shape, fill, border, erg_type_name(e->type), (unsigned)e->mentions,
                e->mentions == 1 ? "" : "s", (unsigned)e->articles, e->articles == 1 ? "" : "s");
        if (in_community)
            fprintf(f, ", community %lld", (long long)o->community[i]);
        fputs("\"];\n", f);
    }
    for (size_t i = 0; i < erg_graph_edge_count(g); i++) {
        const erg_edge *d = erg_graph_edge(g, i);
        fputs("  ", f);
        put_quoted(f, erg_graph_entity(g, d->source)->key);
        fputs(" -- ", f);
        put_quoted(f, erg_graph_entity(g, d->target)->key);
        double w = erg_edge_weight(d);
        double pen = 1.0 + log2(w > 1.0 ? w : 1.0);
        if (pen > 8.0)
            pen = 8.0;
        if (d->kind == ERG_KIND_CO_MENTION) {
            fprintf(f, " [penwidth=%.2f, tooltip=\"co_mention, weight %.3g, %u windows\"];\n", pen,
                    w, (unsigned)d->count);
        } else {
            const char *colour = erg_export_i_kind_colour(d->kind);
            fprintf(f,
                    " [dir=forward, color=\"%s\", fontcolor=\"%s\", label=\"%s\", "
                    "penwidth=%.2f, tooltip=\"%s, %u records\"];\n",
                    colour, colour, erg_kind_name(d->kind), pen, erg_kind_name(d->kind),
                    (unsigned)d->count);
        }
    }
    fputs("}\n", f);
    if (ferror(f))
        return erg_error_set(err, ERG_EIO, NULL, 0, -1, "cannot write the DOT file");
    return ERG_OK;
}

/*
 * dot.c: Graphviz DOT, the one drawing description of the graph: the DOT
 * file, and the text that picture.c lays out and renders to SVG and PNG.
 * Node ids are made from the index (n0, n1, ...), never from the name.
 * Every label is a quoted string, so any name is safe: '"' and '\' are
 * escaped, line breaks and other control characters become spaces (a raw
 * newline would be kept by Graphviz, and an escape such as \n would be read
 * as one), U+FFFE and U+FFFF become U+FFFD (the SVG is XML), and
 * bidirectional overrides are dropped. Graphviz's scanner takes
 * no quoted string over 16384 bytes, so a long one is written as pieces
 * joined by '+' (DOT's concatenation); a label over DOT_LABEL_MAX
 * characters is cut with "…", the whole name kept in "fullname".
 */
#include "export_private.h"

#include <math.h>
#include <stdlib.h>

/* Characters (code points) of a node label; a longer name is cut and ends in "…". */
#define DOT_LABEL_MAX 200
/* Bytes of one quoted piece: well below Graphviz's 16384, escapes included. */
#define DOT_PIECE_MAX 8000

/*
 * Writes s as a quoted DOT string, at most max_chars characters of it (0:
 * all) followed by "…" when it is longer. Returns true when s was cut.
 */
static bool put_quoted(FILE *f, const char *s, size_t max_chars)
{
    size_t piece = 0, chars = 0;
    bool cut = false;
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p & 0xC0) != 0x80) { /* a character starts here */
            if (max_chars && chars == max_chars) {
                cut = true;
                break;
            }
            chars++;
            if (piece >= DOT_PIECE_MAX) {
                fputs("\" + \"", f);
                piece = 0;
            }
        }
        size_t skip = erg_bidi_override_at((const char *)p);
        if (skip) {
            p += skip - 1;
            chars--;
        } else if (*p == '"' || *p == '\\') {
            fputc('\\', f);
            fputc(*p, f);
            piece += 2;
        } else if (*p < 0x20 || *p == 0x7F) {
            fputc(' ', f);
            piece++;
        } else if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) {
            fputs("\xEF\xBF\xBD", f); /* U+FFFE, U+FFFF: no XML (SVG) may hold them */
            p += 2;
            piece += 3;
        } else {
            fputc(*p, f);
            piece++;
        }
    }
    if (cut)
        fputs("\xE2\x80\xA6", f); /* … */
    fputc('"', f);
    return cut;
}

/* A node's id: n and its index. */
static void put_id(FILE *f, size_t i)
{
    fprintf(f, "\"n%zu\"", i);
}

/* n with thousands separators ("3,201") into buf. */
static const char *grouped(size_t n, char buf[32])
{
    char digits[24];
    int len = snprintf(digits, sizeof digits, "%zu", n), o = 0;
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
    return buf;
}

/* The measure that sizes the nodes and orders the cut: the first attribute, else mentions. */
static const char *measure_name(const erg_export_options *o)
{
    return o->n_attrs > 0 ? o->attrs[0].name : "mentions";
}

/*
 * The legend, as the graph's HTML-like label: a title line, the entity
 * types and typed relation kinds that the drawing shows. The text is erg's
 * own (type, kind and attribute names are plain identifiers), never a name
 * from the articles.
 */
static void put_legend(FILE *f, const erg_graph *g, const erg_export_options *o, const bool *keep,
                       size_t n_kept)
{
    bool type_seen[ERG_TYPE_COUNT] = {false}, kind_seen[ERG_KIND_COUNT] = {false};
    bool communities = false;
    size_t n = erg_graph_entity_count(g);
    for (size_t i = 0; i < n; i++)
        if (keep[i]) {
            erg_type t = erg_graph_entity(g, i)->type;
            type_seen[(unsigned)t < ERG_TYPE_COUNT ? t : ERG_TYPE_MISC] = true;
            communities = communities || (o->community && o->community[i] >= 0);
        }
    for (size_t i = 0; i < erg_graph_edge_count(g); i++) {
        const erg_edge *d = erg_graph_edge(g, i);
        if (keep[d->source] && keep[d->target] && (unsigned)d->kind < ERG_KIND_COUNT)
            kind_seen[d->kind] = true;
    }
    char a[32], b[32];
    fputs("  graph [labelloc=b, labeljust=l, fontname=\"Helvetica\", fontsize=10, label=<"
          "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">\n",
          f);
    if (n_kept < n)
        fprintf(f, "    <TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>top %s of %s entities by %s</B>",
                grouped(n_kept, a), grouped(n, b), measure_name(o));
    else
        fprintf(f, "    <TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>%s entit%s, size by %s</B>",
                grouped(n, a), n == 1 ? "y" : "ies", measure_name(o));
    fputs("</TD></TR>\n", f);
    for (int t = 0; t < ERG_TYPE_COUNT; t++) {
        if (!type_seen[t])
            continue;
        const erg_export_style *st = erg_export_i_style((erg_type)t);
        fprintf(f,
                "    <TR><TD BGCOLOR=\"%s\" COLOR=\"%s\" BORDER=\"1\" WIDTH=\"24\"> </TD>"
                "<TD ALIGN=\"LEFT\">%s (%s)</TD></TR>\n",
                communities ? "#FFFFFF" : st->light, st->strong, erg_type_name((erg_type)t),
                st->shape);
    }
    if (communities)
        fprintf(f,
                "    <TR><TD BGCOLOR=\"%s\" BORDER=\"1\" COLOR=\"#595959\"> </TD>"
                "<TD ALIGN=\"LEFT\">fill: community</TD></TR>\n",
                erg_export_i_community_colour(0));
    for (int k = 0; k < ERG_KIND_COUNT; k++) {
        if (!kind_seen[k] || k == ERG_KIND_CO_MENTION)
            continue;
        const char *colour = erg_export_i_kind_colour((erg_kind)k);
        fprintf(f,
                "    <TR><TD><FONT COLOR=\"%s\"><B>&#8594;</B></FONT></TD>"
                "<TD ALIGN=\"LEFT\"><FONT COLOR=\"%s\">%s</FONT></TD></TR>\n",
                colour, colour, erg_kind_name((erg_kind)k));
    }
    if (kind_seen[ERG_KIND_CO_MENTION])
        fprintf(f,
                "    <TR><TD><FONT COLOR=\"%s\"><B>&#8212;</B></FONT></TD>"
                "<TD ALIGN=\"LEFT\">co_mention (width: weight)</TD></TR>\n",
                erg_export_i_kind_colour(ERG_KIND_CO_MENTION));
    fputs("  </TABLE>>];\n", f);
}

/* Node scale 0..1 from importance: sqrt of its place between the least and the most drawn. */
static void node_scales(const erg_graph *g, const erg_export_options *o, const bool *keep,
                        double *scale)
{
    size_t n = erg_graph_entity_count(g);
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        double s = erg_export_i_importance(g, o, i);
        scale[i] = s;
        if (keep[i] && isfinite(s)) {
            lo = s < lo ? s : lo;
            hi = s > hi ? s : hi;
        }
    }
    for (size_t i = 0; i < n; i++) {
        double s = scale[i];
        scale[i] = hi > lo && isfinite(s) ? sqrt((s - lo) / (hi - lo)) : 0.0;
    }
}

erg_status erg_export_i_dot_draw(const erg_graph *g, const erg_export_options *o, size_t max_nodes,
                                 FILE *f, erg_error *err)
{
    if (!erg_graph_is_finished(g))
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "the graph changed since erg_graph_finish; finish it first");
    size_t n = erg_graph_entity_count(g), n_kept = 0;
    bool *keep = malloc((n ? n : 1) * sizeof *keep);
    double *scale = malloc((n ? n : 1) * sizeof *scale);
    erg_status st = ERG_OK;
    if (!keep || !scale || erg_export_i_cut(g, o, max_nodes, keep, &n_kept) != ERG_OK) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    node_scales(g, o, keep, scale);
    fputs("graph \"erg\" {\n"
          "  graph [overlap=prism, outputorder=edgesfirst, pad=0.2];\n"
          "  node [style=filled, fontname=\"Helvetica\", fontsize=10, penwidth=1.2];\n"
          "  edge [color=\"#9A9A9A\", fontname=\"Helvetica\", fontsize=8];\n",
          f);
    put_legend(f, g, o, keep, n_kept);
    for (size_t i = 0; i < n; i++) {
        if (!keep[i])
            continue;
        const erg_entity *e = erg_graph_entity(g, i);
        const erg_export_style *sty = erg_export_i_style(e->type);
        const char *fill = sty->light, *border = sty->strong;
        bool in_community = o->community && o->community[i] >= 0;
        if (in_community) {
            /* The fill tells the community; a neutral border keeps the two from clashing. */
            fill = erg_export_i_community_colour(o->community[i]);
            border = "#595959";
        }
        double t = scale[i];
        fputs("  ", f);
        put_id(f, i);
        fputs(" [label=", f);
        if (put_quoted(f, e->name, DOT_LABEL_MAX)) {
            fputs(", fullname=", f);
            put_quoted(f, e->name, 0);
        }
        fprintf(f,
                ", shape=%s, fillcolor=\"%s\", color=\"%s\", fontsize=%.1f, width=%.2f, "
                "height=%.2f, tooltip=\"%s, %u mention%s in %u article%s",
                sty->shape, fill, border, 9.0 + 13.0 * t, 0.5 + 1.4 * t, 0.3 + 0.7 * t,
                erg_type_name(e->type), (unsigned)e->mentions, e->mentions == 1 ? "" : "s",
                (unsigned)e->articles, e->articles == 1 ? "" : "s");
        if (in_community)
            fprintf(f, ", community %lld", (long long)o->community[i]);
        fputs("\"];\n", f);
    }
    for (size_t i = 0; i < erg_graph_edge_count(g); i++) {
        const erg_edge *d = erg_graph_edge(g, i);
        if (!keep[d->source] || !keep[d->target])
            continue;
        fputs("  ", f);
        put_id(f, d->source);
        fputs(" -- ", f);
        put_id(f, d->target);
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
        st = erg_error_set(err, ERG_EIO, NULL, 0, -1, "cannot write the DOT file");
cleanup:
    free(keep);
    free(scale);
    return st;
}

erg_status erg_export_i_dot(const erg_graph *g, const erg_export_options *o, FILE *f,
                            erg_error *err)
{
    return erg_export_i_dot_draw(g, o, o->max_nodes, f, err);
}

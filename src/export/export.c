/*
 * export.c: format names, the shared palette, and dispatch to the writers.
 */
#include "export_private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static const char *const format_names[] = {"json", "graphml", "dot", "gexf",
                                           "csv",  "html",    "svg", "png"};

/* Tableau 10: distinct under the common colour-vision deficiencies and pleasant in Gephi. */
static const erg_export_style styles[ERG_TYPE_COUNT] = {
    {78, 121, 167, "#4E79A7", "#A0CBE8", "ellipse"},  /* person */
    {242, 142, 43, "#F28E2B", "#FFBE7D", "box"},      /* agency */
    {89, 161, 79, "#59A14F", "#8CD17D", "note"},      /* outlet */
    {176, 122, 161, "#B07AA1", "#D4A6C8", "hexagon"}, /* place */
    {186, 176, 172, "#BAB0AC", "#D7D0CD", "plain"},   /* misc: never in a graph */
};

static const char *const kind_colours[ERG_KIND_COUNT] = {
    "#9A9A9A", /* co_mention */
    "#E15759", /* spokesperson_for */
    "#76B7B2", /* member_of */
    "#B6992D", /* leads */
    "#59A14F", /* reports */
    "#9C755F", /* cites */
    "#D62728", /* accuses */
};

/* ColorBrewer Set3: twelve light colours, distinct side by side, dark text reads on all. */
static const char *const community_colours[12] = {
    "#8DD3C7", "#FFFFB3", "#BEBADA", "#FB8072", "#80B1D3", "#FDB462",
    "#B3DE69", "#FCCDE5", "#D9D9D9", "#BC80BD", "#CCEBC5", "#FFED6F",
};

const char *erg_export_i_community_colour(igraph_integer_t k)
{
    return community_colours[(k < 0 ? -k : k) % 12];
}

const erg_export_style *erg_export_i_style(erg_type t)
{
    return &styles[(unsigned)t < ERG_TYPE_COUNT ? t : ERG_TYPE_MISC];
}

const char *erg_export_i_kind_colour(erg_kind k)
{
    return (unsigned)k < ERG_KIND_COUNT ? kind_colours[k] : kind_colours[0];
}

const char *erg_format_name(erg_format f)
{
    return (unsigned)f < sizeof format_names / sizeof *format_names ? format_names[f] : "unknown";
}

erg_status erg_format_parse(const char *s, erg_format *out)
{
    for (unsigned f = 0; s && f < sizeof format_names / sizeof *format_names; f++)
        if (strcasecmp(s, format_names[f]) == 0) {
            *out = (erg_format)f;
            return ERG_OK;
        }
    return ERG_EINVAL;
}

erg_status erg_format_from_path(const char *path, erg_format *out, erg_error *err)
{
    static const struct {
        const char *ext;
        erg_format fmt;
    } exts[] = {{".json", ERG_FORMAT_JSON},   {".graphml", ERG_FORMAT_GRAPHML},
                {".xml", ERG_FORMAT_GRAPHML}, {".dot", ERG_FORMAT_DOT},
                {".gv", ERG_FORMAT_DOT},      {".gexf", ERG_FORMAT_GEXF},
                {".html", ERG_FORMAT_HTML},   {".htm", ERG_FORMAT_HTML},
                {".svg", ERG_FORMAT_SVG},     {".png", ERG_FORMAT_PNG}};
    if (!path || strcmp(path, "-") == 0)
        return erg_error_set(err, ERG_EINVAL, path, 0, -1,
                             "cannot tell the format of standard output; give --format "
                             "(json, graphml, dot, gexf, csv, html, svg, png)");
    /* A directory (named with a final '/', or one that exists) takes nodes.csv and edges.csv. */
    struct stat sb;
    if ((path[0] && path[strlen(path) - 1] == '/') ||
        (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))) {
        *out = ERG_FORMAT_CSV;
        return ERG_OK;
    }
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash + 1 : path, '.');
    for (size_t i = 0; dot && i < sizeof exts / sizeof *exts; i++)
        if (strcasecmp(dot, exts[i].ext) == 0) {
            *out = exts[i].fmt;
            return ERG_OK;
        }
    return erg_error_set(err, ERG_EINVAL, path, 0, -1,
                         "unknown output extension (known: .json, .graphml, .xml, .dot, .gv, "
                         ".gexf, .html, .svg, .png; a directory DIR/ for CSV); give --format");
}

/* The attributes of opts are fit for every format, so a choice of format never fails late. */
erg_status erg_export_i_check_options(const erg_export_options *o, erg_error *err)
{
    erg_status st = erg_graph_check_attrs(o->attrs, o->n_attrs, err);
    if (st != ERG_OK)
        return st;
    for (size_t k = 0; k < o->n_attrs; k++) {
        const char *name = o->attrs[k].name;
        if (strcmp(name, "community") == 0)
            return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                                 "node attribute 'community' is reserved for the communities");
        if (erg_export_i_graphml_reserved(name))
            return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                                 "node attribute '%s' would hide the GraphML key of that name",
                                 name);
    }
    return ERG_OK;
}

/* The native file, with the community as one more integer attribute after the others. */
static erg_status write_json(const erg_graph *g, const erg_export_options *o, FILE *f,
                             erg_error *err)
{
    if (!o->community)
        return erg_graph_write_json_attrs(g, o->attrs, o->n_attrs, f, err);
    size_t n = erg_graph_entity_count(g);
    double *comm = malloc((n ? n : 1) * sizeof *comm);
    erg_node_attr *all = malloc((o->n_attrs + 1) * sizeof *all);
    erg_status st;
    if (!comm || !all) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++)
        comm[i] = o->community[i] >= 0 ? (double)o->community[i] : NAN;
    for (size_t k = 0; k < o->n_attrs; k++)
        all[k] = o->attrs[k];
    all[o->n_attrs] = (erg_node_attr){"community", true, comm};
    st = erg_graph_write_json_attrs(g, all, o->n_attrs + 1, f, err);
cleanup:
    free(comm);
    free(all);
    return st;
}

erg_status erg_export_write_opts(const erg_graph *g, erg_format fmt, const erg_export_options *opts,
                                 FILE *f, erg_error *err)
{
    static const erg_export_options none = {0};
    if (!g || !f)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "no graph or no output");
    if (!opts)
        opts = &none;
    erg_status st = erg_export_i_check_options(opts, err);
    if (st != ERG_OK)
        return st;
    switch (fmt) {
    case ERG_FORMAT_JSON:
        return write_json(g, opts, f, err);
    case ERG_FORMAT_GRAPHML:
        return erg_export_i_graphml(g, opts, f, err);
    case ERG_FORMAT_DOT:
        return erg_export_i_dot(g, opts, f, err);
    case ERG_FORMAT_GEXF:
        return erg_export_i_gexf(g, opts, f, err);
    case ERG_FORMAT_HTML:
        return erg_export_i_html(g, opts, f, err);
    case ERG_FORMAT_SVG:
    case ERG_FORMAT_PNG:
        return erg_export_i_picture(g, opts, fmt, f, err);
    case ERG_FORMAT_CSV:
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "CSV is two files: write it to a directory (erg_export_file_opts) "
                             "or with erg_export_csv_nodes and erg_export_csv_edges");
    }
    return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "unknown export format %d", (int)fmt);
}

erg_status erg_export_write(const erg_graph *g, erg_format fmt, FILE *f, erg_error *err)
{
    return erg_export_write_opts(g, fmt, NULL, f, err);
}

erg_status erg_export_file_opts(const erg_graph *g, erg_format fmt, const erg_export_options *opts,
                                const char *path, erg_error *err)
{
    if (fmt == ERG_FORMAT_CSV) {
        static const erg_export_options none = {0};
        if (!g)
            return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "no graph");
        erg_status cst = erg_export_i_check_options(opts ? opts : &none, err);
        return cst != ERG_OK ? cst : erg_export_i_csv_dir(g, opts, path, err);
    }
    erg_outfile of;
    erg_status st = erg_outfile_open(&of, path, err);
    if (st != ERG_OK)
        return st;
    st = erg_export_write_opts(g, fmt, opts, of.fp, err);
    if (st != ERG_OK) {
        if (err && !err->source[0])
            snprintf(err->source, sizeof err->source, "%s", path);
        erg_outfile_abort(&of);
        return st;
    }
    return erg_outfile_commit(&of, err);
}

erg_status erg_export_file(const erg_graph *g, erg_format fmt, const char *path, erg_error *err)
{
    return erg_export_file_opts(g, fmt, NULL, path, err);
}

/*
 * export_private.h: what the writers of src/export share. Not installed.
 */
#ifndef ERG_EXPORT_PRIVATE_H
#define ERG_EXPORT_PRIVATE_H

#include "erg/export.h"

/* Colours by entity type: a strong one (GraphML r/g/b, DOT borders) and a light fill. */
typedef struct erg_export_style {
    unsigned char r, g, b;
    const char *strong; /* "#4E79A7" */
    const char *light;  /* fill colour for DOT */
    const char *shape;  /* DOT node shape */
} erg_export_style;

const erg_export_style *erg_export_i_style(erg_type t);
/* DOT colour of a typed edge ("#..."). */
const char *erg_export_i_kind_colour(erg_kind k);

/* The writers; opts is never NULL (all zero for none) and already checked. */
erg_status erg_export_i_graphml(const erg_graph *g, const erg_export_options *opts, FILE *f,
                                erg_error *err);
erg_status erg_export_i_dot(const erg_graph *g, const erg_export_options *opts, FILE *f,
                            erg_error *err);
/*
 * The DOT drawing (dot.c) of the max_nodes most important entities (0: all)
 * and the edges between them; erg_export_i_dot is it with opts->max_nodes.
 */
erg_status erg_export_i_dot_draw(const erg_graph *g, const erg_export_options *opts,
                                 size_t max_nodes, FILE *f, erg_error *err);
/* SVG or PNG (fmt) of the drawing through libgvc (picture.c). */
erg_status erg_export_i_picture(const erg_graph *g, const erg_export_options *opts, erg_format fmt,
                                FILE *f, erg_error *err);
erg_status erg_export_i_gexf(const erg_graph *g, const erg_export_options *opts, FILE *f,
                             erg_error *err);

/*
 * Copies s into b as text XML 1.0 accepts: control characters other than
 * tab, newline and carriage return become their control pictures (U+2400 +
 * c: ESC is U+241B), so names that differ in one stay apart, and U+FFFE and
 * U+FFFF become U+FFFD. display (every name, alias, outlet, label) also
 * drops the bidirectional overrides and isolates (erg_is_bidi_override);
 * a merge key keeps them. Graph strings are valid UTF-8 (the loaders
 * check it, lone surrogates included), so nothing else can be invalid.
 * Returns b's text, NULL when out of memory.
 */
const char *erg_export_i_xml_text(erg_buf *b, const char *s, bool display);

/*
 * The HTML view (html.c): one self-contained page, see erg_export_write_opts.
 * g is finished; opts as for the other writers.
 */
erg_status erg_export_i_html(const erg_graph *g, const erg_export_options *opts, FILE *f,
                             erg_error *err);

/*
 * The HTML view's files, compiled into the library by data/tools/gen_embed.py
 * (src/export/meson.build): the template data/html/view.html, its view.css and
 * view.js, and cytoscape.js with its LICENSE from data/vendor/cytoscape/. The
 * bytes of each file, without a NUL, and their count.
 */
extern const unsigned char erg_export_i_html_page[];
extern const size_t erg_export_i_html_page_len;
extern const unsigned char erg_export_i_html_css[];
extern const size_t erg_export_i_html_css_len;
extern const unsigned char erg_export_i_html_js[];
extern const size_t erg_export_i_html_js_len;
extern const unsigned char erg_export_i_html_cytoscape[];
extern const size_t erg_export_i_html_cytoscape_len;
extern const unsigned char erg_export_i_html_license[];
extern const size_t erg_export_i_html_license_len;

/* Writes dir/nodes.csv and dir/edges.csv (creating dir), both or neither. */
erg_status erg_export_i_csv_dir(const erg_graph *g, const erg_export_options *opts, const char *dir,
                                erg_error *err);
/* Checks opts for every format (export.c); ERG_EINVAL with err filled. */
erg_status erg_export_i_check_options(const erg_export_options *o, erg_error *err);

/* true when name is the id or attr.name of one of the GraphML file's own keys. */
bool erg_export_i_graphml_reserved(const char *name);

/* DOT fill colour ("#RRGGBB") of community k (>= 0) from a palette of 12, cycling; GEXF's too. */
const char *erg_export_i_community_colour(igraph_integer_t k);

/*
 * How important entity i is for a drawing: its value of the first analysis
 * attribute (the first --rank measure; -inf when it has none), else its
 * mention count. o may be NULL.
 */
double erg_export_i_importance(const erg_graph *g, const erg_export_options *o, size_t i);

/*
 * Marks in keep (one bool per entity, caller-owned) the max_nodes most
 * important entities (erg_export_i_importance, ties by mentions, then key
 * order); all of them when the graph has no more than max_nodes or
 * max_nodes is 0. *n_kept is how many are marked. ERG_ENOMEM.
 */
erg_status erg_export_i_cut(const erg_graph *g, const erg_export_options *o, size_t max_nodes,
                            bool *keep, size_t *n_kept);

#endif

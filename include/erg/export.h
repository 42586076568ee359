/*
 * erg/export.h: writers for GraphML (Gephi, networkx, python-igraph), DOT
 * (Graphviz) and the native JSON graph file.
 */
#ifndef ERG_EXPORT_H
#define ERG_EXPORT_H

#include "erg/common.h"
#include "erg/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum erg_format {
    ERG_FORMAT_JSON = 0, /* the native graph file */
    ERG_FORMAT_GRAPHML,
    ERG_FORMAT_DOT
} erg_format;

/* "json", "graphml", "dot"; static. */
const char *erg_format_name(erg_format f);
/* Parses a --format value (case-insensitive). ERG_EINVAL when unknown. */
erg_status erg_format_parse(const char *s, erg_format *out);
/*
 * The format a path's extension names: ".json" -> json, ".graphml"/".xml"
 * -> graphml, ".dot"/".gv" -> dot. ERG_EINVAL (err says which extensions are
 * known) otherwise, and for "-".
 */
erg_status erg_format_from_path(const char *path, erg_format *out, erg_error *err);

/*
 * Writes a finished graph (erg_graph_finish) to f in the given format.
 *
 * GraphML: one undirected graph (edgedefault="undirected"), node id = the
 * merge key; node attributes label, type, mentions, articles (int), r, g, b
 * (int, colour by type), size (float, 10 + 4 log2(1 + mentions)), aliases
 * ("name (count); ..."), first_date, last_date; edge attributes kind,
 * weight (double), articles (int), outlets ("a; b"), first_date, last_date
 * (dates left out when unknown). Parallel edges are normal: a co_mention
 * edge and typed edges between the same pair. A typed edge is written
 * subject first (source = the spokesperson, the outlet that reports).
 * Control characters other than tab and line breaks become spaces. Reads
 * in Gephi, networkx and python-igraph (igraph 0.10 shows an "&" inside a
 * node id as "&#38;" in its "id" attribute; labels are unaffected).
 * Colours (person, agency, outlet, place): #4E79A7, #F28E2B, #59A14F,
 * #B07AA1.
 *
 * DOT: "graph" with "--" edges; node shape and colour by type (person
 * ellipse, agency box, outlet note, place hexagon), co_mention pen width
 * 1 + log2(weight) capped at 8, typed edges drawn with an arrow
 * (dir=forward), coloured and labelled with their kind; every id and label
 * quoted, '"' and '\' escaped, line breaks and control characters made
 * spaces. `dot -Tsvg` renders it without warnings.
 *
 * ERG_EINVAL for a graph changed since erg_graph_finish or an unknown
 * format; ERG_EIO when a write fails; ERG_ENOMEM.
 */
erg_status erg_export_write(const erg_graph *g, erg_format fmt, FILE *f, erg_error *err);

/* Writes to path atomically (erg_outfile; "-" is stdout). */
erg_status erg_export_file(const erg_graph *g, erg_format fmt, const char *path, erg_error *err);

#ifdef __cplusplus
}
#endif
#endif

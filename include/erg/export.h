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
 * GraphML: one undirected graph (edgedefault="undirected"); node attributes
 * label, type, mentions, articles (int), r, g, b (int, colour by type), size
 * (float); edge attributes kind, weight (double), articles (int). A typed
 * edge is written subject first (source = the spokesperson, the outlet that
 * reports). Reads in Gephi, networkx and python-igraph.
 *
 * DOT: "graph" with "--" edges; node shape and colour by type, pen width by
 * weight, typed edges drawn with an arrow (dir=forward) and labelled with
 * their kind; every id and label quoted and escaped.
 */
erg_status erg_export_write(const erg_graph *g, erg_format fmt, FILE *f, erg_error *err);

/* Writes to path atomically (erg_outfile; "-" is stdout). */
erg_status erg_export_file(const erg_graph *g, erg_format fmt, const char *path, erg_error *err);

#ifdef __cplusplus
}
#endif
#endif

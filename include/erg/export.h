/*
 * erg/export.h: writers for GraphML (Gephi, networkx, python-igraph), DOT
 * (Graphviz), GEXF 1.3 (Gephi), CSV (neo4j-admin import, Gephi's spreadsheet
 * import), a self-contained HTML page (any browser, offline), SVG and PNG
 * pictures (drawn by Graphviz's library) and the native
 * JSON graph file.
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
    ERG_FORMAT_DOT,
    ERG_FORMAT_GEXF,
    ERG_FORMAT_CSV,  /* a directory: nodes.csv and edges.csv */
    ERG_FORMAT_HTML, /* one page that draws the graph in a browser, offline */
    ERG_FORMAT_SVG,  /* a picture: the DOT drawing laid out and rendered by libgvc */
    ERG_FORMAT_PNG
} erg_format;

/* "json", "graphml", "dot", "gexf", "csv", "html", "svg", "png"; static. */
const char *erg_format_name(erg_format f);
/* Parses a --format value (case-insensitive). ERG_EINVAL when unknown. */
erg_status erg_format_parse(const char *s, erg_format *out);
/*
 * The format a path's extension names: ".json" -> json, ".graphml"/".xml"
 * -> graphml, ".dot"/".gv" -> dot, ".gexf" -> gexf, ".html"/".htm" -> html,
 * ".svg" -> svg, ".png" -> png; a path ending in '/' or
 * naming an existing directory -> csv. ERG_EINVAL (err says which extensions
 * are known) otherwise, and for "-".
 */
erg_status erg_format_from_path(const char *path, erg_format *out, erg_error *err);

/*
 * Writes a finished graph (erg_graph_finish) to f in the given format.
 *
 * GraphML: one undirected graph (edgedefault="undirected"), node id = the
 * merge key; node attributes label, type, mentions, articles (int), r, g, b
 * (int, colour by type), size (float, 10 + 4 log2(1 + mentions)), aliases
 * ("name (count); ..."), first_date, last_date; edge attributes kind,
 * weight (double: the Newman weight, erg_edge_weight, in the shortest text
 * that reads back exactly), count (int: windows or records), articles
 * (int), outlets ("a; b"), first_date, last_date
 * (dates left out when unknown). Parallel edges are normal: a co_mention
 * edge and typed edges between the same pair. A typed edge is written
 * subject first (source = the spokesperson, the outlet that reports).
 * Control characters other than tab and line breaks become spaces. Reads
 * in Gephi, networkx and python-igraph (igraph 0.10 shows an "&" inside a
 * node id as "&#38;" in its "id" attribute; labels are unaffected).
 * Colours (person, agency, outlet, place): #4E79A7, #F28E2B, #59A14F,
 * #B07AA1.
 *
 * DOT: "graph" with "--" edges, the drawing that SVG and PNG render too;
 * node shape and colour by type (person ellipse, agency box, outlet note,
 * place hexagon); node size by importance (the first analysis attribute,
 * the first --rank measure, when opts give one, a node without a value
 * counting as the least; else the mentions): with t = sqrt((s - min) / (max
 * - min)) over the nodes drawn (0 for all when every s is equal), fontsize
 * 9 + 13 t, width at least 0.5 + 1.4 t and height at least 0.3 + 0.7 t
 * inches, so the most important node is the tallest; co_mention pen width
 * 1 + log2(weight) capped at 8, typed edges drawn with an arrow
 * (dir=forward), coloured and labelled with their kind; every id and label
 * quoted, '"' and '\' escaped, line breaks and control characters made
 * spaces. The graph's label is the legend (an HTML-like table under the
 * drawing): a title line ("23 entities by mentions", or with a cut "top
 * 150 of 3,201 entities by pagerank"), one row per entity type present
 * (its fill, border and shape), a row saying that fills are by community
 * when there are communities, and one row per typed relation kind present
 * (its edge colour). The whole graph unless opts->max_nodes cuts it (see
 * erg_export_options). `dot -Tsvg` renders it without warnings.
 *
 * SVG and PNG: the DOT drawing above, cut to the ERG_EXPORT_DRAW_TOP most
 * important entities unless opts->max_nodes says otherwise, laid out by
 * libgvc in memory (dot for at most ERG_EXPORT_DOT_LAYOUT_MAX nodes, sfdp
 * with overlap removal beyond) and rendered with its svg or cairo png
 * renderer. Graphviz's warnings go to opts->warn (not printed; dropped
 * without it) and do not fail the write; a Graphviz error is ERG_EFORMAT
 * with its text. Uses Graphviz's global error hook and one libgvc context
 * kept for the life of the process (made by the first picture; Graphviz
 * 2.42 reads freed memory when a second context follows a freed one): not
 * thread-safe, with itself or with other Graphviz users.
 *
 * GEXF 1.3 (namespace http://gexf.net/1.3, viz http://gexf.net/1.3/viz;
 * valid against the RELAX NG schema): <graph defaultedgetype="undirected"
 * mode="static">, static only (no spells). Node id = the merge key, label =
 * the name; typed node attributes type (string), mentions, articles
 * (integer), first_date, last_date (string, left out when unknown);
 * viz:color r/g/b by type (the GraphML colours), viz:size 5 + 45 * (s -
 * min) / (max - min) over s = log2(1 + mentions) (5 for all when every s
 * is equal). Edges: co_mention undirected, typed relations type="directed"
 * (source = subject, target = object) with label = the kind; every edge
 * has weight = erg_edge_weight (shortest exact text) and attributes kind
 * (string), count, articles (integer). Text cleaned as for GraphML. Gephi
 * opens it (File > Open); networkx 2.8's read_gexf knows neither the 1.3
 * namespace nor mixed edge types.
 *
 * CSV is two files, so it is not written to one stream: ERG_EINVAL here
 * (erg_export_file and erg_export_csv_nodes/edges write it).
 *
 * ERG_EINVAL for a graph changed since erg_graph_finish or an unknown
 * format; ERG_EIO when a write fails; ERG_ENOMEM.
 */
erg_status erg_export_write(const erg_graph *g, erg_format fmt, FILE *f, erg_error *err);

/*
 * Writes to path atomically (erg_outfile; "-" is stdout). CSV: path is a
 * directory (created if missing, its parent must exist; "-" is ERG_EINVAL)
 * that gets nodes.csv and edges.csv, both written in full under temporary
 * names in it before either is renamed into place, so a failed write leaves
 * the old files (only a failed rename of the second, after the first, would
 * leave them mixed).
 */
erg_status erg_export_file(const erg_graph *g, erg_format fmt, const char *path, erg_error *err);

/*
 * What an export may add to the graph's own fields: scores of the analysis
 * (erg_node_attr, in graph.h: a name and one number per entity) and a
 * community per entity. Caller-owned; zero it ({0}) for none. The arrays
 * are read during the write only.
 */
typedef struct erg_export_options {
    const erg_node_attr *attrs; /* n_attrs extra numbers per entity */
    size_t n_attrs;
    /* per entity (erg_graph_entity order): its community, >= 0; < 0 for none. NULL: no
     * communities. */
    const igraph_integer_t *community;
    /* GEXF: mode="dynamic", spells from the timelines (erg_graph_has_timeline); others ignore it.
     */
    bool dynamic;
    /*
     * Drawings (DOT, SVG, PNG, HTML): keep only the max_nodes most important
     * entities (the first attribute, else mentions; ties by mentions, then
     * key order) and the edges between them. 0: DOT keeps the whole graph
     * (its users lay it out themselves), pictures keep ERG_EXPORT_DRAW_TOP,
     * the HTML view 1,000.
     */
    size_t max_nodes;
    /* Pictures: called with each Graphviz warning (one line, no newline); NULL drops them. */
    void (*warn)(void *ctx, const char *message);
    void *warn_ctx;
} erg_export_options;

/*
 * The default cut of a picture: 150 labelled nodes still read on a screen
 * or an A4 page, and lay out and render in well under a second (SVG); past
 * a few hundred a drawing is a hairball whatever the layout.
 */
#define ERG_EXPORT_DRAW_TOP 150
/* Pictures of at most this many nodes are laid out by dot, larger ones by sfdp. */
#define ERG_EXPORT_DOT_LAYOUT_MAX 60

/*
 * erg_export_write with extras (opts may be NULL: the same bytes as
 * erg_export_write).
 *
 * GraphML: each attribute is a node key of its name, attr.type "int" when
 * is_int, else "double"; the community is an "int" key "community". A node
 * without a value (NaN, or a community < 0) has no data for that key.
 *
 * DOT, SVG, PNG: with communities, nodes are filled by community from a
 * palette of 12 distinct light colours (ColorBrewer Set3, cycling:
 * community k gets colour k mod 12), drawn with a grey border and
 * "community k" in their tooltip; the shape stays by type. A node without
 * a community keeps its type's colours. The first attribute sizes the
 * nodes and names the measure in the legend; no attribute is written.
 *
 * GEXF: each attribute is a node attribute of its name (id and title),
 * type "integer" when is_int, else "double"; the community an "integer"
 * attribute "community", and viz:color is then the community's colour
 * (the DOT palette) for nodes that have one. viz:size is scaled from the
 * first attribute (the first --rank measure) instead of the mentions; a
 * node without a value for it gets the smallest size. No value: no
 * attvalue.
 *
 * HTML: one UTF-8 page that needs nothing else and makes no network request
 * (its Content-Security-Policy forbids any): the page template, CSS and JS of
 * data/html/ and cytoscape.js 3.35.0 (MIT, data/vendor/cytoscape/, its
 * licence written as a comment before the script) compiled into the library,
 * and the graph as JSON in <script type="application/json" id="erg-data">
 * (every '<' written as \u003c, and '/' as \/, so no text of the graph can
 * end or escape the element). Graphs of more than 1,000 entities are cut to
 * the 1,000 most important (the first attribute, else the mentions: see
 * cut.c) with the edges among them, and the page says so. The JSON holds
 * "meta" (totals, the cut, the rank's name), "types" and "kinds" with their
 * colours (the GraphML palette), "community_colours", "nodes" (id = merge
 * key, name, type, mentions, articles, first_date, last_date, aliases as
 * [name, count], score = the first attribute, community, x, y, size),
 * "edges" (source, target as keys, kind, weight, count, articles,
 * first_date, last_date, outlets, evidence: indices into "sentences", at
 * most 5 per edge), "sentences" ({article: index into "articles", text})
 * and "articles" (the cited ones: id, title, date, source, url). Positions
 * are igraph's Fruchterman-Reingold layout with a fixed seed: the same
 * graph gives the same bytes. Size (a diameter, 12 to 60) from the
 * importance (the first attribute, else log2(1 + mentions)), its area
 * growing with it.
 *
 * JSON (the native file): each attribute, then "community", is one more
 * field of every node record that has a value (erg_graph_write_json_attrs);
 * erg_graph_load ignores them.
 *
 * ERG_EINVAL as erg_export_write, and for attributes that
 * erg_graph_check_attrs refuses or whose name is taken by a built-in node
 * key of the GraphML file (label, r, g, b, size, ...) or is "community".
 */
erg_status erg_export_write_opts(const erg_graph *g, erg_format fmt, const erg_export_options *opts,
                                 FILE *f, erg_error *err);

/*
 * CSV: the node table, opts as in erg_export_write_opts (may be NULL). Header
 * (RFC 4180, CRLF line ends):
 *   Id,Label,:ID,:LABEL,type,mentions:int,articles:int,first_date,last_date
 * then ",<name>:int" or ",<name>:double" per attribute and ",community:int".
 * Id and :ID are the merge key, Label the name, :LABEL the type capitalized
 * (Person, Agency, Outlet, Place). No header name serves both tools: Gephi's
 * spreadsheet import needs the exact names Id and Label, neo4j-admin database
 * import needs :ID and :LABEL, so both are there; each tool keeps the other's
 * columns as plain attributes (Gephi: ":ID", "mentions:int"; Neo4j: string
 * properties Id, Label). An unknown value (a date, a NaN score, a community
 * < 0) is an empty field. A field with a comma or a double quote is quoted
 * and its quotes doubled; control characters other than tab become spaces,
 * so no record spans lines. ERG_EINVAL as erg_export_write_opts; ERG_EIO
 * when a write fails.
 */
erg_status erg_export_csv_nodes(const erg_graph *g, const erg_export_options *opts, FILE *f,
                                erg_error *err);

/*
 * CSV: the edge table, header
 *   Source,Target,Type,Weight,:START_ID,:END_ID,:TYPE,kind,weight:double,
 *   count:int,articles:int,first_date,last_date
 * Source/:START_ID and Target/:END_ID are merge keys (a typed edge subject
 * first); Type is Undirected for co_mention, Directed for a typed relation
 * (Gephi); Weight and weight:double the Newman weight (erg_edge_weight, as
 * GraphML writes it); :TYPE the kind in upper case (CO_MENTION, REPORTS).
 * Quoting and errors as erg_export_csv_nodes.
 */
erg_status erg_export_csv_edges(const erg_graph *g, FILE *f, erg_error *err);

/* erg_export_file with extras (opts may be NULL). */
erg_status erg_export_file_opts(const erg_graph *g, erg_format fmt, const erg_export_options *opts,
                                const char *path, erg_error *err);

/*
 * Reads GraphML that erg wrote (erg_export_write) back into a new finished
 * graph (*out, freed by the caller with erg_graph_free; NULL on failure).
 * The file is streamed with libxml2's xmlTextReader; memory is the graph's
 * plus about twice the size of its nodes and edges as native JSON text.
 *
 * Kept: every node (id = merge key, label, type, mentions, articles,
 * aliases with their counts, first_date, last_date) and every edge (source,
 * target, kind, weight, count, articles, outlets, first_date, last_date).
 * Keys are found by their attr.name and "for", not their id, so a file
 * whose key ids another tool renamed still reads. The name is decided
 * again from the aliases as erg_graph_finish does, which gives the label
 * erg wrote.
 *
 * Lost, because GraphML does not hold them: the articles, the evidence
 * records of every edge (so a loaded edge has n_evidence 0 and `evidence A
 * B` shows counts without sentences), the type votes (each entity gets one
 * vote for its stated type), and the evidence cap (the default). Ignored:
 * r, g, b, size, the analysis scores and "community" (recompute them), and
 * any element or key outside this list. Text that erg cleaned on the way
 * out (control characters made spaces) stays cleaned; an alias or outlet
 * name that itself contains "; " or ends in " (digits)" cannot be told
 * apart from the separators and is split.
 *
 * Defaults for what an edge lacks: kind co_mention, articles 0; count the
 * weight rounded (at least 1), as a file without count (erg before count,
 * other tools) meant its weight; weight the count (1 per window), or 1
 * without either. A node without mentions or articles has 0.
 *
 * Errors, all with path as err->source and the line where known:
 * - ERG_ENOTFOUND / ERG_EIO when the file cannot be opened;
 * - ERG_EFORMAT for malformed XML (libxml2's message and line; libxml2
 *   never prints), a root element that is not <graphml>, a file without
 *   node keys named "label" and "type" (not written by erg), no <graph>
 *   or more than one, nested graphs, a node without id, label or type, an
 *   edge without source or target, a count that is not a whole number
 *   below 2^32, a weight that is not a number above 0 and at most 1e12,
 *   aliases not in the "name (count); ..." form, and what the native
 *   loader refuses (erg_graph_load): a duplicate node or edge, an edge
 *   naming a node that is not in the file or joining a node to itself, an
 *   unknown type or kind;
 * - ERG_ENOMEM.
 * O(file size) time.
 */
erg_status erg_export_load_graphml(erg_graph **out, const char *path, erg_error *err);

#ifdef __cplusplus
}
#endif
#endif

/*
 * subset.c: a smaller graph cut out of a big one (ego networks, subgraphs,
 * filters). The masks of the analysis (over vertices and co-mention edges of
 * the erg_net) are turned into masks over the erg_graph's entities and edges,
 * and erg_graph_subset copies the tables.
 */
#include "analyze_private.h"

#include <stdlib.h>

erg_status erg_analyze_subset(const erg_graph *g, const erg_net *net,
                              const igraph_vector_bool_t *keep_vertex,
                              const igraph_vector_bool_t *keep_edge, erg_graph **out,
                              erg_error *err)
{
    *out = NULL;
    if (!erg_graph_is_finished(g))
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "the graph changed since erg_graph_finish; finish it first");
    size_t n = erg_graph_entity_count(g), m = erg_graph_edge_count(g);
    if (keep_vertex && (size_t)igraph_vector_bool_size(keep_vertex) != n)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "the vertex mask has %lld entries for %zu entities",
                             (long long)igraph_vector_bool_size(keep_vertex), n);
    if (keep_edge && (!net || (size_t)igraph_vcount(&net->graph) != n ||
                      igraph_vector_bool_size(keep_edge) != igraph_ecount(&net->graph)))
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "the edge mask does not belong to this graph's network");

    erg_status st = ERG_OK;
    bool *ents = NULL, *edges = NULL;
    if (keep_vertex) {
        if (!(ents = malloc((n ? n : 1) * sizeof *ents)))
            goto oom;
        for (size_t i = 0; i < n; i++)
            ents[i] = VECTOR(*keep_vertex)[i];
    }
    if (keep_edge) {
        if (!(edges = malloc((m ? m : 1) * sizeof *edges)))
            goto oom;
        /* The j-th co_mention edge of the graph is edge j of the net (erg_graph_to_igraph). */
        igraph_integer_t co = 0, n_co = igraph_ecount(&net->graph);
        for (size_t i = 0; i < m; i++) {
            const erg_edge *d = erg_graph_edge(g, i);
            igraph_integer_t eid = -1;
            if (d->kind == ERG_KIND_CO_MENTION) {
                if (co >= n_co) {
                    st = erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                                       "the edge mask does not belong to this graph's network");
                    goto cleanup;
                }
                eid = co++;
            } else if (igraph_get_eid(&net->graph, &eid, (igraph_integer_t)d->source,
                                      (igraph_integer_t)d->target, IGRAPH_UNDIRECTED,
                                      false) != IGRAPH_SUCCESS) {
                /* error=false: a pair with only typed edges has no co-mention edge. */
                eid = -1;
            }
            /* A pair whose co-mention edge is dropped loses its typed edges too. */
            edges[i] = eid < 0 || VECTOR(*keep_edge)[eid];
        }
    }
    st = erg_graph_subset(g, ents, edges, out, err);
    goto cleanup;
oom:
    st = erg_error_oom(err);
cleanup:
    free(ents);
    free(edges);
    return st;
}

/*
 * fuzz_names.c: the query name matcher. A small fixed graph
 * (fixtures/query/names.json, or $ERG_FUZZ_GRAPH) and the shipped titles
 * are loaded once; the bytes, cut at the first NUL, are a name looked up
 * with erg_names_lookup (as `erg query neighbors NAME`) and, when short,
 * searched with erg_names_find (as `erg query find TEXT`).
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "erg/analyze.h"
#include "erg/graph.h"

#ifndef ERG_FUZZ_FIXTURES
#error "ERG_FUZZ_FIXTURES (the fixtures folder) is set by tests/fuzz/meson.build"
#endif

static erg_graph *graph;
static erg_names *names;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    erg_error err;
    erg_error_clear(&err);
    const char *path = getenv("ERG_FUZZ_GRAPH");
    if (!path || !path[0])
        path = ERG_FUZZ_FIXTURES "/query/names.json";
    char titles[4096];
    if (erg_graph_load(&graph, path, &err) != ERG_OK ||
        erg_names_new(&names, graph, &err) != ERG_OK ||
        erg_data_path("titles.tsv", titles, sizeof titles, &err) != ERG_OK ||
        erg_names_add_titles(names, titles, &err) != ERG_OK) {
        fprintf(stderr, "erg fuzz: '%s': %s\n", err.source, err.text);
        abort();
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *name = malloc(size + 1);
    if (!name)
        return 0;
    memcpy(name, data, size);
    name[size] = '\0';
    erg_error err;
    erg_error_clear(&err);
    erg_name_match m;
    erg_name_match_init(&m);
    (void)erg_names_lookup(names, name, &m, &err);
    erg_name_match_release(&m);
    /* find is O(names * key * text): kept to names of a plausible length. */
    if (strlen(name) <= 256) {
        erg_name_hit *hits = NULL;
        size_t n_hits = 0;
        if (erg_names_find(names, name, size % 3, &hits, &n_hits, &err) == ERG_OK)
            for (size_t i = 0; i < n_hits; i++)
                if (!hits[i].matched)
                    abort();
        free(hits);
    }
    free(name);
    return 0;
}

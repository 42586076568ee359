/*
 * fuzz_graphml.c: the GraphML reader (erg_export_load_graphml). The bytes
 * are a .graphml file; a graph that loads is written back as GraphML and as
 * native JSON (thrown away).
 */
#include "fuzz.h"

#include "erg/export.h"
#include "erg/graph.h"

static char path[4200];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_scratch_path(path, sizeof path, "graph.graphml");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write_file(path, data, size);
    erg_error err;
    erg_error_clear(&err);
    erg_graph *g = NULL;
    if (erg_export_load_graphml(&g, path, &err) == ERG_OK) {
        (void)erg_export_write(g, ERG_FORMAT_GRAPHML, fuzz_null_stream(), &err);
        (void)erg_graph_write_json(g, fuzz_null_stream(), &err);
    }
    erg_graph_free(g);
    return 0;
}

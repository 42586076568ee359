/*
 * fuzz_graph.c: the native graph loader (erg_graph_load). The bytes are a
 * graph file; one that loads is finished again and written back as native
 * JSON (thrown away), which walks everything the loader built.
 */
#include "fuzz.h"

#include "erg/graph.h"

static char path[4200];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_scratch_path(path, sizeof path, "graph.json");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write_file(path, data, size);
    erg_error err;
    erg_error_clear(&err);
    erg_graph *g = NULL;
    if (erg_graph_load(&g, path, &err) == ERG_OK) {
        (void)erg_graph_write_json(g, fuzz_null_stream(), &err);
        if (erg_graph_finish(g, ERG_TYPES_DEFAULT, &err) == ERG_OK)
            (void)erg_graph_write_json(g, fuzz_null_stream(), &err);
    }
    erg_graph_free(g);
    return 0;
}

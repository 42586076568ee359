/*
 * fuzz_articles.c: the article reader and the per-article pipeline. The
 * bytes are written to a scratch file, as JSON Lines when the first
 * non-blank byte is '{' (the rule erg applies to stdin), else as one
 * plain-text article; every article read goes through erg_pipeline_run and
 * into a graph, which is finished and written as native JSON (thrown away).
 * The shipped model and data (erg_resources_load's defaults: $ERG_MODEL, or
 * data/erg.model of the source tree) are loaded once.
 */
#include "fuzz.h"

#include <stdlib.h>

#include "erg/graph.h"
#include "erg/input.h"
#include "erg/pipeline.h"

static erg_resources *res;
static erg_pipeline *pipe_;
static char path_jsonl[4200], path_txt[4200];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    erg_error err;
    erg_error_clear(&err);
    erg_resources_options ro;
    erg_resources_options_init(&ro);
    erg_pipeline_options po;
    erg_pipeline_options_init(&po);
    if (erg_resources_load(&res, &ro, &err) != ERG_OK ||
        erg_pipeline_new(&pipe_, res, &po, &err) != ERG_OK) {
        fprintf(stderr, "erg fuzz: '%s': %s\n", err.source, err.text);
        abort();
    }
    fuzz_scratch_path(path_jsonl, sizeof path_jsonl, "in.jsonl");
    fuzz_scratch_path(path_txt, sizeof path_txt, "in.txt");
    return 0;
}

/* Whether erg would read these bytes from stdin as JSON Lines: first non-blank byte '{'. */
static int is_json_lines(const uint8_t *data, size_t size)
{
    for (size_t i = 0; i < size; i++) {
        if (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r')
            continue;
        return data[i] == '{';
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = is_json_lines(data, size) ? path_jsonl : path_txt;
    fuzz_write_file(path, data, size);

    erg_error err;
    erg_error_clear(&err);
    erg_reader *r = NULL;
    erg_graph *g = NULL;
    erg_extraction x;
    erg_extraction_init(&x);
    /* Lenient and skipping, as erg build --lenient --skip-bad; and strict, on alternate bytes. */
    erg_input_options io = {.lenient = size % 2 == 0, .skip_bad = size % 2 == 0};
    const char *paths[] = {path};
    if (erg_reader_new(&r, paths, 1, &io, false, erg_resources_gazetteer(res), &err) != ERG_OK)
        goto cleanup;
    if (erg_graph_new(&g, 0, &err) != ERG_OK)
        goto cleanup;
    erg_article art;
    erg_status st;
    /* A failure (a bad line) is passed over, as the reader allows; at most a few in a row. */
    int failures = 0;
    while ((st = erg_reader_next(r, &art, &err)) != ERG_DONE && failures < 64) {
        if (st != ERG_OK) {
            failures++;
            continue;
        }
        if (erg_pipeline_run(pipe_, &art, &x, &err) != ERG_OK)
            continue;
        /* A duplicate id is refused (ERG_EINVAL), which is fine here. */
        (void)erg_graph_add_article(g, &art, &x.entities, &x.mentions, &x.relations, &err);
    }
    if (erg_graph_finish(g, ERG_TYPES_DEFAULT, &err) == ERG_OK)
        (void)erg_graph_write_json(g, fuzz_null_stream(), &err);

cleanup:
    erg_extraction_release(&x);
    erg_graph_free(g);
    erg_reader_free(r);
    return 0;
}

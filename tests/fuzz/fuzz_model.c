/*
 * fuzz_model.c: the model loader (erg_model_load). The bytes are a model
 * file; a model that loads tags a short fixed sentence.
 */
#include "fuzz.h"

#include <string.h>

#include "erg/ner.h"
#include "erg/text.h"

static char path[4200];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char dir[4096];
    fuzz_scratch_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/fuzz.model", dir);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write_file(path, data, size);
    erg_error err;
    erg_error_clear(&err);
    erg_model *m = NULL;
    erg_tagger *t = NULL;
    erg_doc doc;
    erg_doc_init(&doc);
    if (erg_model_load(&m, path, &err) != ERG_OK || erg_tagger_new(&t, m, &err) != ERG_OK)
        goto cleanup;
    static const char text[] =
        "Kim Jong-un met Moon Jae-in of South Korea in Panmunjom, Yonhap said.";
    if (erg_text_tokenize(&doc, text, strlen(text), &err) != ERG_OK)
        goto cleanup;
    uint8_t labels[64];
    if (doc.n_tokens <= sizeof labels)
        (void)erg_tagger_tag_doc(t, text, &doc, labels, &err);

cleanup:
    erg_doc_release(&doc);
    erg_tagger_free(t);
    erg_model_free(m);
    return 0;
}

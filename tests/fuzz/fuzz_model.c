/*
 * fuzz_model.c: the model loader (erg_model_load). The bytes are a model
 * file; a model that loads tags a short fixed sentence. Every byte of a
 * model is covered by its trailing checksum, which almost every mutation
 * breaks; so for inputs of even length that start as a model does, the
 * checksum is recomputed (erg_hash of the bytes before it, as
 * src/ner/model.c writes it) and the mutations reach the parser behind it,
 * while odd lengths keep testing the check itself.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "erg/common.h"
#include "erg/ner.h"
#include "erg/text.h"

static char path[4200];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_scratch_path(path, sizeof path, "fuzz.model");
    return 0;
}

/* The magic and the fixed header, then the checksum: the least a model file holds. */
#define MODEL_MAGIC "ERGMODEL"
#define MODEL_MIN 56

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size >= MODEL_MIN && size % 2 == 0 && memcmp(data, MODEL_MAGIC, 8) == 0) {
        uint8_t *fixed = malloc(size);
        if (!fixed)
            return 0;
        memcpy(fixed, data, size);
        uint64_t sum = erg_hash(fixed, size - 8);
        for (int i = 0; i < 8; i++)
            fixed[size - 8 + (size_t)i] = (uint8_t)(sum >> (8 * i));
        fuzz_write_file(path, fixed, size);
        free(fixed);
    } else {
        fuzz_write_file(path, data, size);
    }
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

/*
 * fuzz.h: what the libFuzzer targets of tests/fuzz share. Each target is one
 * .c file defining LLVMFuzzerInitialize and LLVMFuzzerTestOneInput; it is
 * linked either with libFuzzer (-Dfuzz=true, clang) or with standalone.c,
 * whose main() runs the files it is given through the same function (the
 * regression tests, built always).
 */
#ifndef ERG_FUZZ_H
#define ERG_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Writes into buf the path of the scratch file `name` in the target's private
 * folder (made under $TMPDIR, else /tmp, at the first call; removed at exit).
 * Aborts when it cannot: a fuzz target has no one to tell.
 */
void fuzz_scratch_path(char *buf, size_t cap, const char *name);

/* Writes data to path, replacing it; aborts on failure. */
void fuzz_write_file(const char *path, const uint8_t *data, size_t size);

/* A stream that throws away what is written (for exercising writers). */
FILE *fuzz_null_stream(void);

#endif

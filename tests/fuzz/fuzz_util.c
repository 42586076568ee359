/* fuzz_util.c: scratch files for the fuzz targets (see fuzz.h). */
#define _XOPEN_SOURCE 700
#include "fuzz.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char scratch[4096];

/* atexit: removes the scratch folder and the files in it (no subfolders are made). */
static void remove_scratch(void)
{
    DIR *d = opendir(scratch);
    if (d) {
        struct dirent *e;
        char path[4352];
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            snprintf(path, sizeof path, "%s/%s", scratch, e->d_name);
            unlink(path);
        }
        closedir(d);
    }
    rmdir(scratch);
}

void fuzz_scratch_path(char *buf, size_t cap, const char *name)
{
    if (!scratch[0]) {
        const char *tmp = getenv("TMPDIR");
        if (!tmp || !tmp[0])
            tmp = "/tmp";
        snprintf(scratch, sizeof scratch, "%s/erg-fuzz.XXXXXX", tmp);
        if (!mkdtemp(scratch)) {
            perror("erg fuzz: mkdtemp");
            abort();
        }
        atexit(remove_scratch);
    }
    snprintf(buf, cap, "%s/%s", scratch, name);
}

void fuzz_write_file(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
        perror(path);
        abort();
    }
}

FILE *fuzz_null_stream(void)
{
    static FILE *null;
    if (!null && !(null = fopen("/dev/null", "w"))) {
        perror("/dev/null");
        abort();
    }
    return null;
}

/*
 * walk.c: the order in which erg_input visits files: the given paths in
 * turn, folders depth-first with the entries of each folder in byte order.
 * One folder listing per level is held, never an open folder handle.
 */
#include "input_private.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void frame_release(input_frame *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->names[i]);
    free(f->names);
    free(f->path);
}

void input_walk_release(erg_input *in)
{
    while (in->n_frames > 0)
        frame_release(&in->frames[--in->n_frames]);
    free(in->frames);
    in->frames = NULL;
    in->cap_frames = 0;
}

/* Lists the folder at path (names not starting with '.', sorted) and pushes it. */
static erg_status push_folder(erg_input *in, const char *path, erg_error *err)
{
    input_frame f = {erg_strdup(path), NULL, 0, 0};
    size_t cap = 0;
    erg_status st = ERG_OK;
    DIR *d = NULL;
    if (!f.path)
        goto oom;
    d = opendir(path);
    if (!d) {
        int e = errno;
        free(f.path);
        if (e == ENOENT || e == ENOTDIR)
            return erg_error_set(err, ERG_ENOTFOUND, path, 0, -1, "no such file or directory");
        return erg_error_set(err, ERG_EIO, path, 0, -1, "cannot read: %s", strerror(e));
    }
    for (;;) {
        errno = 0;
        struct dirent *de = readdir(d);
        if (!de) {
            if (errno) {
                st = erg_error_set(err, ERG_EIO, path, 0, -1, "cannot read: %s", strerror(errno));
                goto cleanup;
            }
            break;
        }
        if (de->d_name[0] == '.')
            continue; /* hidden files, "." and ".." */
        if (f.n == cap) {
            size_t nc = cap ? cap * 2 : 16;
            char **p = realloc(f.names, nc * sizeof *p);
            if (!p)
                goto oom;
            f.names = p;
            cap = nc;
        }
        if (!(f.names[f.n] = erg_strdup(de->d_name)))
            goto oom;
        f.n++;
    }
    closedir(d);
    d = NULL;
    if (f.n > 1)
        qsort(f.names, f.n, sizeof *f.names, cmp_names);
    if (in->n_frames == in->cap_frames) {
        size_t nc = in->cap_frames ? in->cap_frames * 2 : 8;
        input_frame *p = realloc(in->frames, nc * sizeof *p);
        if (!p)
            goto oom;
        in->frames = p;
        in->cap_frames = nc;
    }
    in->frames[in->n_frames++] = f;
    return ERG_OK;
oom:
    st = erg_error_oom(err);
cleanup:
    if (d)
        closedir(d);
    frame_release(&f);
    return st;
}

static bool has_ext(const char *name, const char *ext)
{
    size_t n = strlen(name), e = strlen(ext);
    return n > e && strcasecmp(name + n - e, ext) == 0;
}

input_kind input_kind_of(const char *name, bool in_folder)
{
    if (has_ext(name, ".jsonl") || has_ext(name, ".ndjson"))
        return INPUT_JSONL;
    if (!in_folder || has_ext(name, ".txt") || has_ext(name, ".text") || has_ext(name, ".md"))
        return INPUT_PLAIN;
    if (has_ext(name, ".json") || has_ext(name, ".graphml") || has_ext(name, ".xml"))
        return INPUT_SNIFF;
    return INPUT_NONE;
}

static erg_status set_path(erg_input *in, const char *dir, const char *name)
{
    size_t a = strlen(dir), b = name ? strlen(name) : 0;
    char *p = malloc(a + b + 2);
    if (!p)
        return ERG_ENOMEM;
    memcpy(p, dir, a);
    if (name) {
        if (a > 0 && p[a - 1] != '/')
            p[a++] = '/';
        memcpy(p + a, name, b);
    }
    p[a + b] = '\0';
    free(in->cur_path);
    in->cur_path = p;
    return ERG_OK;
}

void input_note_ignored(erg_input *in)
{
    in->stats.ignored++;
    snprintf(in->stats.last_ignored, sizeof in->stats.last_ignored, "%s", in->cur_path);
}

erg_status input_next_file(erg_input *in, input_kind *kind, erg_error *err)
{
    for (;;) {
        if (in->n_frames > 0) {
            input_frame *f = &in->frames[in->n_frames - 1];
            if (f->i == f->n) {
                frame_release(f);
                in->n_frames--;
                continue;
            }
            const char *name = f->names[f->i++];
            if (set_path(in, f->path, name) != ERG_OK)
                return erg_error_oom(err);
            struct stat sb;
            /* A vanished entry or a dangling link is not an article: pass over it. */
            if (lstat(in->cur_path, &sb) != 0)
                continue;
            if (S_ISDIR(sb.st_mode)) {
                erg_status st = push_folder(in, in->cur_path, err);
                if (st != ERG_OK)
                    return st;
                continue;
            }
            /* Links are followed to files, not to folders, which could loop. */
            if (S_ISLNK(sb.st_mode) && stat(in->cur_path, &sb) != 0)
                continue;
            if (!S_ISREG(sb.st_mode))
                continue;
            *kind = input_kind_of(name, true);
            if (*kind == INPUT_NONE) {
                input_note_ignored(in);
                continue;
            }
            in->cur_in_folder = true;
            return ERG_OK;
        }
        if (in->next_path == in->n_paths)
            return ERG_DONE;
        const char *p = in->paths[in->next_path++];
        if (set_path(in, p, NULL) != ERG_OK)
            return erg_error_oom(err);
        in->cur_in_folder = false;
        if (strcmp(p, "-") == 0) {
            *kind = INPUT_STDIN;
            return ERG_OK;
        }
        struct stat sb;
        if (stat(p, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            erg_status st = push_folder(in, p, err);
            if (st != ERG_OK)
                return st;
            continue;
        }
        *kind = input_kind_of(p, false);
        return ERG_OK;
    }
}

/* realpath is XSI. */
#define _XOPEN_SOURCE 700

#include "erg/common.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * The tracked temporary files. A slot is free (0), being filled or emptied
 * (1), or live (2); the signal handler reads live slots only, and reads
 * nothing but the path, so it needs no lock.
 */
static atomic_int temp_state[ERG_TEMP_MAX];
static char temp_paths[ERG_TEMP_MAX][ERG_TEMP_PATH_MAX];

void erg_temp_track(const char *path)
{
    size_t n = strlen(path);
    if (n >= ERG_TEMP_PATH_MAX)
        return;
    for (int i = 0; i < ERG_TEMP_MAX; i++) {
        int free_slot = 0;
        if (atomic_compare_exchange_strong(&temp_state[i], &free_slot, 1)) {
            memcpy(temp_paths[i], path, n + 1);
            atomic_store(&temp_state[i], 2);
            return;
        }
    }
}

void erg_temp_untrack(const char *path)
{
    for (int i = 0; i < ERG_TEMP_MAX; i++) {
        int live = 2;
        if (atomic_load(&temp_state[i]) == 2 && strcmp(temp_paths[i], path) == 0 &&
            atomic_compare_exchange_strong(&temp_state[i], &live, 1)) {
            atomic_store(&temp_state[i], 0);
            return;
        }
    }
}

void erg_temp_remove_all(void)
{
    for (int i = 0; i < ERG_TEMP_MAX; i++)
        if (atomic_load(&temp_state[i]) == 2)
            unlink(temp_paths[i]);
}

erg_status erg_outfile_open(erg_outfile *of, const char *path, erg_error *err)
{
    of->fp = NULL;
    of->path = NULL;
    of->tmp_path = NULL;
    if (strcmp(path, "-") == 0) {
        of->fp = stdout;
        of->path = erg_strdup(path);
        return of->path ? ERG_OK : erg_error_oom(err);
    }
    struct stat lsb, sb;
    bool exists = stat(path, &sb) == 0;
    if (exists && !S_ISREG(sb.st_mode)) {
        /* A FIFO, a device, a terminal: write to it as the shell's > would, never replace it. */
        of->path = erg_strdup(path);
        if (!of->path)
            return erg_error_oom(err);
        if (!(of->fp = fopen(path, "w"))) {
            int e = errno;
            erg_outfile_abort(of);
            return erg_error_set(err, ERG_EIO, path, 0, -1, "cannot open: %s", strerror(e));
        }
        return ERG_OK;
    }
    /* A link to a file: the file it names is replaced, and the link stays. */
    char *target = NULL;
    if (exists && lstat(path, &lsb) == 0 && S_ISLNK(lsb.st_mode) &&
        !(target = realpath(path, NULL)))
        return erg_error_set(err, ERG_EIO, path, 0, -1, "cannot follow the link: %s",
                             strerror(errno));
    of->path = target ? target : erg_strdup(path);
    size_t n = of->path ? strlen(of->path) : 0;
    of->tmp_path = malloc(n + 16);
    if (!of->path || !of->tmp_path) {
        erg_outfile_abort(of);
        return erg_error_oom(err);
    }
    path = of->path;
    snprintf(of->tmp_path, n + 16, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(of->tmp_path);
    if (fd < 0) {
        /* path is of->path: named before it goes */
        erg_status st =
            erg_error_set(err, ERG_EIO, path, 0, -1, "cannot create: %s", strerror(errno));
        free(of->tmp_path);
        of->tmp_path = NULL;
        erg_outfile_abort(of);
        return st;
    }
    erg_temp_track(of->tmp_path);
    if (exists) {
        /* The file replaced keeps its mode (and, when we may, its owner). */
        fchmod(fd, sb.st_mode & 07777);
        if (fchown(fd, sb.st_uid, sb.st_gid) != 0)
            (void)0; /* not ours to give away: the file is then the writer's */
    } else {
        /* mkstemp creates 0600; a graph file is not a secret, so follow the umask. */
        mode_t um = umask(0);
        umask(um);
        fchmod(fd, 0666 & ~um);
    }
    of->fp = fdopen(fd, "w");
    if (!of->fp) {
        erg_status st =
            erg_error_set(err, ERG_EIO, path, 0, -1, "cannot create: %s", strerror(errno));
        close(fd);
        erg_outfile_abort(of);
        return st;
    }
    return ERG_OK;
}

erg_status erg_outfile_commit(erg_outfile *of, erg_error *err)
{
    erg_status st = ERG_OK;
    int e = 0;
    if (!of->fp)
        return erg_error_set(err, ERG_EIO, of->path, 0, -1, "output file is not open");
    if (fflush(of->fp) != 0 || ferror(of->fp))
        e = errno ? errno : EIO;
    if (of->tmp_path) {
        if (fclose(of->fp) != 0 && !e)
            e = errno;
        of->fp = NULL;
        if (!e && rename(of->tmp_path, of->path) != 0)
            e = errno;
        if (!e)
            erg_temp_untrack(of->tmp_path);
    } else if (of->fp != stdout) {
        if (fclose(of->fp) != 0 && !e)
            e = errno;
        of->fp = NULL;
    }
    if (e) {
        st = erg_error_set(err, ERG_EIO, of->path, 0, -1, "cannot write: %s", strerror(e));
        erg_outfile_abort(of);
        return st;
    }
    free(of->tmp_path);
    free(of->path);
    of->fp = NULL;
    of->tmp_path = NULL;
    of->path = NULL;
    return ERG_OK;
}

void erg_outfile_abort(erg_outfile *of)
{
    if (of->tmp_path) {
        if (of->fp)
            fclose(of->fp);
        unlink(of->tmp_path);
        erg_temp_untrack(of->tmp_path);
    } else if (of->fp == stdout) {
        fflush(of->fp);
    } else if (of->fp) {
        fclose(of->fp);
    }
    free(of->tmp_path);
    free(of->path);
    of->fp = NULL;
    of->tmp_path = NULL;
    of->path = NULL;
}

erg_status erg_read_file(const char *path, char **data, size_t *len, erg_error *err)
{
    *data = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return erg_error_set(err, errno == ENOENT ? ERG_ENOTFOUND : ERG_EIO, path, 0, -1,
                             "cannot open: %s", strerror(errno));
    erg_buf b;
    erg_buf_init(&b);
    char chunk[65536];
    size_t n;
    erg_status st = ERG_OK;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (erg_buf_append(&b, chunk, n) != ERG_OK) {
            st = erg_error_oom(err);
            goto cleanup;
        }
    }
    if (ferror(f)) {
        st = erg_error_set(err, ERG_EIO, path, 0, -1, "cannot read: %s", strerror(errno));
        goto cleanup;
    }
    *len = b.len;
    *data = erg_buf_steal(&b);
    if (!*data)
        st = erg_error_oom(err);
cleanup:
    erg_buf_release(&b);
    fclose(f);
    return st;
}

#ifndef ERG_SOURCE_DATADIR
#define ERG_SOURCE_DATADIR "data"
#endif
#ifndef ERG_INSTALL_DATADIR
#define ERG_INSTALL_DATADIR "/usr/local/share/erg"
#endif

static bool try_path(const char *dir, const char *name, char *buf, size_t cap)
{
    int n = snprintf(buf, cap, "%s/%s", dir, name);
    return n > 0 && (size_t)n < cap && access(buf, R_OK) == 0;
}

erg_status erg_data_path(const char *name, char *buf, size_t cap, erg_error *err)
{
    const char *env = getenv("ERG_DATA");
    if (env && *env) {
        if (try_path(env, name, buf, cap))
            return ERG_OK;
        return erg_error_set(err, ERG_ENOTFOUND, name, 0, -1, "not found in $ERG_DATA ('%s')", env);
    }
    if (try_path(ERG_SOURCE_DATADIR, name, buf, cap) ||
        try_path(ERG_INSTALL_DATADIR, name, buf, cap))
        return ERG_OK;
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        for (int up = 0; up < 4; up++) {
            char *slash = strrchr(exe, '/');
            if (!slash)
                break;
            *slash = '\0';
            char dir[4096 + 8];
            snprintf(dir, sizeof dir, "%s/data", exe);
            if (try_path(dir, name, buf, cap))
                return ERG_OK;
        }
    }
    return erg_error_set(err, ERG_ENOTFOUND, name, 0, -1,
                         "not found in '%s', '%s' or beside the executable; set ERG_DATA",
                         ERG_SOURCE_DATADIR, ERG_INSTALL_DATADIR);
}

void erg_word_list_free(char **words, size_t n)
{
    for (size_t i = 0; words && i < n; i++)
        free(words[i]);
    free(words);
}

/* The USES bits of the third column s[0..n) of a titles.tsv line; -1 when a word is unknown. */
static int title_uses(const char *s, size_t n)
{
    int uses = 0;
    while (n) {
        const char *comma = memchr(s, ',', n);
        size_t w = comma ? (size_t)(comma - s) : n;
        const char *a = s, *b = s + w;
        while (a < b && (*a == ' ' || *a == '\t'))
            a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
            b--;
        size_t k = (size_t)(b - a);
        if (k == 5 && memcmp(a, "title", 5) == 0)
            uses |= ERG_TITLE_NAME;
        else if (k == 5 && memcmp(a, "strip", 5) == 0)
            uses |= ERG_TITLE_STRIP;
        else if (!(k == 1 && *a == '-'))
            return -1;
        if (!comma)
            break;
        n -= w + 1;
        s = comma + 1;
    }
    return uses;
}

/*
 * Reads a list file: one entry a line, blank lines and '#' lines skipped,
 * white space trimmed. With titles, a line is TITLE<TAB>ROLE[<TAB>USES] and
 * only the titles whose USES share a bit with uses are kept.
 */
static erg_status list_read(const char *path, bool titles, unsigned uses, char ***words, size_t *n,
                            erg_error *err)
{
    *words = NULL;
    *n = 0;
    char *data = NULL;
    size_t len = 0, cap = 0;
    long line = 0;
    erg_status st = erg_read_file(path, &data, &len, err);
    if (st != ERG_OK)
        return st;
    char *p = data, *end = data + len;
    while (st == ERG_OK && p < end) {
        char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        line++;
        char *a = p, *b = eol;
        p = eol + 1;
        while (a < b && (*a == ' ' || *a == '\t' || *a == '\r'))
            a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r'))
            b--;
        if (a == b || *a == '#')
            continue;
        if (memchr(a, '\0', (size_t)(b - a))) {
            st = erg_error_set(err, ERG_EFORMAT, path, line, -1, "a NUL byte: not a word list");
            break;
        }
        if (titles) {
            char *t1 = memchr(a, '\t', (size_t)(b - a));
            char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(b - t1 - 1)) : NULL;
            int u = t2 ? title_uses(t2 + 1, (size_t)(b - t2 - 1)) : 0;
            if (!t1 || u < 0) {
                st = erg_error_set(err, ERG_EFORMAT, path, line, -1,
                                   !t1 ? "want TITLE<TAB>ROLE[<TAB>USES]"
                                       : "USES are 'title', 'strip' or '-', separated by commas");
                break;
            }
            if (!((unsigned)u & uses))
                continue;
            b = t1;
            while (b > a && b[-1] == ' ')
                b--;
        }
        char *w = NULL;
        if (erg_grow((void **)words, &cap, *n + 1, sizeof **words) != ERG_OK ||
            !(w = malloc((size_t)(b - a) + 1))) {
            st = erg_error_oom(err);
            break;
        }
        memcpy(w, a, (size_t)(b - a));
        w[b - a] = '\0';
        (*words)[(*n)++] = w;
    }
    free(data);
    if (st != ERG_OK) {
        erg_word_list_free(*words, *n);
        *words = NULL;
        *n = 0;
    }
    return st;
}

erg_status erg_word_list_read(const char *path, char ***words, size_t *n, erg_error *err)
{
    return list_read(path, false, 0, words, n, err);
}

erg_status erg_title_list_read(const char *path, unsigned uses, char ***words, size_t *n,
                               erg_error *err)
{
    return list_read(path, true, uses, words, n, err);
}

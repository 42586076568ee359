/*
 * csv.c: nodes.csv and edges.csv for neo4j-admin database import and Gephi's
 * spreadsheet import.
 *
 * No single header name serves both: Neo4j needs ":ID", ":START_ID",
 * ":END_ID", ":TYPE" (and reads "name:int" as a typed property), Gephi needs
 * columns named exactly "Id", "Source", "Target", "Type", "Weight". So each
 * file carries both: Gephi keeps Neo4j's fields as extra attribute columns,
 * Neo4j keeps Gephi's as string properties.
 */
#include "export_private.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/*
 * One RFC 4180 field: control characters other than tab become spaces (so
 * that no field spans lines and neo4j-admin needs no --multiline-fields), a
 * bidirectional override or isolate is dropped from display text, and a
 * field with a comma or a double quote is quoted, its quotes doubled.
 */
static void csv_text(FILE *f, const char *s, bool display)
{
    if (!s)
        return;
    bool quote = strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"') {
            fputs("\"\"", f);
        } else if (*p < 0x20 && *p != '\t') {
            fputc(' ', f);
        } else if (display && erg_bidi_override_at((const char *)p)) {
            p += 2; /* a bidirectional override or isolate: dropped */
        } else {
            fputc(*p, f);
        }
    }
    if (quote)
        fputc('"', f);
}

static void csv_field(FILE *f, const char *s)
{
    csv_text(f, s, true);
}

/* An entity's id in both files: n and its index, never its name (which may not fit a field). */
static void csv_id(FILE *f, size_t i)
{
    fprintf(f, "n%zu", i);
}

/* "Person" for person: Neo4j's label, one word, capitalized. */
static void csv_label(FILE *f, erg_type t)
{
    const char *name = erg_type_name(t);
    if (name[0]) {
        fputc(name[0] >= 'a' && name[0] <= 'z' ? name[0] - 'a' + 'A' : name[0], f);
        fputs(name + 1, f);
    }
}

erg_status erg_export_csv_nodes(const erg_graph *g, const erg_export_options *opts, FILE *f,
                                erg_error *err)
{
    static const erg_export_options none = {0};
    if (!g || !f)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "no graph or no output");
    if (!erg_graph_is_finished(g))
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "the graph changed since erg_graph_finish; finish it first");
    if (!opts)
        opts = &none;
    erg_status st = erg_export_i_check_options(opts, err);
    if (st != ERG_OK)
        return st;
    fputs("Id,Label,:ID,:LABEL,key,type,mentions:int,articles:int,first_date,last_date", f);
    for (size_t k = 0; k < opts->n_attrs; k++)
        fprintf(f, ",%s:%s", opts->attrs[k].name, opts->attrs[k].is_int ? "int" : "double");
    if (opts->community)
        fputs(",community:int", f);
    fputs("\r\n", f);
    for (size_t i = 0; i < erg_graph_entity_count(g) && !ferror(f); i++) {
        const erg_entity *e = erg_graph_entity(g, i);
        csv_id(f, i);
        fputc(',', f);
        csv_field(f, e->name);
        fputc(',', f);
        csv_id(f, i);
        fputc(',', f);
        csv_label(f, e->type);
        fputc(',', f);
        csv_text(f, e->key, false);
        fprintf(f, ",%s,%u,%u,", erg_type_name(e->type), (unsigned)e->mentions,
                (unsigned)e->articles);
        csv_field(f, e->first_date);
        fputc(',', f);
        csv_field(f, e->last_date);
        for (size_t k = 0; k < opts->n_attrs; k++) {
            double v = opts->attrs[k].values[i];
            char num[40];
            fputc(',', f);
            if (isfinite(v))
                fputs(erg_graph_format_number(v, opts->attrs[k].is_int, num, sizeof num), f);
        }
        if (opts->community) {
            fputc(',', f);
            if (opts->community[i] >= 0)
                fprintf(f, "%lld", (long long)opts->community[i]);
        }
        fputs("\r\n", f);
    }
    if (fflush(f) != 0 || ferror(f))
        return erg_error_set(err, ERG_EIO, NULL, 0, -1, "cannot write the nodes CSV file");
    return ERG_OK;
}

erg_status erg_export_csv_edges(const erg_graph *g, FILE *f, erg_error *err)
{
    if (!g || !f)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "no graph or no output");
    if (!erg_graph_is_finished(g))
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "the graph changed since erg_graph_finish; finish it first");
    fputs("Source,Target,Type,Weight,:START_ID,:END_ID,:TYPE,kind,weight:double,count:int,"
          "articles:int,first_date,last_date,confidence:double,patterns\r\n",
          f);
    for (size_t i = 0; i < erg_graph_edge_count(g) && !ferror(f); i++) {
        const erg_edge *d = erg_graph_edge(g, i);
        const char *kind = erg_kind_name(d->kind);
        char w[40];
        erg_graph_format_number(erg_edge_weight(d), false, w, sizeof w);
        /* A typed edge goes subject -> object, as stored; a co-mention has no direction. */
        csv_id(f, d->source);
        fputc(',', f);
        csv_id(f, d->target);
        fprintf(f, ",%s,%s,", d->kind == ERG_KIND_CO_MENTION ? "Undirected" : "Directed", w);
        csv_id(f, d->source);
        fputc(',', f);
        csv_id(f, d->target);
        fputc(',', f);
        for (const char *p = kind; *p; p++)
            fputc(*p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p, f);
        fprintf(f, ",%s,%s,%u,%u,", kind, w, (unsigned)d->count, (unsigned)d->articles);
        csv_field(f, d->first_date);
        fputc(',', f);
        csv_field(f, d->last_date);
        /* Empty for co_mention and for a typed edge without a score. */
        char sc[8], pats[ERG_EDGE_PATTERNS_MAX];
        bool scored = erg_edge_scored(d, sc, pats);
        fputc(',', f);
        csv_field(f, scored ? sc : NULL);
        fputc(',', f);
        csv_field(f, scored ? pats : NULL);
        fputs("\r\n", f);
    }
    if (fflush(f) != 0 || ferror(f))
        return erg_error_set(err, ERG_EIO, NULL, 0, -1, "cannot write the edges CSV file");
    return ERG_OK;
}

/* dir + "/" + name (one slash), malloc'd; NULL when out of memory. */
static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    char *p = malloc(n + strlen(name) + 2);
    if (p)
        sprintf(p, "%.*s/%s", (int)n, dir, name);
    return p;
}

erg_status erg_export_i_csv_dir(const erg_graph *g, const erg_export_options *opts, const char *dir,
                                erg_error *err)
{
    erg_outfile nodes = {NULL, NULL, NULL}, edges = {NULL, NULL, NULL};
    char *np = NULL, *ep = NULL;
    erg_status st = ERG_OK;
    struct stat sb;
    if (strcmp(dir, "-") == 0) {
        st = erg_error_set(err, ERG_EINVAL, dir, 0, -1,
                           "CSV is two files (nodes.csv, edges.csv): give a directory, not -");
        goto cleanup;
    }
    if (stat(dir, &sb) != 0) {
        if (mkdir(dir, 0777) != 0) {
            st = erg_error_set(err, ERG_EIO, dir, 0, -1, "cannot create the directory: %s",
                               strerror(errno));
            goto cleanup;
        }
    } else if (!S_ISDIR(sb.st_mode)) {
        st = erg_error_set(err, ERG_EINVAL, dir, 0, -1,
                           "CSV is written to a directory, and this is a file");
        goto cleanup;
    }
    np = join(dir, "nodes.csv");
    ep = join(dir, "edges.csv");
    if (!np || !ep) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    /* Both files are written in full under temporary names before either is renamed. */
    if ((st = erg_outfile_open(&nodes, np, err)) != ERG_OK ||
        (st = erg_outfile_open(&edges, ep, err)) != ERG_OK)
        goto cleanup;
    if ((st = erg_export_csv_nodes(g, opts, nodes.fp, err)) != ERG_OK ||
        (st = erg_export_csv_edges(g, edges.fp, err)) != ERG_OK) {
        if (err && !err->source[0])
            snprintf(err->source, sizeof err->source, "%s", dir);
        goto cleanup;
    }
    st = erg_outfile_commit(&nodes, err);
    if (st == ERG_OK)
        st = erg_outfile_commit(&edges, err);
cleanup:
    erg_outfile_abort(&nodes);
    erg_outfile_abort(&edges);
    free(np);
    free(ep);
    return st;
}

/*
 * main.c: the erg command table. Each command lives in cmd_<name>.c; adding
 * one is that file, its declaration below and one row in `commands`.
 */
#include "cli.h"

#include <igraph.h>
#ifdef _OPENMP
#include <omp.h>
#endif
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

/* Commands, one row each. */
static const cli_command commands[] = {
    {"build", cmd_build, "build a graph file from articles"},
    {"merge", cmd_merge, "join partial graphs built from shards into one graph"},
    {"boilerplate", cmd_boilerplate, "find a corpus's boilerplate lines once, for sharded builds"},
    {"extract", cmd_extract, "print the mentions and relations of each article (JSON Lines)"},
    {"train", cmd_train, "train the tagger on CoNLL files"},
    {"clusters", cmd_clusters, "learn word clusters from unlabeled CoNLL-style text"},
    {"eval", cmd_eval, "score the tagger on a CoNLL file"},
    {"tag", cmd_tag, "tag the tokens of articles or of a CoNLL file"},
    {"eval-relations", cmd_eval_relations, "score typed relations against the re3d annotations"},
    {"query", cmd_query, "ask a graph file: neighbors, paths, top, communities, ..."},
    {NULL, NULL, NULL},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: erg COMMAND [ARGS...]\n"
               "       erg COMMAND --help\n\n"
               "Reads news articles, recognizes the people, agencies and news outlets they\n"
               "mention, links them into a graph and exports it for Gephi and Graphviz.\n\n"
               "Commands:\n");
    for (const cli_command *c = commands; c->name; c++)
        fprintf(f, "  %-15s %s\n", c->name, c->summary);
    fprintf(f, "\nExample:\n  erg build fixtures/articles -o graph.graphml\n");
}

/*
 * Output a command wrote but the C library still buffers is written here; a
 * full disk or a closed pipe then fails the run instead of passing in silence
 * (`erg --help > /dev/full`).
 */
static int finish(int rc)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        int e = errno;
        if (rc == CLI_OK)
            rc = cli_failf("cannot write to standard output: %s", strerror(e));
    }
    return rc;
}

static int run(int argc, char **argv)
{
#ifdef _OPENMP
    /*
     * igraph's PageRank sums on OpenMP threads in a different order each run,
     * so scores (and ties in rankings) changed from run to run; one thread
     * makes every output repeat exactly.
     */
    omp_set_num_threads(1);
#endif
    /* igraph's default handler aborts the process; we check every return code instead. */
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);

    if (argc < 2)
        return cli_usage(NULL, "no command given");
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
        usage(stdout);
        return CLI_OK;
    }
    if (strcmp(name, "--version") == 0) {
        printf("erg %s\n", ERG_VERSION);
        return CLI_OK;
    }
    for (const cli_command *c = commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c->fn(argc - 1, argv + 1);
    return cli_usage(NULL, "unknown command '%s'", name);
}

/*
 * Interrupted or killed, erg removes the temporary files of the outputs it
 * was writing, then dies of the same signal (so the shell sees 128+N).
 */
static void on_fatal_signal(int sig)
{
    erg_temp_remove_all();
    raise(sig); /* SA_RESETHAND: the default action now */
}

static void catch_fatal_signals(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa, old;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_fatal_signal;
        sa.sa_flags = SA_RESETHAND;
        sigemptyset(&sa.sa_mask);
        /* A signal the caller set to be ignored (nohup, a shell's background job) stays ignored. */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(sigs[i], &sa, NULL);
    }
}

int main(int argc, char **argv)
{
    catch_fatal_signals();
    return finish(run(argc, argv));
}

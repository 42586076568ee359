/*
 * build.c: a corpus through N pipelines into one graph, in input order.
 *
 * The calling thread reads articles into a ring of slots and adds finished
 * slots to the graph, oldest first; N - 1 worker threads, and the calling
 * thread when it has nothing to read or add, run the pipeline on the slots
 * in the order they were filled. Since the graph takes the articles in
 * input order, it is the same for any number of threads.
 */
#include "erg/pipeline.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Slots per worker: enough that a long article does not stall the others. */
#define SLOTS_PER_THREAD 16

enum { SLOT_FREE, SLOT_QUEUED, SLOT_DONE };

typedef struct slot {
    erg_article art; /* its strings point into buf */
    erg_buf buf;
    erg_extraction x;
    erg_status st;
    erg_error err;
    int state;
} slot;

typedef struct ring {
    pthread_mutex_t mu;
    pthread_cond_t work; /* a slot was queued, or the run ends */
    pthread_cond_t done; /* a slot was done */
    slot *slots;
    size_t n_slots;
    size_t head;      /* slots filled so far (slot head % n_slots is next) */
    size_t next_work; /* slots taken by workers so far */
    bool eof;         /* no more slots will be filled */
    bool abort;       /* workers stop now */
} ring;

typedef struct worker {
    ring *r;
    erg_pipeline *pipe;
    pthread_t thread;
    bool started;
} worker;

unsigned erg_cpu_count(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1u;
}

/* Copies the strings of art into s->buf and points s->art at them. */
static erg_status slot_fill(slot *s, const erg_article *art)
{
    const char *src[] = {art->id,     art->title, art->date, art->date_text,
                         art->source, art->url,   art->path, art->outlet};
    size_t off[sizeof src / sizeof *src], text_off;
    erg_buf_clear(&s->buf);
    for (size_t i = 0; i < sizeof src / sizeof *src; i++) {
        off[i] = s->buf.len;
        if (src[i] && erg_buf_append(&s->buf, src[i], strlen(src[i]) + 1) != ERG_OK)
            return ERG_ENOMEM;
    }
    text_off = s->buf.len;
    if (erg_buf_append(&s->buf, art->text, art->text_len) != ERG_OK)
        return ERG_ENOMEM;
    const char **dst[] = {&s->art.id,     &s->art.title, &s->art.date, &s->art.date_text,
                          &s->art.source, &s->art.url,   &s->art.path, &s->art.outlet};
    for (size_t i = 0; i < sizeof src / sizeof *src; i++)
        *dst[i] = src[i] ? s->buf.data + off[i] : NULL;
    s->art.text = s->buf.data + text_off;
    s->art.text_len = art->text_len;
    s->art.line = art->line;
    return ERG_OK;
}

/* Runs the pipeline on the next queued slot; called and returns with r->mu held. */
static void run_next(ring *r, erg_pipeline *pipe)
{
    slot *s = &r->slots[r->next_work++ % r->n_slots];
    pthread_mutex_unlock(&r->mu);
    erg_error_clear(&s->err);
    s->st = erg_pipeline_run(pipe, &s->art, &s->x, &s->err);
    pthread_mutex_lock(&r->mu);
    s->state = SLOT_DONE;
    pthread_cond_signal(&r->done);
}

static void *work(void *arg)
{
    worker *w = arg;
    ring *r = w->r;
    pthread_mutex_lock(&r->mu);
    for (;;) {
        while (!r->abort && r->next_work == r->head && !r->eof)
            pthread_cond_wait(&r->work, &r->mu);
        if (r->abort || r->next_work == r->head)
            break;
        run_next(r, w->pipe);
    }
    pthread_mutex_unlock(&r->mu);
    return NULL;
}

/* All in the calling thread: one pipeline, no copies. */
static erg_status build_serial(const erg_resources *res, const erg_pipeline_options *o,
                               erg_reader *reader, erg_graph *g, erg_progress_fn progress,
                               void *progress_ctx, erg_error *err)
{
    erg_pipeline *p = NULL;
    erg_extraction x;
    erg_extraction_init(&x);
    erg_status st = erg_pipeline_new(&p, res, o, err);
    while (st == ERG_OK) {
        erg_article art;
        st = erg_reader_next(reader, &art, err);
        if (st == ERG_DONE) {
            st = ERG_OK;
            break;
        }
        if (st == ERG_OK)
            st = erg_pipeline_run(p, &art, &x, err);
        if (st == ERG_OK)
            st = erg_graph_add_article(g, &art, &x.entities, &x.mentions, &x.relations, err);
        if (st == ERG_OK && progress)
            progress(progress_ctx, erg_reader_get_stats(reader));
    }
    erg_extraction_release(&x);
    erg_pipeline_free(p);
    return st;
}

/* Tells the workers to stop (abort) or to finish what is queued, and joins them. */
static void stop_workers(ring *r, worker *w, size_t n, bool abort)
{
    pthread_mutex_lock(&r->mu);
    r->eof = true;
    r->abort = r->abort || abort;
    pthread_cond_broadcast(&r->work);
    pthread_mutex_unlock(&r->mu);
    for (size_t i = 0; i < n; i++)
        if (w[i].started)
            pthread_join(w[i].thread, NULL);
}

erg_status erg_pipeline_build(const erg_resources *res, const erg_pipeline_options *o,
                              erg_reader *reader, erg_graph *g, unsigned n_threads,
                              erg_progress_fn progress, void *progress_ctx, erg_error *err)
{
    if (n_threads == 0)
        n_threads = erg_cpu_count();
    if (n_threads > ERG_MAX_THREADS)
        n_threads = ERG_MAX_THREADS;
    if (n_threads == 1)
        return build_serial(res, o, reader, g, progress, progress_ctx, err);

    erg_status st = ERG_OK;
    ring r;
    memset(&r, 0, sizeof r);
    r.n_slots = (size_t)n_threads * SLOTS_PER_THREAD;
    bool have_sync = false;
    worker *w = calloc(n_threads, sizeof *w);
    r.slots = calloc(r.n_slots, sizeof *r.slots);
    if (!w || !r.slots) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    for (size_t i = 0; i < r.n_slots; i++) {
        erg_buf_init(&r.slots[i].buf);
        erg_extraction_init(&r.slots[i].x);
    }
    if (pthread_mutex_init(&r.mu, NULL) != 0) {
        st = erg_error_set(err, ERG_EIO, NULL, 0, -1, "cannot make a mutex");
        goto cleanup;
    }
    if (pthread_cond_init(&r.work, NULL) != 0) {
        pthread_mutex_destroy(&r.mu);
        st = erg_error_set(err, ERG_EIO, NULL, 0, -1, "cannot make a condition variable");
        goto cleanup;
    }
    if (pthread_cond_init(&r.done, NULL) != 0) {
        pthread_cond_destroy(&r.work);
        pthread_mutex_destroy(&r.mu);
        st = erg_error_set(err, ERG_EIO, NULL, 0, -1, "cannot make a condition variable");
        goto cleanup;
    }
    have_sync = true;
    for (size_t i = 0; i < n_threads; i++) {
        w[i].r = &r;
        if ((st = erg_pipeline_new(&w[i].pipe, res, o, err)) != ERG_OK)
            goto cleanup;
    }
    /* w[0] is the calling thread's: it runs pipelines too when it has nothing else to do. */
    for (size_t i = 1; i < n_threads; i++) {
        if (pthread_create(&w[i].thread, NULL, work, &w[i]) != 0) {
            st = erg_error_set(err, ERG_EIO, NULL, 0, -1, "cannot start thread %zu of %u", i + 1,
                               n_threads);
            goto cleanup;
        }
        w[i].started = true;
    }

    size_t tail = 0;
    bool eof = false;
    pthread_mutex_lock(&r.mu);
    for (;;) {
        /* The oldest slots first, so that the ring drains. */
        slot *s = &r.slots[tail % r.n_slots];
        if (tail < r.head && s->state == SLOT_DONE) {
            pthread_mutex_unlock(&r.mu);
            st = s->st;
            if (st != ERG_OK)
                *err = s->err;
            else
                st = erg_graph_add_article(g, &s->art, &s->x.entities, &s->x.mentions,
                                           &s->x.relations, err);
            if (st == ERG_OK && progress)
                progress(progress_ctx, erg_reader_get_stats(reader));
            pthread_mutex_lock(&r.mu);
            if (st != ERG_OK)
                break;
            s->state = SLOT_FREE;
            tail++;
            continue;
        }
        if (eof && tail == r.head)
            break;
        if (!eof && r.head - tail < r.n_slots) {
            slot *f = &r.slots[r.head % r.n_slots];
            pthread_mutex_unlock(&r.mu);
            erg_article art;
            st = erg_reader_next(reader, &art, err);
            if (st == ERG_OK && slot_fill(f, &art) != ERG_OK)
                st = erg_error_oom(err);
            pthread_mutex_lock(&r.mu);
            if (st == ERG_DONE) {
                st = ERG_OK;
                eof = r.eof = true;
                pthread_cond_broadcast(&r.work);
            } else if (st != ERG_OK) {
                break;
            } else {
                f->state = SLOT_QUEUED;
                r.head++;
                pthread_cond_signal(&r.work);
            }
            continue;
        }
        /*
         * Nothing to add and no room to read: rather than wait (and leave a
         * processor to a thread that would take its place), run a pipeline.
         */
        if (r.next_work < r.head) {
            run_next(&r, w[0].pipe);
            continue;
        }
        pthread_cond_wait(&r.done, &r.mu);
    }
    pthread_mutex_unlock(&r.mu);

cleanup:
    if (have_sync) {
        stop_workers(&r, w, n_threads, st != ERG_OK);
        pthread_cond_destroy(&r.done);
        pthread_cond_destroy(&r.work);
        pthread_mutex_destroy(&r.mu);
    }
    if (w)
        for (size_t i = 0; i < n_threads; i++)
            erg_pipeline_free(w[i].pipe);
    if (r.slots)
        for (size_t i = 0; i < r.n_slots; i++) {
            erg_buf_release(&r.slots[i].buf);
            erg_extraction_release(&r.slots[i].x);
        }
    free(r.slots);
    free(w);
    return st;
}

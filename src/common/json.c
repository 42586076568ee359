/*
 * jansson with allocation failures that fail: jansson's lexer ignores a
 * failed allocation while it saves a string's bytes and asks again for the
 * next byte, so one huge string under a memory limit took hours of failing
 * mmap calls. Inside a guard, the first failure makes every later
 * allocation of this thread fail at once, so the parse ends quickly and the
 * guard reports it.
 */
#include "erg/common.h"

#include <jansson.h>
#include <pthread.h>
#include <stdlib.h>

static _Thread_local bool guarded;
static _Thread_local bool failed;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void *guarded_malloc(size_t n)
{
    if (guarded && failed)
        return NULL;
    void *p = malloc(n);
    if (!p && guarded)
        failed = true;
    return p;
}

static void set_funcs(void)
{
    json_set_alloc_funcs(guarded_malloc, free);
}

void erg_json_guard_begin(void)
{
    pthread_once(&once, set_funcs);
    guarded = true;
    failed = false;
}

bool erg_json_guard_end(void)
{
    bool f = failed;
    guarded = false;
    failed = false;
    return f;
}

/*
 * relate_private.h: the cue words of the typed-relation patterns (cues.c)
 * and the word tests the patterns use. Private to src/relate.
 */
#ifndef ERG_RELATE_PRIVATE_H
#define ERG_RELATE_PRIVATE_H

#include "erg/relate.h"

/* What a title word says about the person it names. */
typedef enum relate_role {
    RELATE_ROLE_NONE = 0,
    RELATE_ROLE_SPOKES,  /* spokesman: spokesperson_for */
    RELATE_ROLE_LEAD,    /* president, head, chief: leads (member_of when "a"/"deputy") */
    RELATE_ROLE_COMMAND, /* commander: leads after "of", member_of in "ISIL commander X" */
    RELATE_ROLE_MEMBER,  /* agent, officer, reporter: member_of */
    RELATE_ROLE_RANK     /* colonel, Gen.: member_of, and may stand before a name */
} relate_role;

/* A title phrase of one to three words and its role. */
typedef struct relate_title {
    const char *words[3]; /* lower case; unused slots NULL */
    relate_role role;
} relate_title;

/* The rows of data/titles.tsv with a ROLE (generated into relate_lists.h). */
extern const relate_title relate_titles[];
extern const size_t relate_titles_n;

/*
 * Word lists, each NULL-terminated, lower case; "'" also matches the curly
 * apostrophe: the sections of data/relate_cues.txt, which says what each
 * list is for.
 */
extern const char *const relate_title_mods[];
extern const char *const relate_demoting_mods[];
extern const char *const relate_function_words[];
extern const char *const relate_coordinators[];
extern const char *const relate_aux_words[];
extern const char *const relate_copula_verbs[];
extern const char *const relate_as_verbs[];
extern const char *const relate_report_verbs[];
extern const char *const relate_cite_verbs[];
extern const char *const relate_report_adverbs[];
extern const char *const relate_outlet_fillers[];
extern const char *const relate_accuse_verbs[];
extern const char *const relate_accuse_fillers[];
extern const char *const relate_accuse_adverbs[];
extern const char *const relate_government_words[];
extern const char *const relate_subject_blockers[];
extern const char *const relate_journalism_roles[];
extern const char *const relate_audience_nouns[];
extern const char *const relate_relay_verbs[];
extern const char *const relate_adjunct_words[];
extern const char *const relate_report_nouns[];
extern const char *const relate_programme_nouns[];
extern const char *const relate_constituency_titles[];
extern const char *const relate_department_titles[];
extern const char *const relate_of_object_verbs[];

/*
 * True when the n bytes at s spell w, ignoring ASCII case; a curly
 * apostrophe (U+2019) in s matches "'" in w.
 */
bool relate_word_eq(const char *s, size_t n, const char *w);

/* True when the n bytes at s spell one of the words of list. */
bool relate_word_in(const char *s, size_t n, const char *const *list);

/*
 * ERG_EINVAL (err names the mention) when a mention's tokens, sentence or
 * entity index are out of range of doc and entities. O(mentions).
 */
erg_status relate_check_mentions(const erg_doc *doc, const erg_mentions *mentions,
                                 const erg_local_entities *entities, erg_error *err);

#endif

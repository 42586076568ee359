/*
 * cues.c: the words that the typed-relation patterns of patterns.c look for,
 * and the word tests the patterns use.
 *
 * The patterns work on tokens and typed mentions; the word lists are their
 * only vocabulary. The lists are declared in the data folder and compiled in
 * at build time (data/tools/gen_lists.py, src/relate/meson.build): the title
 * table is the rows of data/titles.tsv with a ROLE, the other lists are the
 * sections of data/relate_cues.txt (each with a comment that says what it is
 * for). Everything is lower case and compared without regard to ASCII case;
 * "'" also matches "’". To teach erg a new cue, add the word there and a case
 * to tests/test_relate.c.
 *
 * Titles say how the person they name relates to an organization, as in
 * "Unification Ministry spokesman Jeong", "Jeong, a spokesman for the
 * ministry", "Kim, head of the GRB", "a colonel in the army"; the matcher
 * tries every phrase and keeps the longest. Leaders (RELATE_ROLE_LEAD) give
 * `leads` with "of"/"for" and `member_of` with "in"/"at"/"with", or after
 * "a"/"an" (one of several leaders) or a demoting modifier ("deputy
 * director"). "commander" (RELATE_ROLE_COMMAND) is kept apart because "ISIL
 * commander X" names a commander within ISIL, not its head. Ranks ("Col.",
 * "Gen.") and jobs are membership; ranks (RELATE_ROLE_RANK) are also read as
 * part of a name ("Lt. Gen. Townsend"), so that in "ORG spokesman Col. Kim"
 * the job, not the rank, tells the relation.
 */
#include "relate_private.h"

#include "relate_lists.h"

#include <string.h>

bool relate_word_eq(const char *s, size_t n, const char *w)
{
    size_t i = 0;
    for (; *w; w++) {
        if (i >= n)
            return false;
        unsigned char c = (unsigned char)s[i];
        if (*w == '\'' && c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] == 0x99) {
            i += 3;
            continue;
        }
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        if (c != (unsigned char)*w)
            return false;
        i++;
    }
    return i == n;
}

bool relate_word_in(const char *s, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (relate_word_eq(s, n, *list))
            return true;
    return false;
}

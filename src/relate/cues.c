/*
 * cues.c: the words that the typed-relation patterns of patterns.c look for.
 *
 * The patterns work on tokens and typed mentions; these tables are the only
 * vocabulary they know. Everything is lower case and compared without regard
 * to ASCII case; "'s" also matches "’s". To teach erg a new cue, add the word
 * here and a case to tests/test_relate.c. Keep the lists short and
 * unambiguous: a word that often means something else costs precision, and a
 * wrong typed edge is worse than a missing one.
 */
#include "relate_private.h"

#include <string.h>

/*
 * Titles that say how the person they name relates to an organization, as in
 * "Unification Ministry spokesman Jeong", "Jeong, a spokesman for the
 * ministry", "Kim, head of the GRB", "a colonel in the army". Multi-word
 * phrases come before their last word's single-word entry only for clarity:
 * the matcher tries every phrase and keeps the longest.
 *
 * Leaders (RELATE_ROLE_LEAD) give `leads` with "of"/"for" and `member_of`
 * with "in"/"at"/"with", or after "a"/"an" (one of several leaders) or a
 * demoting modifier ("deputy director"). "commander" (RELATE_ROLE_COMMAND) is
 * kept apart because "ISIL commander X" names a commander within ISIL, not
 * its head. Ranks ("Col.", "Gen.") and jobs are membership; ranks
 * (RELATE_ROLE_RANK) are also read as part of a name ("Lt. Gen. Townsend"),
 * so that in "ORG spokesman Col. Kim" the job, not the rank, tells the relation.
 */
const relate_title relate_titles[] = {
    /* spokespeople */
    {{"spokesman"}, RELATE_ROLE_SPOKES},
    {{"spokeswoman"}, RELATE_ROLE_SPOKES},
    {{"spokesperson"}, RELATE_ROLE_SPOKES},
    {{"press", "secretary"}, RELATE_ROLE_SPOKES},
    {{"press", "officer"}, RELATE_ROLE_SPOKES},
    /* leaders */
    {{"president"}, RELATE_ROLE_LEAD},
    {{"chairman"}, RELATE_ROLE_LEAD},
    {{"chairwoman"}, RELATE_ROLE_LEAD},
    {{"chairperson"}, RELATE_ROLE_LEAD},
    {{"head"}, RELATE_ROLE_LEAD},
    {{"chief"}, RELATE_ROLE_LEAD},
    {{"leader"}, RELATE_ROLE_LEAD},
    {{"director"}, RELATE_ROLE_LEAD},
    {{"director-general"}, RELATE_ROLE_LEAD},
    {{"director", "general"}, RELATE_ROLE_LEAD},
    {{"secretary-general"}, RELATE_ROLE_LEAD},
    {{"secretary", "general"}, RELATE_ROLE_LEAD},
    {{"general", "secretary"}, RELATE_ROLE_LEAD},
    {{"chief", "executive"}, RELATE_ROLE_LEAD},
    {{"chief", "executive", "officer"}, RELATE_ROLE_LEAD},
    {{"executive", "director"}, RELATE_ROLE_LEAD},
    {{"managing", "director"}, RELATE_ROLE_LEAD},
    {{"ceo"}, RELATE_ROLE_LEAD},
    {{"boss"}, RELATE_ROLE_LEAD},
    {{"administrator"}, RELATE_ROLE_LEAD},
    {{"editor-in-chief"}, RELATE_ROLE_LEAD},
    {{"commandant"}, RELATE_ROLE_LEAD},
    /* commanders */
    {{"commander"}, RELATE_ROLE_COMMAND},
    {{"commander-in-chief"}, RELATE_ROLE_COMMAND},
    /* ranks, written out and abbreviated as the tokenizer keeps them */
    {{"colonel"}, RELATE_ROLE_RANK},
    {{"col."}, RELATE_ROLE_RANK},
    {{"general"}, RELATE_ROLE_RANK},
    {{"gen."}, RELATE_ROLE_RANK},
    {{"lieutenant"}, RELATE_ROLE_RANK},
    {{"lt."}, RELATE_ROLE_RANK},
    {{"captain"}, RELATE_ROLE_RANK},
    {{"capt."}, RELATE_ROLE_RANK},
    {{"major"}, RELATE_ROLE_RANK},
    {{"maj."}, RELATE_ROLE_RANK},
    {{"sergeant"}, RELATE_ROLE_RANK},
    {{"sgt."}, RELATE_ROLE_RANK},
    {{"corporal"}, RELATE_ROLE_RANK},
    {{"cpl."}, RELATE_ROLE_RANK},
    {{"admiral"}, RELATE_ROLE_RANK},
    {{"adm."}, RELATE_ROLE_RANK},
    {{"brigadier"}, RELATE_ROLE_RANK},
    {{"brig."}, RELATE_ROLE_RANK},
    {{"commodore"}, RELATE_ROLE_RANK},
    {{"marshal"}, RELATE_ROLE_RANK},
    /* jobs */
    {{"member"}, RELATE_ROLE_MEMBER},
    {{"officer"}, RELATE_ROLE_MEMBER},
    {{"official"}, RELATE_ROLE_MEMBER},
    {{"agent"}, RELATE_ROLE_MEMBER},
    {{"employee"}, RELATE_ROLE_MEMBER},
    {{"staffer"}, RELATE_ROLE_MEMBER},
    {{"operative"}, RELATE_ROLE_MEMBER},
    {{"operator"}, RELATE_ROLE_MEMBER},
    {{"spy"}, RELATE_ROLE_MEMBER},
    {{"analyst"}, RELATE_ROLE_MEMBER},
    {{"soldier"}, RELATE_ROLE_MEMBER},
    {{"fighter"}, RELATE_ROLE_MEMBER},
    {{"militant"}, RELATE_ROLE_MEMBER},
    {{"diplomat"}, RELATE_ROLE_MEMBER},
    {{"envoy"}, RELATE_ROLE_MEMBER},
    {{"representative"}, RELATE_ROLE_MEMBER},
    {{"lawmaker"}, RELATE_ROLE_MEMBER},
    {{"legislator"}, RELATE_ROLE_MEMBER},
    {{"adviser"}, RELATE_ROLE_MEMBER},
    {{"advisor"}, RELATE_ROLE_MEMBER},
    {{"aide"}, RELATE_ROLE_MEMBER},
    {{"researcher"}, RELATE_ROLE_MEMBER},
    {{"scientist"}, RELATE_ROLE_MEMBER},
    {{"engineer"}, RELATE_ROLE_MEMBER},
    {{"economist"}, RELATE_ROLE_MEMBER},
    {{"investigator"}, RELATE_ROLE_MEMBER},
    {{"prosecutor"}, RELATE_ROLE_MEMBER},
    {{"inspector"}, RELATE_ROLE_MEMBER},
    {{"detective"}, RELATE_ROLE_MEMBER},
    {{"professor"}, RELATE_ROLE_MEMBER},
    {{"lecturer"}, RELATE_ROLE_MEMBER},
    {{"reporter"}, RELATE_ROLE_MEMBER},
    {{"correspondent"}, RELATE_ROLE_MEMBER},
    {{"journalist"}, RELATE_ROLE_MEMBER},
    {{"editor"}, RELATE_ROLE_MEMBER},
    {{"columnist"}, RELATE_ROLE_MEMBER},
    {{"anchor"}, RELATE_ROLE_MEMBER},
    {{"producer"}, RELATE_ROLE_MEMBER},
    {{"photographer"}, RELATE_ROLE_MEMBER},
    {{"activist"}, RELATE_ROLE_MEMBER},
    {{"strategist"}, RELATE_ROLE_MEMBER},
    {{"negotiator"}, RELATE_ROLE_MEMBER},
};
const size_t relate_n_titles = sizeof relate_titles / sizeof relate_titles[0];

/*
 * Words that may stand before a title without changing whose title it is:
 * "deputy spokesman", "senior intelligence officer", "Staff Sgt.", "former
 * head". Only these (and titles) may sit between an organization and a name
 * in "ORG <title> NAME"; an apposition ("Kim, a former army officer in ...")
 * also lets two other lower-case words through.
 */
const char *const relate_title_mods[] = {
    "deputy",    "vice",     "assistant", "associate", "acting",    "former",   "senior",
    "top",       "interim",  "junior",    "longtime",  "long-time", "current",  "new",
    "then",      "retired",  "veteran",   "lead",      "principal", "special",  "first",
    "staff",     "master",   "field",     "rear",      "command",   "military", "intelligence",
    "security",  "police",   "defense",   "defence",   "foreign",   "finance",  "press",
    "executive", "regional", "national",  "local",     "party",     "state",    NULL};

/*
 * Modifiers that make a leader title a rank below the head: "deputy director
 * of X" is a member of X, not its leader.
 */
const char *const relate_demoting_mods[] = {"deputy",    "vice",  "assistant",
                                            "associate", "under", NULL};

/*
 * Grammar words. An unknown word in an apposition must not be one of them
 * ("wife of the director of X" is not "director of X"), and one of them right
 * after an organization shows that the organization's name has ended (unlike
 * "ISIL delegation", where the name modifies a noun).
 */
const char *const relate_function_words[] = {
    "a",       "an",      "the",   "of",    "for",    "in",    "at",    "with",  "to",
    "by",      "from",    "on",    "and",   "or",     "but",   "nor",   "who",   "whom",
    "whose",   "which",   "that",  "this",  "these",  "those", "as",    "is",    "was",
    "are",     "were",    "be",    "been",  "has",    "have",  "had",   "will",  "would",
    "said",    "says",    "told",  "not",   "his",    "her",   "their", "its",   "our",
    "my",      "your",    "he",    "she",   "they",   "it",    "we",    "i",     "you",
    "after",   "before",  "since", "until", "during", "when",  "where", "while", "because",
    "if",      "than",    "then",  "also",  "into",   "about", "over",  "under", "against",
    "between", "through", "since", "amid",  "until",  "if",    NULL};

/* Coordination before an organization makes a title ambiguous: "CIA and FBI spokesman X". */
const char *const relate_coordinators[] = {"and", "or", "&", "nor", NULL};

/*
 * Auxiliaries and adverbs skipped between a person and the verb of
 * "Kim was currently serving as ...", "Kim has long worked for ...".
 */
const char *const relate_aux_words[] = {
    "is",        "was",        "are",        "were",       "has",     "have",         "had",
    "been",      "be",         "being",      "will",       "would",   "currently",    "now",
    "still",     "also",       "previously", "formerly",   "later",   "then",         "once",
    "already",   "recently",   "long",       "reportedly", "briefly", "subsequently", "originally",
    "initially", "eventually", NULL};

/*
 * Verbs after which a title names what the person is: "Kim is/was/became the
 * head of X", "was named director of X", "serves as spokesman for X".
 */
const char *const relate_copula_verbs[] = {
    "is",     "was",     "are",      "were",  "been",      "be",      "became",   "becomes",
    "become", "remains", "remained", "named", "appointed", "elected", "promoted", NULL};

/*
 * Verbs that make an outlet the source of what its sentence says: "Fox News
 * reports", "as CNN notes", "Reuters describes", "NPR adds", "CNN further
 * quotes", and inverted after a quotation: "..., said CNN".
 */
const char *const relate_report_verbs[] = {
    "reports",   "reported", "says",     "said",     "notes",     "noted",     "adds",
    "added",     "cites",    "cited",    "citing",   "describes", "described", "quotes",
    "quoted",    "quoting",  "writes",   "wrote",    "claims",    "claimed",   "explains",
    "explained", "states",   "stated",   "reveals",  "revealed",  "confirms",  "confirmed",
    "learned",   "learnt",   "observes", "observed", "announced", "announces", "alleges",
    "alleged",   NULL};

/* Reporting verbs whose object, when it is an outlet, is cited: "CNN quotes Yonhap". */
const char *const relate_cite_verbs[] = {"cites",  "cited",   "citing", "quotes",
                                         "quoted", "quoting", NULL};

/* Words allowed between an outlet and its reporting verb: "CNN further quotes", "which reported".
 */
const char *const relate_report_adverbs[] = {
    "further",  "also",      "first", "later", "earlier", "previously", "separately",
    "recently", "has",       "had",   "have",  "now",     "originally", "exclusively",
    "then",     "initially", "which", "that",  "who",     NULL};

/*
 * Words around an outlet's name that are not names: "South Korea's Yonhap
 * news agency", "according to the state-run KCNA".
 */
const char *const relate_outlet_fillers[] = {
    "the",      "a",          "an",          "news",     "agency",
    "service",  "newspaper",  "daily",       "wire",     "network",
    "channel",  "television", "tv",          "radio",    "broadcaster",
    "magazine", "website",    "site",        "outlet",   "media",
    "state",    "state-run",  "state-owned", "official", "semi-official",
    "local",    "national",   "weekly",      "online",   "public",
    NULL};

/* "X has accused Y", "X accused Y of", "X blamed Y". */
const char *const relate_accuse_verbs[] = {"accused", "accuses", "accuse", "blamed",
                                           "blames",  "blame",   NULL};

/*
 * Words allowed between an accusing verb and the accused's name: "accused
 * the government of conservative President Park Geun-hye".
 */
const char *const relate_accuse_fillers[] = {
    "the",      "a",          "an",     "government",   "administration",
    "regime",   "leadership", "of",     "conservative", "liberal",
    "former",   "president",  "prime",  "minister",     "leader",
    "chairman", "party",      "ruling", "opposition",   NULL};

/* Between the accuser and the verb: "Minjoo has repeatedly accused". */
const char *const relate_accuse_adverbs[] = {
    "has",        "have",     "had",  "also",     "repeatedly", "again",      "publicly",
    "previously", "recently", "now",  "formally", "openly",     "already",    "earlier",
    "then",       "later",    "long", "even",     "directly",   "explicitly", NULL};

/* "accused Park's government": the government of a person or agency stands for it. */
const char *const relate_government_words[] = {
    "government", "administration", "regime", "leadership", "military",
    "army",       "forces",         "party",  "cabinet",    NULL};

/*
 * A name after one of these is the object of a preposition, not the subject
 * of the verb that follows: "an ally of Park accused Moon" is not Park's
 * accusation.
 */
const char *const relate_subject_blockers[] = {"of",   "by",      "with",    "to",   "for",
                                               "from", "against", "about",   "on",   "at",
                                               "in",   "than",    "between", "like", NULL};

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

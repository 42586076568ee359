/*
 * text_private.h: character classes shared by the tokenizer and the name
 * normalizers. Not installed; only src/text/ includes it.
 */
#ifndef ERG_TEXT_PRIVATE_H
#define ERG_TEXT_PRIVATE_H

#include "erg/text.h"

/* Character classes, ASCII and Unicode alike. */
enum {
    TX_PUNCT = 0, /* punctuation, symbols, invalid bytes: one token each */
    TX_SPACE,     /* separates tokens, no line break */
    TX_NL,        /* one line break */
    TX_PARA,      /* a paragraph break on its own (U+2029, form feed) */
    TX_UPPER,     /* Lu, Lt */
    TX_LOWER,     /* Ll */
    TX_LETTER,    /* other letters (Lm, Lo) and non-decimal numbers (Nl, No) */
    TX_DIGIT,     /* Nd */
    TX_MARK       /* combining marks and format characters: inside a word */
};

/* Class of an ASCII byte (values below 0x80). */
extern const unsigned char erg_text_i_ascii_class[128];

/* Class of a code point at or above 0x80. */
int erg_text_i_uclass(uint32_t cp);

/* Decodes the character at s[i] (i < n) and returns its class; sets *len (and *cp). */
static inline int erg_text_i_char(const unsigned char *s, size_t n, size_t i, uint32_t *cp,
                                  size_t *len)
{
    unsigned char c = s[i];
    if (c < 0x80) {
        *cp = c;
        *len = 1;
        return erg_text_i_ascii_class[c];
    }
    *len = erg_utf8_decode((const char *)s + i, n - i, cp);
    if (*cp == 0xFFFD && *len == 1)
        return TX_PUNCT;
    return erg_text_i_uclass(*cp);
}

static inline int erg_text_i_is_word_class(int cls)
{
    return cls >= TX_UPPER;
}

static inline int erg_text_i_is_space_class(int cls)
{
    return cls == TX_SPACE || cls == TX_NL || cls == TX_PARA;
}

#endif

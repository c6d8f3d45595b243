/*
 * text_int.h - what src/text/ shows the tests and nothing else.
 */
#ifndef CITE_TEXT_INT_H
#define CITE_TEXT_INT_H

/* For tests only (not thread-safe): 0 turns off cite_text_check()'s look
 * at sixteen bytes at a time, so that every byte goes through the checks
 * one character at a time; the diagnostics must be the same either way. */
void cite_i_text_blocks(int on);

#endif

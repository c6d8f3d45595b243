/*
 * test_extract.c - the extraction engine: canonical ids, symbols, dates,
 * lists, pinpoints, bodies, document metadata, and totality.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cite.h"
#include "core/core_int.h"
#include "extract/extract_int.h"

/* Extracts s as a text in lang; the caller releases doc. */
static void
extract(struct cite_doc *doc, enum cite_lang lang, const char *s)
{
    struct cite_text t;
    cite_text_init_mem(&t, "mem.txt", s, strlen(s));
    cite_doc_init(doc);
    cite_extract_doc(doc, &t, lang, NULL);
    cite_text_release(&t);
}

static void
test_canonical_id_of_each_body(void **state)
{
    (void)state;
    char id[64];
    struct cite_num session = {.shape = NS_SESSION, .a = 18, .b = 18, .roman = 0};
    struct cite_num sc = {.shape = NS_YEAR_PAREN, .a = 2000, .b = 1325, .roman = 0};
    struct cite_num roman = {.shape = NS_ROMAN, .a = 0, .b = 2200, .roman = 21};
    struct cite_num year = {.shape = NS_SESSION, .a = 2004, .b = 81, .roman = 0};
    struct cite_num special = {.shape = NS_SPECIAL, .a = 24, .b = 2, .roman = 0};
    struct cite_num special_roman = {.shape = NS_SPECIAL_ROMAN, .a = 0, .b = 1874, .roman = 4};

    assert_true(cite_i_canonical_id(id, sizeof id, &session, CITE_TYPE_RESOLUTION, CITE_BODY_HRC));
    assert_string_equal(id, "A/HRC/RES/18/18");
    assert_true(cite_i_canonical_id(id, sizeof id, &session, CITE_TYPE_DECISION, CITE_BODY_HRC));
    assert_string_equal(id, "A/HRC/DEC/18/18");
    assert_true(cite_i_canonical_id(id, sizeof id, &session, CITE_TYPE_STATEMENT, CITE_BODY_HRC));
    assert_string_equal(id, "A/HRC/PRST/18/18");
    assert_true(cite_i_canonical_id(id, sizeof id, &sc, CITE_TYPE_RESOLUTION, CITE_BODY_SC));
    assert_string_equal(id, "S/RES/1325(2000)");
    assert_true(cite_i_canonical_id(id, sizeof id, &roman, CITE_TYPE_RESOLUTION, CITE_BODY_GA));
    assert_string_equal(id, "A/RES/2200(XXI)");
    assert_true(cite_i_canonical_id(id, sizeof id, &year, CITE_TYPE_RESOLUTION, CITE_BODY_CHR));
    assert_string_equal(id, "E/CN.4/RES/2004/81");
    assert_true(cite_i_canonical_id(id, sizeof id, &year, CITE_TYPE_DECISION, CITE_BODY_ECOSOC));
    assert_string_equal(id, "E/DEC/2004/81");
    assert_true(cite_i_canonical_id(id, sizeof id, &year, CITE_TYPE_RESOLUTION, CITE_BODY_SUBCOM));
    assert_string_equal(id, "E/CN.4/SUB.2/RES/2004/81");
    assert_true(cite_i_canonical_id(id, sizeof id, &special, CITE_TYPE_RESOLUTION, CITE_BODY_GA));
    assert_string_equal(id, "A/RES/S-24/2");
    assert_true(cite_i_canonical_id(id, sizeof id, &special_roman, CITE_TYPE_RESOLUTION, CITE_BODY_GA));
    assert_string_equal(id, "A/RES/1874(S-IV)");
}

static void
test_canonical_id_refuses_impossible_pairs(void **state)
{
    (void)state;
    char id[64];
    struct cite_num roman = {.shape = NS_ROMAN, .a = 0, .b = 2200, .roman = 21};
    struct cite_num sc = {.shape = NS_YEAR_PAREN, .a = 2000, .b = 1325, .roman = 0};
    /* the Human Rights Council never used Roman sessions */
    assert_false(cite_i_canonical_id(id, sizeof id, &roman, CITE_TYPE_RESOLUTION, CITE_BODY_HRC));
    /* a year in brackets is only the Security Council's */
    assert_false(cite_i_canonical_id(id, sizeof id, &sc, CITE_TYPE_RESOLUTION, CITE_BODY_GA));
}

static void
test_symbol_canon_removes_spaces_and_classifies(void **state)
{
    (void)state;
    char id[64];
    enum cite_type type;
    enum cite_body body;
    assert_true(cite_i_symbol_canon(id, sizeof id, "S/RES/1325 (2000)", 17, &type, &body));
    assert_string_equal(id, "S/RES/1325(2000)");
    assert_int_equal(type, CITE_TYPE_RESOLUTION);
    assert_int_equal(body, CITE_BODY_SC);
    assert_true(cite_i_symbol_canon(id, sizeof id, "E/CN.4/Sub.2/RES/1999/3", 23, &type, &body));
    assert_string_equal(id, "E/CN.4/SUB.2/RES/1999/3");
    assert_int_equal(body, CITE_BODY_SUBCOM);
    assert_true(cite_i_symbol_canon(id, sizeof id, "A/HRC/21/2", 10, &type, &body));
    assert_int_equal(type, CITE_TYPE_DOCUMENT);
    assert_int_equal(body, CITE_BODY_NONE);
    assert_true(cite_i_symbol_canon(id, sizeof id, "S/PRST/2003/5", 13, &type, &body));
    assert_int_equal(type, CITE_TYPE_STATEMENT);
}

static void
test_roman_numerals_only_canonical_forms(void **state)
{
    (void)state;
    assert_int_equal(cite_i_roman_value("XXI", 3), 21);
    assert_int_equal(cite_i_roman_value("XIV", 3), 14);
    assert_int_equal(cite_i_roman_value("IIII", 4), 0);
    assert_int_equal(cite_i_roman_value("IC", 2), 0);
    char buf[16];
    cite_i_roman_format(buf, 49);
    assert_string_equal(buf, "XLIX");
}

static void
test_zh_date_in_digits_and_numerals(void **state)
{
    (void)state;
    struct cite_doc doc;
    extract(&doc, CITE_LANG_ZH, "回顾安全理事会一九七三年十月二十二日第338(1973)号决议和"
                                "2011 年 9 月 29 日第 18/18 号决议，");
    assert_int_equal(doc.nrefs, 2);
    assert_string_equal(doc.refs[0].date, "1973-10-22");
    assert_string_equal(doc.refs[1].date, "2011-09-29");
    cite_doc_release(&doc);
}

static void
test_en_date_with_glued_footnote_number(void **state)
{
    (void)state;
    struct cite_doc doc;
    extract(&doc, CITE_LANG_EN,
            "Recalling General Assembly resolution 65/281 of 17 June 20117,\n");
    assert_int_equal(doc.nrefs, 1);
    assert_string_equal(doc.refs[0].target, "A/RES/65/281");
    assert_string_equal(doc.refs[0].date, "2011-06-17");
    cite_doc_release(&doc);
}

static void
test_impossible_date_is_not_a_date(void **state)
{
    (void)state;
    struct cite_doc doc;
    extract(&doc, CITE_LANG_EN,
            "Recalling General Assembly resolution 65/281 of 31 February 2011,\n");
    assert_int_equal(doc.nrefs, 1);
    assert_string_equal(doc.refs[0].date, "");
    cite_doc_release(&doc);
}

static void
test_zh_list_shares_one_hao_jueyi_and_date(void **state)
{
    (void)state;
    struct cite_doc doc;
    extract(&doc, CITE_LANG_ZH,
            "人权理事会，\n\n回顾理事会 2007 年 6 月 18 日第 5/1 号和第 5/2 号决议，\n");
    assert_int_equal(doc.nrefs, 2);
    assert_string_equal(doc.refs[0].target, "A/HRC/RES/5/1");
    assert_string_equal(doc.refs[1].target, "A/HRC/RES/5/2");
    assert_string_equal(doc.refs[0].date, "2007-06-18");
    assert_string_equal(doc.refs[1].date, "2007-06-18");
    assert_string_equal(doc.refs[0].text, "2007 年 6 月 18 日第 5/1 号");
    assert_string_equal(doc.refs[1].text, "第 5/2 号");
    cite_doc_release(&doc);
}

/* Full-width digits, slash and parentheses read as ASCII (the text is
 * copied with each one byte, eight bytes at a time): at every alignment
 * of the citation against those eight, and with one last at the very
 * end of the text, the citation and its place in the original bytes are
 * the same. */
static void
test_zh_full_width_forms_at_every_alignment(void **state)
{
    (void)state;
    /* 第１８／１８号决议 and 第１３２５（２０００）号决议: full-width forms */
    static const char head[] = "\xe4\xba\xba\xe6\x9d\x83\xe7\x90\x86\xe4\xba\x8b\xe4\xbc\x9a\xef\xbc\x8c\n\n";
    static const char cite[] =
        "\xe5\x9b\x9e\xe9\xa1\xbe\xe5\x85\xb6\xe7\xac\xac"
        "\xef\xbc\x91\xef\xbc\x98\xef\xbc\x8f\xef\xbc\x91\xef\xbc\x98"
        "\xe5\x8f\xb7\xe5\x86\xb3\xe8\xae\xae\xe5\x92\x8c\xe5\xae\x89\xe7\x90\x86\xe4\xbc\x9a"
        "\xe7\xac\xac\xef\xbc\x91\xef\xbc\x93\xef\xbc\x92\xef\xbc\x95"
        "\xef\xbc\x88\xef\xbc\x92\xef\xbc\x90\xef\xbc\x90\xef\xbc\x90\xef\xbc\x89"
        "\xe5\x8f\xb7\xe5\x86\xb3\xe8\xae\xae\xef\xbc\x8c";
    for (size_t pad = 0; pad < 16; pad++) {
        char text[512];
        size_t n = 0;
        memcpy(text + n, head, sizeof head - 1);
        n += sizeof head - 1;
        memset(text + n, 'x', pad);
        n += pad;
        memcpy(text + n, cite, sizeof cite - 1);
        size_t at = n;
        n += sizeof cite - 1;
        text[n] = '\0';
        struct cite_doc doc;
        extract(&doc, CITE_LANG_ZH, text);
        assert_int_equal(doc.nrefs, 2);
        assert_string_equal(doc.refs[0].target, "A/HRC/RES/18/18");
        assert_string_equal(doc.refs[1].target, "S/RES/1325(2000)");
        /* 第 opens each mention, in the original bytes */
        assert_int_equal(doc.refs[0].offset, at + 9);
        assert_int_equal(doc.refs[1].offset, at + 9 + 3 + 15 + 9 + 12);
        /* the mention as the text prints it: 第１３２５（２０００）号 */
        assert_string_equal(doc.refs[1].text,
                            "\xe7\xac\xac\xef\xbc\x91\xef\xbc\x93\xef\xbc\x92\xef\xbc\x95"
                            "\xef\xbc\x88\xef\xbc\x92\xef\xbc\x90\xef\xbc\x90\xef\xbc\x90"
                            "\xef\xbc\x89\xe5\x8f\xb7");
        assert_int_equal(doc.refs[1].length, 3 + 12 + 18 + 3);
        cite_doc_release(&doc);
    }
}

static void
test_en_list_with_oxford_comma(void **state)
{
    (void)state;
    struct cite_doc doc;
    extract(&doc, CITE_LANG_EN,
            "Recalling its resolutions 1325 (2000), 1820 (2008), and 1888 (2009),\n");
    assert_int_equal(doc.nrefs, 3);
    assert_string_equal(doc.refs[2].target, "S/RES/1888(2009)");
    cite_doc_release(&doc);
}

static void
test_zh_pinpoints_after_the_citation(void **state)
{
    (void)state;
    struct cite_doc doc;
    extract(&doc, CITE_LANG_ZH, "人权理事会，\n\n3. 决定根据人权理事会第 18/18 号决议第 3 和第 4 段，\n");
    assert_int_equal(doc.nrefs, 1);
    assert_int_equal(doc.refs[0].npinpoint, 2);
    assert_string_equal(doc.refs[0].pinpoint[0], "3");
    assert_string_equal(doc.refs[0].pinpoint[1], "4");
    assert_int_equal(doc.refs[0].relation, CITE_REL_DECIDING);
    assert_string_equal(doc.refs[0].where, "OP3");
    cite_doc_release(&doc);
}

static void
test_en_pinpoints_before_the_citation(void **state)
{
    (void)state;
    struct cite_doc doc;
    extract(&doc, CITE_LANG_EN, "Recalling paragraph 3 (c) of Council resolution 18/18,\n");
    assert_int_equal(doc.nrefs, 1);
    assert_int_equal(doc.refs[0].npinpoint, 1);
    assert_string_equal(doc.refs[0].pinpoint[0], "3(c)");
    cite_doc_release(&doc);
}

static void
test_body_of_year_numbered_resolution_from_sentence(void **state)
{
    (void)state;
    struct cite_doc doc;
    extract(&doc, CITE_LANG_ZH,
            "人权理事会，\n\n重申人权委员会各项决议，尤其是第 2004/81 号决议，"
            "又回顾第 5/1 号决议。\n");
    assert_int_equal(doc.nrefs, 2);
    assert_string_equal(doc.refs[0].target, "E/CN.4/RES/2004/81");
    /* the sentence ended: the next bare number is the Council's own */
    assert_string_equal(doc.refs[1].target, "A/HRC/RES/5/1");
    cite_doc_release(&doc);
}

static void
collect(void *ctx, const struct cite_diag *d)
{
    int *n = ctx;
    if (d->code == CITE_D_AMBIGUOUS_BODY) {
        (*n)++;
    }
}

static void
test_unknown_body_is_reported(void **state)
{
    (void)state;
    struct cite_text t;
    const char *s = "Recalling resolution 1993/87,\n";
    cite_text_init_mem(&t, "mem.txt", s, strlen(s));
    struct cite_doc doc;
    cite_doc_init(&doc);
    int n = 0;
    struct cite_diag_sink sink = {collect, &n};
    cite_extract_doc(&doc, &t, CITE_LANG_EN, &sink);
    assert_int_equal(n, 1);
    cite_doc_release(&doc);
    cite_text_release(&t);
}

static void
test_zh_header_gives_document_metadata(void **state)
{
    (void)state;
    struct cite_doc doc;
    extract(&doc, CITE_LANG_ZH,
            "人权理事会\n第二十一届会议\n议程项目 10\n\n21/21\n\n"
            "加强人权领域的技术合作\n\n人权理事会，\n\n回顾第 5/1 号决议，\n\n"
            "1. 重申各国的责任；\n\n2012 年 9 月 27 日\n第 37 次会议\n\n"
            "[未经表决获得通过。]\n");
    assert_non_null(doc.info.id);
    assert_string_equal(doc.info.id, "A/HRC/RES/21/21");
    assert_int_equal(doc.info.body, CITE_BODY_HRC);
    assert_int_equal(doc.info.session, 21);
    assert_string_equal(doc.info.agenda_item, "10");
    assert_string_equal(doc.info.title, "加强人权领域的技术合作");
    assert_string_equal(doc.info.date, "2012-09-27");
    assert_int_equal(doc.info.meeting, 37);
    assert_string_equal(doc.info.vote, "without-vote");
    /* the number under the heading is not a citation */
    assert_int_equal(doc.nrefs, 1);
    assert_string_equal(doc.refs[0].where, "PP1");
    assert_int_equal(doc.refs[0].relation, CITE_REL_RECALLING);
    cite_doc_release(&doc);
}

static void
test_en_header_gives_document_metadata(void **state)
{
    (void)state;
    struct cite_doc doc;
    extract(&doc, CITE_LANG_EN,
            "Human Rights Council\nTwenty-first session\nAgenda item 10\n\n"
            "21/21 Enhancement of technical cooperation\n\n"
            "The Human Rights Council,\n\nRecalling its resolution 18/18,\n\n"
            "1. Decides to continue;\n\n37th meeting\n27 September 2012\n\n"
            "[Adopted without a vote.]\n");
    assert_string_equal(doc.info.id, "A/HRC/RES/21/21");
    assert_int_equal(doc.info.session, 21);
    assert_string_equal(doc.info.title, "Enhancement of technical cooperation");
    assert_string_equal(doc.info.date, "2012-09-27");
    assert_int_equal(doc.info.meeting, 37);
    assert_string_equal(doc.info.vote, "without-vote");
    assert_int_equal(doc.nrefs, 1);
    assert_string_equal(doc.refs[0].target, "A/HRC/RES/18/18");
    cite_doc_release(&doc);
}

static void
test_own_symbol_in_page_header_is_not_a_citation(void **state)
{
    (void)state;
    struct cite_doc doc;
    extract(&doc, CITE_LANG_EN,
            "A/HRC/RES/19/23\n\nThe Human Rights Council,\n\n"
            "Recalling resolution 16/6,\n\nA/HRC/RES/19/23\n\n1. Decides;\n");
    assert_string_equal(doc.info.id, "A/HRC/RES/19/23");
    assert_int_equal(doc.nrefs, 1);
    assert_string_equal(doc.refs[0].target, "A/HRC/RES/16/6");
    cite_doc_release(&doc);
}

static void
test_position_is_line_and_code_point_column(void **state)
{
    (void)state;
    struct cite_doc doc;
    extract(&doc, CITE_LANG_ZH, "人权理事会，\n\n回顾第 5/1 号决议，\n");
    assert_int_equal(doc.nrefs, 1);
    assert_int_equal(doc.refs[0].line, 3);
    assert_int_equal(doc.refs[0].column, 3); /* after 回顾 */
    cite_doc_release(&doc);
}

static void
test_number_alone_on_its_line_opens_the_operative_paragraph(void **state)
{
    (void)state;
    struct cite_doc doc;
    extract(&doc, CITE_LANG_FR,
            "Le Conseil de sécurité,\n\nRappelant sa résolution 1483 (2003),\n\n"
            "1.\nDécide de proroger les mesures imposées par sa résolution 1521 (2003) ;\n");
    assert_int_equal(doc.nrefs, 2);
    assert_string_equal(doc.refs[0].where, "PP1");
    assert_string_equal(doc.refs[1].where, "OP1");
    assert_int_equal(doc.refs[1].relation, CITE_REL_DECIDING);
    cite_doc_release(&doc);
}

static void
test_operative_verb_without_number_opens_the_operative_part(void **state)
{
    (void)state;
    struct cite_doc doc;
    extract(&doc, CITE_LANG_EN,
            "The Security Council,\n\nRecalling its resolution 1483 (2003),\n\n"
            "Decides to renew the measures imposed by resolution 1521 (2003);\n\n"
            "2. Requests the Secretary-General to report under resolution 1546 (2004);\n");
    assert_int_equal(doc.nrefs, 3);
    assert_string_equal(doc.refs[1].where, "OP1");
    assert_string_equal(doc.refs[2].where, "OP2");
    assert_int_equal(doc.refs[2].relation, CITE_REL_REQUESTING);
    cite_doc_release(&doc);
}

static void
test_arabic_idh_marks_a_preambular_paragraph(void **state)
{
    (void)state;
    struct cite_doc doc;
    extract(&doc, CITE_LANG_AR,
            "إن مجلس الأمن،\n\nإذ يرحب بقراره 1483 (2003)،\n\nيرحب بقراره 1511 (2003)،\n");
    assert_int_equal(doc.nrefs, 2);
    assert_string_equal(doc.refs[0].where, "PP1");
    assert_string_equal(doc.refs[1].where, "OP1");
    cite_doc_release(&doc);
}

static void
test_language_detection(void **state)
{
    (void)state;
    struct cite_text t;
    const char *zh = "人权理事会，回顾第 5/1 号决议";
    const char *en = "The Human Rights Council, recalling the resolution of the Council";
    cite_text_init_mem(&t, "a", zh, strlen(zh));
    assert_int_equal(cite_extract_detect_lang(&t), CITE_LANG_ZH);
    cite_text_release(&t);
    cite_text_init_mem(&t, "b", en, strlen(en));
    assert_int_equal(cite_extract_detect_lang(&t), CITE_LANG_EN);
    cite_text_release(&t);
    /* a Chinese opening (a quoted title, a masthead) before an English
     * text four times as many letters long is English: the count is not
     * cut short by the ideographs read first; and the same opening before
     * a shorter English text is Chinese */
    for (int longer = 0; longer < 2; longer++) {
        struct cite_i_buf b = CITE_I_BUF_INIT;
        for (int k = 0; k < 100; k++) {
            cite_i_buf_adds(&b, zh); /* 11 ideographs a time */
        }
        size_t han = 100 * 11, letters = 0;
        while (letters <= (longer ? 4 * han : 2 * han)) {
            cite_i_buf_adds(&b, en);
            letters += 55; /* the letters of en */
        }
        cite_text_init_mem(&t, "c", b.ptr, b.len);
        assert_int_equal(cite_extract_detect_lang(&t),
                         longer ? CITE_LANG_EN : CITE_LANG_ZH);
        cite_text_release(&t);
        cite_i_buf_release(&b);
    }
    /* letters are counted eight bytes at a time, 255 words between sums:
     * 4,096 letters in a row (a long run of OCR, say) all count, and
     * outnumber four times 1,000 ideographs */
    struct cite_i_buf b = CITE_I_BUF_INIT;
    for (int k = 0; k < 4096; k++) {
        cite_i_buf_addc(&b, 'a');
    }
    for (int k = 0; k < 1000; k++) {
        cite_i_buf_adds(&b, "\xE4\xBA\xBA"); /* 人 */
    }
    cite_text_init_mem(&t, "d", b.ptr, b.len);
    assert_int_equal(cite_extract_detect_lang(&t), CITE_LANG_EN);
    cite_text_release(&t);
    cite_i_buf_release(&b);
}

/* The shortcut for Latin texts (enough ASCII letters before counting the
 * rest) never decides what the full count would not: an English opening
 * before Cyrillic or Arabic that outnumbers it stays Russian or Arabic,
 * accents and quotation marks in English keep it English; the common
 * words are counted up to the last byte of the text, and not beyond. */
static void
test_language_detection_of_latin_texts_is_the_full_count(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        enum cite_lang want;
    } cases[] = {
        /* 20 ASCII letters, then 24 Cyrillic (each two bytes) */
        {"The Council recalls: Совет Безопасности напоминает", CITE_LANG_RU},
        {"The Council recalls: مجلس الأمن يشير إلى القرار", CITE_LANG_AR},
        /* a few ASCII letters and many more ideographs */
        {"Council 人权理事会回顾第号决议", CITE_LANG_ZH},
        /* 30 ASCII letters and 11 ideographs: Chinese (30 <= 4 x 11) */
        {"abcdefghij abcdefghij abcdefghij 人权理事会回顾第号决议", CITE_LANG_ZH},
        /* 45: no longer */
        {"abcdefghij abcdefghij abcdefghij abcdefghij abcde 人权理事会回顾第号决议",
         CITE_LANG_EN},
        {"The Council\u2019s r\u00e9solution \u2014 of the States and the "
         "Parties", CITE_LANG_EN},
        {"les droits des femmes et du Conseil", CITE_LANG_FR},
        {"los derechos de las mujeres y del Consejo", CITE_LANG_ES},
        /* "y" last, with its space: counted; then without: not */
        {"rights of x y ", CITE_LANG_EN},           /* en 1, es 1 */
        {"derechos y las y ", CITE_LANG_ES},        /* es 2 (y, las) + y */
        {"derechos the las y", CITE_LANG_EN},       /* es 1 (las), en 1 */
        {"x resolution", CITE_LANG_EN},
        {"x resolutio", CITE_LANG_EN},              /* nothing counted */
        {"x les des resolutio", CITE_LANG_FR},
        {"x les des resolution resolution resolution", CITE_LANG_EN},
        {"1234 5678", CITE_LANG_UNKNOWN},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct cite_text t;
        cite_text_init_mem(&t, "a", cases[i].text, strlen(cases[i].text));
        enum cite_lang got = cite_extract_detect_lang(&t);
        if (got != cases[i].want) {
            fail_msg("'%s': %s, not %s", cases[i].text, cite_lang_code(got),
                     cite_lang_code(cases[i].want));
        }
        cite_text_release(&t);
    }
}

/* A Latin text is settled after the first kilobyte where one language
 * has 32 common words and four times the others': an English opening
 * decides, and the French after it is not read; an opening with fewer
 * than four English words to a French one does not, and the whole sample
 * is counted. */
static void
test_language_detection_settles_a_clear_opening_early(void **state)
{
    (void)state;
    static const struct {
        const char *open; /* 128 bytes, 8 times: the first kilobyte */
        enum cite_lang want;
    } cases[] = {
        /* 95 English words in the first kilobyte, no French */
        {"the rights and the duties of States and the Council of the rights "
         "and the duties of the States xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx ",
         CITE_LANG_EN},
        /* 79 English and 24 French: fewer than four to one */
        {"the rights and the duties of States and the Council et du of the "
         "rights and the duties et States xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx ",
         CITE_LANG_FR},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(strlen(cases[i].open), 128);
        struct cite_i_buf b = CITE_I_BUF_INIT;
        for (int k = 0; k < 8; k++) {
            cite_i_buf_adds(&b, cases[i].open);
        }
        /* then 8 KB of French: 6 of its words in each 64 bytes */
        for (int k = 0; k < 128; k++) {
            cite_i_buf_adds(&b, "les droits des femmes et du Conseil et les Etats xxxxxxxxxxxxxx ");
        }
        struct cite_text t;
        cite_text_init_mem(&t, "a", b.ptr, b.len);
        enum cite_lang got = cite_extract_detect_lang(&t);
        if (got != cases[i].want) {
            fail_msg("case %zu: %s, not %s", i, cite_lang_code(got),
                     cite_lang_code(cases[i].want));
        }
        cite_text_release(&t);
        cite_i_buf_release(&b);
    }
}

static void
test_extraction_is_total_on_junk(void **state)
{
    (void)state;
    /* digits and slashes, broken UTF-8, NUL bytes: no crash, no citation */
    char junk[4096];
    for (size_t i = 0; i < sizeof junk; i++) {
        junk[i] = "0123456789/()第号决议\xff\x00 \n"[i % 24];
    }
    for (int lang = CITE_LANG_ZH; lang <= CITE_LANG_EN; lang++) {
        struct cite_text t;
        cite_text_init_mem(&t, "junk", junk, sizeof junk);
        struct cite_doc doc;
        cite_doc_init(&doc);
        cite_extract_doc(&doc, &t, (enum cite_lang)lang, NULL);
        for (size_t i = 0; i < doc.nrefs; i++) {
            assert_non_null(doc.refs[i].target);
        }
        cite_doc_release(&doc);
        cite_text_release(&t);
    }
}

/* Tokens of s[0..n) in lt, into tb (emptied first). */
static void
lex_all(const struct lang_table *lt, const char *s, size_t n, struct tok_buf *tb)
{
    int at_break = 1;
    tok_buf_clear(tb);
    size_t off = 0;
    while (off < n) {
        off = cite_i_lex(lt, s, off, n, tb, (size_t)1 << 28, &at_break);
    }
}

/*
 * Fails, naming what, unless tb's hot list (struct tok_buf) holds exactly
 * the tokens the walk acts on, and its list of breaks every break, found
 * again here from the tokens.  The hot tokens: breaks, symbols, ";" and
 * ".", a "," with "and" next (line breaks apart), the keywords the walk
 * looks for (listed here, not taken from the engine) and, in lt where the
 * kind word follows the number, numbers.
 */
static void
assert_hot_list(const char *what, const struct lang_table *lt,
                const struct tok_buf *tb)
{
    static const int classes[] = {KW_BODY, KW_INSTRUMENT, KW_RES,      KW_DEC,
                                  KW_STATEMENT, KW_PARA, KW_SUBPARA, KW_DI,
                                  KW_ANAPHORA, KW_IBID};
    size_t k = 0;
    for (size_t i = 0; i < tb->n; i++) {
        const struct tok *t = &tb->v[i];
        int hot = 0;
        if (t->kind == T_NL || t->kind == T_PARA || t->kind == T_SYMBOL) {
            hot = 1;
        } else if (t->kind == T_PUNCT && (t->ch == ';' || t->ch == '.')) {
            hot = 1;
        } else if (t->kind == T_PUNCT && t->ch == ',') {
            size_t j = i + 1;
            while (j < tb->n && tb->v[j].kind == T_NL) {
                j++;
            }
            hot = j < tb->n && tb->v[j].kind == T_KW && tb->v[j].kw->cls == KW_AND;
        } else if (t->kind == T_KW) {
            for (size_t c = 0; c < sizeof classes / sizeof classes[0]; c++) {
                hot |= t->kw->cls == classes[c];
            }
        } else if (t->kind == T_NUM || t->kind == T_CNUM) {
            hot = lt->kind_after;
        }
        if (!hot) {
            continue;
        }
        if (k >= tb->nhot || tb->hot[k] != i) {
            fail_msg("%s: token %zu (kind %d, byte %zu) is not in the hot list",
                     what, i, t->kind, (size_t)t->off);
        }
        k++;
    }
    if (k != tb->nhot) {
        fail_msg("%s: %zu hot tokens, not %zu", what, tb->nhot, k);
    }
    /* and the breaks, every one in order */
    k = 0;
    for (size_t i = 0; i < tb->n; i++) {
        if (tb->v[i].kind != T_NL && tb->v[i].kind != T_PARA) {
            continue;
        }
        if (k >= tb->nbrk || tb->brk[k] != i) {
            fail_msg("%s: break %zu (byte %zu) is not in the list of breaks", what, i,
                     (size_t)tb->v[i].off);
        }
        k++;
    }
    if (k != tb->nbrk) {
        fail_msg("%s: %zu breaks listed, not %zu", what, tb->nbrk, k);
    }
}

/* The tokens of s[0..n) with the lexer's word look-up and fast paths on
 * (fast), and with every keyword tried instead (slow); the hot list of
 * each is checked. */
static void
lex_fast_and_slow(const struct lang_table *lt, const char *s, size_t n,
                  struct tok_buf *fast, struct tok_buf *slow)
{
    cite_i_lex_word_index(1);
    lex_all(lt, s, n, fast);
    cite_i_lex_word_index(0);
    lex_all(lt, s, n, slow);
    cite_i_lex_word_index(1);
    assert_hot_list(lt->code, lt, fast);
    assert_hot_list(lt->code, lt, slow);
}

/* A comma is hot only with "and" next, line breaks apart but not a
 * paragraph's, in a language with spaces and in Chinese. */
static void
test_a_comma_is_hot_only_before_and(void **state)
{
    (void)state;
    static const struct {
        enum cite_lang lang;
        const char *text;
        size_t commas; /* hot */
    } cases[] = {
        /* one blank line before a small letter is a page's break, two
         * are a paragraph's */
        {CITE_LANG_EN, "a, and b, c,\nand d,\n\n\nand e,\n \n and f, x and", 3},
        {CITE_LANG_EN, "resolutions 5/1, 5/2, and 5/3; and, and", 2},
        {CITE_LANG_ZH, "\xe7\x94\xb2\xef\xbc\x8c\xe5\x92\x8c\xe4\xb9\x99,\n\xe5\x92\x8c", 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct lang_table *lt = cite_i_lang_table(cases[i].lang);
        struct tok_buf fast = TOK_BUF_INIT, slow = TOK_BUF_INIT;
        lex_fast_and_slow(lt, cases[i].text, strlen(cases[i].text), &fast, &slow);
        size_t commas = 0;
        for (size_t k = 0; k < fast.nhot; k++) {
            const struct tok *t = &fast.v[fast.hot[k]];
            commas += t->kind == T_PUNCT && t->ch == ',';
        }
        if (commas != cases[i].commas) {
            fail_msg("case %zu: %zu hot commas, not %zu", i, commas, cases[i].commas);
        }
        cite_i_tok_buf_release(&fast);
        cite_i_tok_buf_release(&slow);
    }
}

/* Fails, naming what (the language and the text), unless fast and slow
 * hold the same tokens: kind, place, length, flags, keyword and value. */
static void
assert_same_tokens(const char *what, const struct tok_buf *fast,
                   const struct tok_buf *slow)
{
    if (fast->n != slow->n) {
        fail_msg("%s: %zu tokens, not %zu", what, fast->n, slow->n);
    }
    for (size_t i = 0; i < fast->n; i++) {
        const struct tok *f = &fast->v[i], *w = &slow->v[i];
        if (f->kind != w->kind || f->off != w->off || f->len != w->len ||
            f->flags != w->flags || f->kw != w->kw || f->val != w->val) {
            fail_msg("%s: token %zu at byte %zu: kind %d/%d, length %u/%u, "
                     "keyword '%s'/'%s'", what, i, w->off, f->kind, w->kind,
                     (unsigned)f->len, (unsigned)w->len,
                     f->kind == T_KW ? f->kw->text : "-",
                     w->kind == T_KW ? w->kw->text : "-");
        }
    }
}

/* The tokens of tb of kind k1 or k2. */
static size_t
count_tokens(const struct tok_buf *tb, int k1, int k2)
{
    size_t n = 0;
    for (size_t i = 0; i < tb->n; i++) {
        n += tb->v[i].kind == k1 || tb->v[i].kind == k2;
    }
    return n;
}

/* Appends keyword k's text to b as it may stand in a text: form 0 as
 * written, 1 Title case, 2 UPPER case (ASCII letters), 3 hyphenated at a
 * line end after its second byte, 4 with more letters after it. */
static void
add_form(struct cite_i_buf *b, const char *kw, int form)
{
    size_t n = strlen(kw);
    for (size_t i = 0; i < n; i++) {
        char ch = kw[i];
        if (ch == '*') {
            cite_i_buf_adds(b, "ями");
            continue;
        }
        if (ch >= 'a' && ch <= 'z' && (form == 2 || (form == 1 && i == 0))) {
            ch = (char)(ch - 32);
        }
        cite_i_buf_addc(b, ch);
        if (form == 3 && i == 1 && (unsigned char)kw[2] < 0x80 && kw[2] != ' ') {
            cite_i_buf_adds(b, "-\n");
        }
    }
    if (form == 4) {
        cite_i_buf_adds(b, "ing");
    }
}

/*
 * A word is first looked up by its letters as a whole, and only the
 * keywords opening with them are tried: the tokens must be exactly those
 * of trying every keyword, for every keyword of every table, in every
 * form, against the text before it and after it.
 */
static void
test_word_lookup_gives_the_tokens_of_trying_every_keyword(void **state)
{
    (void)state;
    static const char *const around[][2] = {
        {"", " x"}, {"the ", "\n"}, {"(", ")"}, {"\"", "\","},
        {"of the ", " and the General Assembly"}, {"l'", "s"}, {"", "-"},
        {"its ", " of 5 May"}, {"", "  \n  resolution 5/1"},
    };
    enum cite_lang langs[] = {CITE_LANG_EN, CITE_LANG_FR, CITE_LANG_ES,
                              CITE_LANG_RU, CITE_LANG_AR, CITE_LANG_ZH};
    size_t checked = 0;
    for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++) {
        const struct lang_table *lt = cite_i_lang_table(langs[l]);
        struct cite_i_buf b = CITE_I_BUF_INIT;
        for (size_t k = 0; k < lt->nkws; k++) {
            for (int form = 0; form < 5; form++) {
                for (size_t a = 0; a < sizeof around / sizeof around[0]; a++) {
                    cite_i_buf_adds(&b, around[a][0]);
                    add_form(&b, lt->kws[k].text, form);
                    cite_i_buf_adds(&b, around[a][1]);
                    cite_i_buf_addc(&b, a % 3 == 0 ? '\n' : ' ');
                }
            }
            /* and each keyword against the next, with nothing between */
            cite_i_buf_adds(&b, lt->kws[k].text);
            cite_i_buf_adds(&b, k + 1 < lt->nkws ? lt->kws[k + 1].text : "");
            cite_i_buf_addc(&b, '\n');
        }
        struct tok_buf fast = TOK_BUF_INIT, slow = TOK_BUF_INIT;
        lex_fast_and_slow(lt, b.ptr, b.len, &fast, &slow);
        assert_same_tokens(lt->code, &fast, &slow);
        size_t kws = count_tokens(&fast, T_KW, T_KW);
        /* the texts are mostly keywords: the comparison is not vacuous */
        assert_true(kws > 5 * lt->nkws);
        checked += fast.n;
        cite_i_tok_buf_release(&fast);
        cite_i_tok_buf_release(&slow);
        cite_i_buf_release(&b);
    }
    assert_true(checked > 10000);
}

/*
 * A word of up to 15 ASCII letters with 16 bytes of text from its start is
 * read eight bytes at a time; any other letter by letter.  Each keyword,
 * and words of 1 to 20 letters, stand here at every distance from the end
 * of the text (so that both ways read them), before a space, a hyphen, an
 * accented letter, an apostrophe and a digit, after a space (the lexer's
 * fast path for a word), in quotation marks or at a line's start; the
 * tokens must be those of trying every keyword.
 */
static void
test_word_lookup_is_the_same_near_the_end_of_the_text(void **state)
{
    (void)state;
    static const char *const after[] = {" ", "-\n", "\xC3\xA9", "'", "5", ""};
    /* the word after a space; in quotation marks; at a line's start */
    static const char *const before[] = {"x ", "\" x ", "x\n "};
    static const char letters[] = "resolutionsofthegeneralassembly";
    enum cite_lang langs[] = {CITE_LANG_EN, CITE_LANG_FR, CITE_LANG_ES, CITE_LANG_RU};
    size_t checked = 0, kws = 0;
    for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++) {
        const struct lang_table *lt = cite_i_lang_table(langs[l]);
        for (size_t k = 0; k < lt->nkws + 20; k++) {
            char word[64];
            if (k < lt->nkws) {
                snprintf(word, sizeof word, "%s", lt->kws[k].text);
            } else {
                snprintf(word, sizeof word, "%.*s", (int)(k - lt->nkws + 1), letters);
            }
            for (size_t a = 0; a < sizeof after / sizeof after[0]; a++) {
                for (size_t tail = 0; tail < 20; tail++) {
                    struct cite_i_buf b = CITE_I_BUF_INIT;
                    cite_i_buf_adds(&b, before[(a + tail) % 3]);
                    cite_i_buf_adds(&b, word);
                    cite_i_buf_adds(&b, after[a]);
                    for (size_t q = 0; q < tail; q++) {
                        cite_i_buf_addc(&b, q % 2 ? 'a' : ' ');
                    }
                    struct tok_buf fast = TOK_BUF_INIT, slow = TOK_BUF_INIT;
                    lex_fast_and_slow(lt, b.ptr, b.len, &fast, &slow);
                    char what[160];
                    snprintf(what, sizeof what, "%s: '%s' + %zu bytes", lt->code,
                             b.ptr, tail);
                    assert_same_tokens(what, &fast, &slow);
                    kws += count_tokens(&fast, T_KW, T_KW);
                    checked += fast.n;
                    cite_i_tok_buf_release(&fast);
                    cite_i_tok_buf_release(&slow);
                    cite_i_buf_release(&b);
                }
            }
        }
    }
    assert_true(checked > 100000);
    assert_true(kws > 10000);
}

/*
 * ASCII punctuation, runs of ASCII digits and words of small letters that
 * follow no letter have fast paths in the lexer.  Every ASCII byte stands
 * here between the characters that change what those paths may do: digits
 * (an OCR number "l5ll" or "20O4", full-width and Arabic-Indic digits that
 * go on from ASCII ones, other characters after them: 号, 年, é), an 'l'
 * that may open an OCR number, a capital before a small letter (and "Il5",
 * an OCR number again; "XXI", a Roman numeral; symbols), a letter before a
 * small one, '"' (quotation), a line start; the tokens must be
 * those of the general path, in every language.
 */
static void
test_ascii_fast_paths_give_the_tokens_of_the_general_path(void **state)
{
    (void)state;
    static const char *const around[][2] = {
        {"x ", " y"}, {"5", "5"}, {"12", "3"}, {"l", "5ll"}, {"20", "4 "},
        {"a", "b"}, {"\"", "\""}, {"\n", "le"}, {"Lo", "l"}, {"19", "l9"},
        {"1", "\xEF\xBC\x91"}, {"7", "\xD9\xA1 "}, {"\xC3\xA9", "of"},
    };
    /* and what a digit run or a word may run into */
    static const char *const runs[] = {
        "l5ll", "20O4", "2004l", "123456l", "1234567O", "5I", "ll5", "lll",
        "la", "lO5", "l", "12\xEF\xBC\x93", "3\xD9\xA3\xD9\xA4", "(l5ll)",
        "x5y", "resolution 5/1", "\xD0\xA5\xD0\xA5I", "99999999999999",
        "its resolutions 1l and 2", "5th", "a-\nb", ".5", "5.", "\"5\"",
        "4\xDB\xB4", "12\xE5\x8F\xB7", "2006\xE5\xB9\xB4", "60/251\xC3\xA9",
        "Il5", "Ol0l", "Ix", "Ox", "Council", "Secretariat", "XXI", "Xi", "A/HRC/5/1",
        "Ab/5", "S.4", "Recalling",
        /* keywords of several words, the next word looked at from the end
         * of the first: two spaces, a hyphen that joins across a line */
        "the  same resolution", "Human Rights  Council", "the -\nsame resolution",
        "its -\nresolution 5/1", "as\twell as",
    };
    enum cite_lang langs[] = {CITE_LANG_EN, CITE_LANG_FR, CITE_LANG_ES,
                              CITE_LANG_RU, CITE_LANG_AR, CITE_LANG_ZH};
    for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++) {
        const struct lang_table *lt = cite_i_lang_table(langs[l]);
        struct cite_i_buf b = CITE_I_BUF_INIT;
        for (int c = 0x01; c < 0x80; c++) {
            for (size_t a = 0; a < sizeof around / sizeof around[0]; a++) {
                cite_i_buf_adds(&b, around[a][0]);
                cite_i_buf_addc(&b, (char)c);
                cite_i_buf_adds(&b, around[a][1]);
                cite_i_buf_addc(&b, a % 4 == 0 ? '\n' : ' ');
            }
        }
        for (size_t r = 0; r < sizeof runs / sizeof runs[0]; r++) {
            for (size_t a = 0; a < sizeof around / sizeof around[0]; a++) {
                cite_i_buf_adds(&b, around[a][0]);
                cite_i_buf_adds(&b, runs[r]);
                cite_i_buf_adds(&b, around[a][1]);
                cite_i_buf_addc(&b, ' ');
            }
        }
        /* and a text that ends in a number */
        cite_i_buf_adds(&b, "resolution 60");
        struct tok_buf fast = TOK_BUF_INIT, slow = TOK_BUF_INIT;
        lex_fast_and_slow(lt, b.ptr, b.len, &fast, &slow);
        assert_same_tokens(lt->code, &fast, &slow);
        /* punctuation, numbers and OCR numbers were read: not vacuous */
        assert_true(count_tokens(&fast, T_PUNCT, T_PUNCT) > 500);
        assert_true(count_tokens(&fast, T_NUM, T_NUM) > 1000);
        size_t ocr = 0;
        for (size_t i = 0; i < fast.n; i++) {
            ocr += fast.v[i].kind == T_NUM && (fast.v[i].flags & TF_OCR);
        }
        assert_true(ocr > 20);
        cite_i_tok_buf_release(&fast);
        cite_i_tok_buf_release(&slow);
        cite_i_buf_release(&b);
    }
}

/*
 * A token that opens with an ideograph of U+4E00..U+9FFF has a fast path
 * in Chinese.  Every byte that is no such lead (ASCII, a continuation
 * byte, a lead of two or four bytes, E0..E3, EA..EF), before two
 * continuation bytes, after an ideograph and at a line's start, must give
 * the tokens of the general path (and, in make asan, never index the
 * table of ideographs out of its bounds).
 */
static void
test_only_ideographs_take_the_fast_path_of_ideographs(void **state)
{
    (void)state;
    const struct lang_table *lt = cite_i_lang_table(CITE_LANG_ZH);
    struct cite_i_buf b = CITE_I_BUF_INIT;
    static const unsigned char conts[][2] = {{0x80, 0x80}, {0xBE, 0xBF}, {0xA1, 0x8F}};
    for (unsigned lead = 0x01; lead < 0x100; lead++) {
        if (lead >= 0xE4 && lead <= 0xE9) {
            continue;
        }
        for (size_t k = 0; k < sizeof conts / sizeof conts[0]; k++) {
            cite_i_buf_adds(&b, lead % 2 ? "\xE7\x94\xB2" : "\n"); /* 甲, or a line start */
            cite_i_buf_addc(&b, (char)lead);
            cite_i_buf_addc(&b, (char)conts[k][0]);
            cite_i_buf_addc(&b, (char)conts[k][1]);
            cite_i_buf_adds(&b, "\xE7\xAC\xAC" "5" "\xE5\x8F\xB7 "); /* 第5号 */
        }
    }
    struct tok_buf fast = TOK_BUF_INIT, slow = TOK_BUF_INIT;
    lex_fast_and_slow(lt, b.ptr, b.len, &fast, &slow);
    assert_same_tokens("zh", &fast, &slow);
    assert_true(count_tokens(&fast, T_KW, T_KW) > 1000);
    cite_i_tok_buf_release(&fast);
    cite_i_tok_buf_release(&slow);
    cite_i_buf_release(&b);
}

/*
 * A run of Chinese ideographs is read three bytes at a time where the
 * character is one of U+4E00..U+9FFF that starts no keyword and is no
 * numeral.  Each character of U+4D00..U+A0FF (the block and the ones
 * around it) after a plain ideograph must end the run, or not, as trying
 * every keyword and numeral says.
 */
static void
test_runs_of_ideographs_stop_as_trying_every_keyword_does(void **state)
{
    (void)state;
    const struct lang_table *lt = cite_i_lang_table(CITE_LANG_ZH);
    struct cite_i_buf b = CITE_I_BUF_INIT;
    for (unsigned cp = 0x4D00; cp < 0xA100; cp++) {
        cite_i_buf_adds(&b, "\xE7\x94\xB2"); /* 甲: a plain ideograph */
        cite_i_buf_addc(&b, (char)(0xE0 | cp >> 12));
        cite_i_buf_addc(&b, (char)(0x80 | (cp >> 6 & 0x3F)));
        cite_i_buf_addc(&b, (char)(0x80 | (cp & 0x3F)));
        if (cp % 32 == 31) {
            cite_i_buf_addc(&b, '\n');
        }
    }
    struct tok_buf fast = TOK_BUF_INIT, slow = TOK_BUF_INIT;
    lex_fast_and_slow(lt, b.ptr, b.len, &fast, &slow);
    assert_same_tokens("zh", &fast, &slow);
    /* keywords and numerals stopped runs: the comparison is not vacuous */
    assert_true(count_tokens(&fast, T_KW, T_CNUM) > 20);
    cite_i_tok_buf_release(&fast);
    cite_i_tok_buf_release(&slow);
    cite_i_buf_release(&b);
}

/*
 * Inside a run of ideographs, a character that starts a keyword is ruled
 * out by the two after it when they are ideographs that no keyword of two
 * characters is, nor any longer one opens with (han_no_kw()).  For each
 * Chinese keyword of two characters or more: the keyword whole, its
 * first one or two characters and then others, broken by a line after
 * its first or second, at a run's start and inside one, and at the
 * text's end, all
 * give the tokens of trying every keyword.
 */
static void
test_ideographs_after_a_keyword_start_rule_it_out_as_trying_every_keyword_does(void **state)
{
    (void)state;
    const struct lang_table *lt = cite_i_lang_table(CITE_LANG_ZH);
    struct cite_i_buf b = CITE_I_BUF_INIT;
    size_t tried = 0;
    for (size_t i = 0; i < lt->nkws; i++) {
        const char *k = lt->kws[i].text;
        unsigned cp;
        size_t l1 = cite_i_utf8_decode((const unsigned char *)k, strlen(k), &cp);
        if ((unsigned char)k[0] < 0xE4 || (unsigned char)k[0] > 0xE9 || strlen(k) <= l1) {
            continue; /* not an ideograph first, or one character */
        }
        size_t l2 = l1 + cite_i_utf8_decode((const unsigned char *)k + l1, strlen(k) - l1, &cp);
        tried++;
        cite_i_buf_adds(&b, "\xE7\x94\xB2");       /* 甲 */
        cite_i_buf_adds(&b, k);                     /* whole, inside a run */
        cite_i_buf_adds(&b, "\xE7\x94\xB2\n");
        cite_i_buf_adds(&b, k);                     /* at a line's start */
        cite_i_buf_adds(&b, "\xE4\xB9\x99\xE4\xB8\x99\n"); /* 乙丙 */
        for (size_t cut = l1; cut <= l2 && cut < strlen(k); cut += l2 - l1) {
            cite_i_buf_adds(&b, "\xE7\x94\xB2");
            cite_i_buf_add(&b, k, cut);             /* a start, then others */
            cite_i_buf_adds(&b, "\xE4\xB9\x99\xE4\xB8\x99");
            cite_i_buf_add(&b, k, cut);             /* then one other */
            cite_i_buf_adds(&b, "\xE4\xB9\x99\xEF\xBC\x8C"); /* 乙， */
        }
        for (size_t cut = l1; cut <= l2 && cut < strlen(k); cut += l2 - l1) {
            cite_i_buf_adds(&b, "\xE7\x94\xB2");
            cite_i_buf_add(&b, k, cut);             /* a line break inside */
            cite_i_buf_addc(&b, '\n');
            cite_i_buf_adds(&b, k + cut);
            cite_i_buf_adds(&b, "\xE3\x80\x82\n"); /* 。 */
        }
    }
    /* and a keyword's start as the text's last character but one */
    cite_i_buf_adds(&b, "\xE7\x94\xB2\xE4\xBA\xBA\xE6\x9D\x83"); /* 甲人权 */
    struct tok_buf fast = TOK_BUF_INIT, slow = TOK_BUF_INIT;
    lex_fast_and_slow(lt, b.ptr, b.len, &fast, &slow);
    assert_same_tokens("zh", &fast, &slow);
    assert_true(tried > 50);
    /* each whole keyword at least, twice: the comparison is not vacuous */
    assert_true(count_tokens(&fast, T_KW, T_KW) > 2 * tried);
    cite_i_tok_buf_release(&fast);
    cite_i_tok_buf_release(&slow);
    cite_i_buf_release(&b);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_canonical_id_of_each_body),
        cmocka_unit_test(test_canonical_id_refuses_impossible_pairs),
        cmocka_unit_test(test_symbol_canon_removes_spaces_and_classifies),
        cmocka_unit_test(test_roman_numerals_only_canonical_forms),
        cmocka_unit_test(test_zh_date_in_digits_and_numerals),
        cmocka_unit_test(test_en_date_with_glued_footnote_number),
        cmocka_unit_test(test_impossible_date_is_not_a_date),
        cmocka_unit_test(test_zh_list_shares_one_hao_jueyi_and_date),
        cmocka_unit_test(test_zh_full_width_forms_at_every_alignment),
        cmocka_unit_test(test_en_list_with_oxford_comma),
        cmocka_unit_test(test_zh_pinpoints_after_the_citation),
        cmocka_unit_test(test_en_pinpoints_before_the_citation),
        cmocka_unit_test(test_body_of_year_numbered_resolution_from_sentence),
        cmocka_unit_test(test_unknown_body_is_reported),
        cmocka_unit_test(test_zh_header_gives_document_metadata),
        cmocka_unit_test(test_en_header_gives_document_metadata),
        cmocka_unit_test(test_own_symbol_in_page_header_is_not_a_citation),
        cmocka_unit_test(test_position_is_line_and_code_point_column),
        cmocka_unit_test(test_number_alone_on_its_line_opens_the_operative_paragraph),
        cmocka_unit_test(test_operative_verb_without_number_opens_the_operative_part),
        cmocka_unit_test(test_arabic_idh_marks_a_preambular_paragraph),
        cmocka_unit_test(test_language_detection),
        cmocka_unit_test(test_language_detection_of_latin_texts_is_the_full_count),
        cmocka_unit_test(test_language_detection_settles_a_clear_opening_early),
        cmocka_unit_test(test_a_comma_is_hot_only_before_and),
        cmocka_unit_test(test_extraction_is_total_on_junk),
        cmocka_unit_test(test_word_lookup_gives_the_tokens_of_trying_every_keyword),
        cmocka_unit_test(test_word_lookup_is_the_same_near_the_end_of_the_text),
        cmocka_unit_test(test_runs_of_ideographs_stop_as_trying_every_keyword_does),
        cmocka_unit_test(test_ideographs_after_a_keyword_start_rule_it_out_as_trying_every_keyword_does),
        cmocka_unit_test(test_only_ideographs_take_the_fast_path_of_ideographs),
        cmocka_unit_test(test_ascii_fast_paths_give_the_tokens_of_the_general_path),
    };
    return cmocka_run_group_tests_name("extract", tests, NULL, NULL);
}

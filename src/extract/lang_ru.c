/*
 * lang_ru.c - Russian: the keyword table.
 *
 * Russian inflects: a '*' in an entry swallows the rest of the word, so
 * "резолюци*" reads резолюция, резолюцию, резолюции, резолюцией.  The body
 * often follows the number in the genitive ("резолюцию 52/111 Генеральной
 * Ассамблеи"); dates read "от 12 декабря 1997 года".
 */
#include "extract_int.h"

#define K(t, c, v) {t, c, 0, v, NULL}
#define INSTR(t, slug) {t, KW_INSTRUMENT, 0, 0, slug}

static const struct kw kws[] = {
    K("резолюци*", KW_RES, 0),
    K("решени*", KW_DEC, 0),
    K("заявлени* председателя", KW_STATEMENT, 0),
    K("пункт*", KW_PARA, 0),
    K("подпункт*", KW_SUBPARA, 0),
    K("и", KW_AND, 0),
    K("а также", KW_AND, 0),
    K("по", KW_TO, 0),
    K("от", KW_OF, 0),
    K("года", KW_YEAR_MARK, 0),
    K("г", KW_YEAR_MARK, 0),

    K("января", KW_MONTH, 1), K("февраля", KW_MONTH, 2),
    K("марта", KW_MONTH, 3), K("апреля", KW_MONTH, 4),
    K("мая", KW_MONTH, 5), K("июня", KW_MONTH, 6),
    K("июля", KW_MONTH, 7), K("августа", KW_MONTH, 8),
    K("сентября", KW_MONTH, 9), K("октября", KW_MONTH, 10),
    K("ноября", KW_MONTH, 11), K("декабря", KW_MONTH, 12),

    K("совет* по правам человека", KW_BODY, CITE_BODY_HRC),
    K("совет*", KW_BODY, BODY_SELF),
    K("комисси* по правам человека", KW_BODY, CITE_BODY_CHR),
    K("генеральн* ассамбле*", KW_BODY, CITE_BODY_GA),
    K("ассамбле*", KW_BODY, CITE_BODY_GA),
    K("совет* безопасности", KW_BODY, CITE_BODY_SC),
    K("экономическ* и социальн* совет*", KW_BODY, CITE_BODY_ECOSOC),
    K("подкомисси*", KW_BODY, CITE_BODY_SUBCOM),
    K("сво*", KW_ITS, 0),

    K("ссылаясь", KW_VERB, CITE_REL_RECALLING),
    K("напоминая", KW_VERB, CITE_REL_RECALLING),
    K("подтверждая", KW_VERB, CITE_REL_REAFFIRMING),
    K("подтверждает", KW_VERB, CITE_REL_REAFFIRMING),
    K("признавая", KW_VERB, CITE_REL_RECOGNIZING),
    K("признает", KW_VERB, CITE_REL_RECOGNIZING),
    K("приветствуя", KW_VERB, CITE_REL_WELCOMING),
    K("приветствует", KW_VERB, CITE_REL_WELCOMING),
    K("отмечая", KW_VERB, CITE_REL_NOTING),
    K("отмечает", KW_VERB, CITE_REL_NOTING),
    K("принимая к сведению", KW_VERB, CITE_REL_TAKING_NOTE),
    K("принимает к сведению", KW_VERB, CITE_REL_TAKING_NOTE),
    K("памятуя", KW_VERB, CITE_REL_BEARING_IN_MIND),
    K("руководствуясь", KW_VERB, CITE_REL_GUIDED_BY),
    K("подчеркивая", KW_VERB, CITE_REL_STRESSING),
    K("подчеркивает", KW_VERB, CITE_REL_STRESSING),
    K("учитывая", KW_VERB, CITE_REL_CONSIDERING),
    K("рассмотрев", KW_VERB, CITE_REL_CONSIDERING),
    K("выражая", KW_VERB, CITE_REL_EXPRESSING),
    K("будучи", KW_VERB, CITE_REL_EXPRESSING),
    K("стремясь", KW_VERB, CITE_REL_EXPRESSING),
    K("постановляет", KW_VERB, CITE_REL_DECIDING),
    K("просит", KW_VERB, CITE_REL_REQUESTING),
    K("призывает", KW_VERB, CITE_REL_CALLING_UPON),
    K("настоятельно призывает", KW_VERB, CITE_REL_URGING),
    K("рекомендует", KW_VERB, CITE_REL_ENCOURAGING),
    K("предлагает", KW_VERB, CITE_REL_INVITING),
    K("одобряет", KW_VERB, CITE_REL_ENDORSING),
    K("осуждает", KW_VERB, CITE_REL_CONDEMNING),
    K("осуждая", KW_VERB, CITE_REL_CONDEMNING),
    K("выражает сожаление", KW_VERB, CITE_REL_DEPLORING),
    K("требует", KW_VERB, CITE_REL_DEMANDING),
    K("действуя", KW_VERB, CITE_REL_ACTING_UNDER),
    K("вновь", KW_VERB_MOD, 0),
    K("также", KW_VERB_MOD, 0),
    K("далее", KW_VERB_MOD, 0),
    K("еще раз", KW_VERB_MOD, 0),

    INSTR("устав* организации объединенных наций", "charter"),
    INSTR("устав*", "charter"),
    INSTR("всеобщ* деклараци* прав человека", "udhr"),
    INSTR("международн* пакт* о гражданских и политических правах", "iccpr"),
    INSTR("международн* пакт* об экономических, социальных и культурных правах", "icescr"),
    INSTR("венск* деклараци* и программ* действий", "vdpa"),
    INSTR("конвенци* о правах ребенка", "crc"),
    INSTR("конвенци* о правах инвалидов", "crpd"),

    K("эт* резолюци*", KW_ANAPHORA, 0),
    K("т* же резолюци*", KW_ANAPHORA, 0),
    K("указанн* резолюци*", KW_ANAPHORA, 0),
    K("вышеупомянут* резолюци*", KW_ANAPHORA, 0),
    K("настоящ* резолюци*", KW_PRESENT, 0),
    K("сесси*", KW_SESSION, 0),
    K("заседани*", KW_MEETING, 0),
    K("пункт* повестки дня", KW_AGENDA, 0),
    K("без голосования", KW_NO_VOTE, 0),
    K("единогласно", KW_UNANIMOUS, 0),
    K("там же", KW_IBID, 0),
    K("о", KW_TITLE_INTRO, 0),
    K("об", KW_TITLE_INTRO, 0),
};

const struct lang_table cite_i_lang_ru = {
    CITE_LANG_RU, "ru", 0, 0, kws, sizeof kws / sizeof kws[0],
};

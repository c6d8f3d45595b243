/*
 * lang_zh.c - Chinese: the keyword table.
 *
 * Chinese puts the kind after the number (第 5/1 号决议), prints dates as
 * 2007 年 6 月 18 日 or 一九七三年十月二十二日, and has no spaces between
 * words, so keywords match anywhere in a run of ideographs (longest first).
 */
#include "extract_int.h"

#define K(t, c, v) {t, c, 0, v, NULL}
#define INSTR(t, slug) {t, KW_INSTRUMENT, 0, 0, slug}

static const struct kw kws[] = {
    K("决议", KW_RES, 0),
    K("决议案", KW_RES, 0),
    K("各项决议", KW_RES, 1),
    K("决定", KW_DEC, 0),
    K("主席声明", KW_STATEMENT, 0),
    K("段", KW_PARA, 0),
    K("和", KW_AND, 0),
    K("及", KW_AND, 0),
    K("以及", KW_AND, 0),
    K("至", KW_TO, 0),
    K("第", KW_DI, 0),
    K("号", KW_HAO, 0),
    K("年", KW_YEAR_MARK, 0),
    K("月", KW_MONTH_MARK, 0),
    K("日", KW_DAY_MARK, 0),

    K("人权理事会", KW_BODY, CITE_BODY_HRC),
    K("理事会", KW_BODY, BODY_SELF),
    K("人权委员会", KW_BODY, CITE_BODY_CHR),
    K("大会", KW_BODY, CITE_BODY_GA),
    K("联合国大会", KW_BODY, CITE_BODY_GA),
    K("安全理事会", KW_BODY, CITE_BODY_SC),
    K("安理会", KW_BODY, CITE_BODY_SC),
    K("经济及社会理事会", KW_BODY, CITE_BODY_ECOSOC),
    K("经社理事会", KW_BODY, CITE_BODY_ECOSOC),
    K("促进和保护人权小组委员会", KW_BODY, CITE_BODY_SUBCOM),
    K("其", KW_ITS, 0),

    K("回顾", KW_VERB, CITE_REL_RECALLING),
    K("忆及", KW_VERB, CITE_REL_RECALLING),
    K("重申", KW_VERB, CITE_REL_REAFFIRMING),
    K("确认", KW_VERB, CITE_REL_RECOGNIZING),
    K("认识到", KW_VERB, CITE_REL_RECOGNIZING),
    K("承认", KW_VERB, CITE_REL_ACKNOWLEDGING),
    K("欢迎", KW_VERB, CITE_REL_WELCOMING),
    K("注意到", KW_VERB, CITE_REL_NOTING),
    K("表示注意到", KW_VERB, CITE_REL_TAKING_NOTE),
    K("铭记", KW_VERB, CITE_REL_BEARING_IN_MIND),
    K("遵循", KW_VERB, CITE_REL_GUIDED_BY),
    K("以", KW_VERB_MOD, 0),
    K("强调", KW_VERB, CITE_REL_STRESSING),
    K("考虑到", KW_VERB, CITE_REL_CONSIDERING),
    K("表示", KW_VERB, CITE_REL_EXPRESSING),
    K("请", KW_VERB, CITE_REL_REQUESTING),
    K("要求", KW_VERB, CITE_REL_DEMANDING),
    K("吁请", KW_VERB, CITE_REL_CALLING_UPON),
    K("促请", KW_VERB, CITE_REL_URGING),
    K("敦促", KW_VERB, CITE_REL_URGING),
    K("鼓励", KW_VERB, CITE_REL_ENCOURAGING),
    K("邀请", KW_VERB, CITE_REL_INVITING),
    K("赞同", KW_VERB, CITE_REL_ENDORSING),
    K("核可", KW_VERB, CITE_REL_ENDORSING),
    K("谴责", KW_VERB, CITE_REL_CONDEMNING),
    K("痛惜", KW_VERB, CITE_REL_DEPLORING),
    K("申明", KW_VERB, CITE_REL_AFFIRMING),
    K("根据", KW_VERB, CITE_REL_ACTING_UNDER),
    K("赞赏", KW_VERB, CITE_REL_WELCOMING),
    K("核准", KW_VERB, CITE_REL_APPROVING),
    K("又", KW_VERB_MOD, 0),
    K("还", KW_VERB_MOD, 0),
    K("并", KW_VERB_MOD, 0),
    K("进一步", KW_VERB_MOD, 0),

    INSTR("联合国宪章", "charter"),
    INSTR("宪章", "charter"),
    INSTR("世界人权宣言", "udhr"),
    INSTR("公民权利和政治权利国际公约", "iccpr"),
    INSTR("经济、社会及文化权利国际公约", "icescr"),
    INSTR("经济、社会、文化权利国际公约", "icescr"),
    INSTR("维也纳宣言和行动纲领", "vdpa"),
    INSTR("儿童权利公约", "crc"),
    INSTR("消除对妇女一切形式歧视公约", "cedaw"),
    INSTR("消除一切形式种族歧视国际公约", "icerd"),
    INSTR("禁止酷刑和其他残忍、不人道或有辱人格的待遇或处罚公约", "cat"),
    INSTR("残疾人权利公约", "crpd"),

    K("该决议", KW_ANAPHORA, 0),
    K("上述决议", KW_ANAPHORA, 0),
    K("本决议", KW_PRESENT, 0),
    K("届会议", KW_SESSION, 0),
    K("届会", KW_SESSION, 0),
    K("次会议", KW_MEETING, 0),
    K("次全体会议", KW_MEETING, 0),
    K("议程项目", KW_AGENDA, 0),
    K("未经表决获得通过", KW_NO_VOTE, 0),
    K("未经表决通过", KW_NO_VOTE, 0),
    K("一致通过", KW_UNANIMOUS, 0),
    K("通过的决议", KW_ADOPTED, 0),
};

const struct lang_table cite_i_lang_zh = {
    CITE_LANG_ZH, "zh", 1, 1, kws, sizeof kws / sizeof kws[0],
};

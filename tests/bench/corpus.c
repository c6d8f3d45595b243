/*
 * corpus.c - a synthetic corpus of resolution texts with known citations,
 * for the benchmarks (tests/bench/compare.sh).
 *
 *   corpus [-n DOCS] [-o DIR] [-s SEED]
 *   corpus -V                   the generator's version (see CORPUS_VERSION)
 *
 * writes, under DIR (default bench-corpus):
 *   texts/<SYMBOL>.<zh|en>.txt  one text per document, as text extracted
 *                               from the PDF of a resolution reads
 *   edges.txt                   the network: "citing cited", one distinct
 *                               pair a line (what python-igraph and
 *                               networkx load)
 *   truth.tsv                   citing, cited, file and the words of its
 *                               first mention (from the list member on),
 *                               one distinct pair a line (what recall and
 *                               precision are measured against)
 *   corpus.info                 key=value: documents, bytes, pairs, the
 *                               most cited document, the newest one
 *
 * Documents are dated from 1976 to 2025 in order, each a resolution of
 * the General Assembly, the Security Council, the Human Rights Council
 * (from 2006) or the Commission on Human Rights (until 2005), numbered as
 * those bodies number them.  Half are Chinese, half English.  Each cites
 * 10 to 40 earlier documents chosen by preferential attachment (the chance
 * to be cited is the citations already received plus one), in the shapes
 * real texts use: its resolutions in lists with dates, another body's
 * resolutions named by the body, Security Council numbers with their year,
 * Chinese 第 ... 号决议 with shared heads, pinpoints, a cited resolution
 * cited again in an operative paragraph; also reports and statements by
 * symbol and the named instruments.  The rest is prose from word lists, so
 * that the bytes (CJK in UTF-8, words, a few digits) are those of real
 * texts; English paragraphs are wrapped as PDF text is, and every few
 * kilobytes a page ends with its footnotes, a GE job number and a page
 * number, and the next starts with the document's symbol.  Lengths vary
 * from 3 to 40 KB, about 10 KB on average.  The same arguments give the
 * same bytes everywhere (xorshift64*, integers only).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

enum body { GA, SC, HRC, CHR };
enum lang { EN, ZH };

struct doc {
    unsigned char body, lang;
    short year, month, day;
    int session; /* GA and HRC session; CHR and SC: the year */
    int number;  /* within the session (SC: the running number) */
    int meeting;
    char id[40];
};

struct buf {
    char *s;
    size_t n, cap;
};

static unsigned long long state = 0x9E3779B97F4A7C15ULL;

static unsigned long long
rnd(void)
{
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 2685821657736338717ULL;
}

/* a number in [0, n) */
static unsigned
below(unsigned n)
{
    return (unsigned)((rnd() >> 33) % n);
}

/* true with probability pct / 100 */
static int
chance(unsigned pct)
{
    return below(100) < pct;
}

#define PICK(a) ((a)[below(sizeof(a) / sizeof((a)[0]))])

static void *
xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (p == NULL) {
        fprintf(stderr, "corpus: out of memory\n");
        exit(3);
    }
    return p;
}

static void
bgrow(struct buf *b, size_t more)
{
    if (b->n + more + 1 > b->cap) {
        while (b->n + more + 1 > b->cap) {
            b->cap = b->cap ? b->cap * 2 : 4096;
        }
        b->s = xrealloc(b->s, b->cap);
    }
}

static void
bput(struct buf *b, const char *s)
{
    size_t n = strlen(s);
    bgrow(b, n);
    memcpy(b->s + b->n, s, n + 1);
    b->n += n;
}

static void
bprintf(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    bgrow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->n, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)n;
}

/* --- words ----------------------------------------------------------------
 * No body is named in the prose and no word of it is a citation ("its",
 * "resolution", "Council", "Charter" are kept out), so that the truth is
 * what the citation phrases say and nothing else. */

static const char *const months[] = {"January", "February", "March",     "April",
                                     "May",     "June",     "July",      "August",
                                     "September", "October", "November", "December"};

static const char *const np_en[] = {
    "the promotion and protection of all human rights",
    "technical cooperation and capacity-building",
    "the States concerned",
    "national human rights institutions",
    "civil society organizations",
    "the Office of the United Nations High Commissioner for Human Rights",
    "the universal periodic review",
    "the relevant United Nations funds, programmes and agencies",
    "regional and subregional organizations",
    "the rule of law",
    "the administration of justice",
    "persons in vulnerable situations",
    "women and girls",
    "children and young people",
    "indigenous peoples",
    "persons with disabilities",
    "migrants, refugees and internally displaced persons",
    "the right to development",
    "sustainable development",
    "economic, social and cultural rights",
    "civil and political rights",
    "the full and effective participation of all",
    "gender equality and the empowerment of women",
    "access to justice and effective remedies",
    "the elimination of all forms of discrimination",
    "international cooperation and solidarity",
    "the special procedures",
    "the human rights treaty bodies",
    "the voluntary fund for technical cooperation",
    "transparency and accountability",
    "the independence of the judiciary",
    "the safety of journalists and media workers",
    "freedom of opinion and expression",
    "the right to education",
    "the right to the enjoyment of the highest attainable standard of health",
    "food security and nutrition",
    "the adverse effects of climate change",
    "humanitarian assistance",
    "international peace and security",
    "the protection of civilians in armed conflict",
    "post-conflict peacebuilding and recovery",
    "good governance",
    "democratic institutions",
    "the exchange of good practices and lessons learned",
    "national legislation, policies and programmes",
    "adequate financial and human resources",
    "the Secretary-General",
    "all Member States",
    "the international community",
    "the private sector",
    "the poorest and most marginalized",
    "the prevention of violence",
    "early warning and early action",
    "the reintegration of former combatants",
    "small arms and light weapons",
    "the illicit trafficking of cultural property",
    "the freedom of peaceful assembly and of association",
    "the digital divide",
    "new and emerging technologies",
    "public health emergencies",
};

static const char *const vp_en[] = {
    "to continue to support", "to strengthen", "to promote", "to ensure",
    "to take all measures necessary to guarantee", "to cooperate fully with",
    "to provide adequate resources for", "to give due consideration to",
    "to address", "to enhance", "to facilitate", "to contribute to",
    "to report regularly on", "to mainstream", "to protect", "to respect and fulfil",
};

static const char *const link_en[] = {
    " and ", ", including ", ", in particular ", ", as well as ", " with a view to ensuring ",
    " through ", " in the context of ", " for ", " and of ", " so as to reinforce ",
};

static const char *const adv_en[] = {
    "at the national, regional and international levels",
    "in consultation with and with the consent of the States concerned",
    "within existing resources",
    "in a timely manner",
    "on a regular basis",
    "by 2030",
    "since 2015",
    "during the period 2024-2027",
    "in at least 40 countries",
    "for the biennium 2026-2027",
    "in line with Goal 16 of the 2030 Agenda for Sustainable Development",
    "by up to 25 per cent",
    "in all 193 Member States",
    "with full respect for human dignity",
};

static const char *const pp_en[] = {
    "Recognizing the importance of",
    "Emphasizing the need for",
    "Stressing the role of",
    "Acknowledging",
    "Deeply concerned about",
    "Convinced of the value of",
    "Noting with appreciation",
    "Affirming the importance of",
    "Underlining the contribution of",
    "Expressing concern at",
    "Considering",
    "Mindful of",
};

static const char *const op_en[] = {
    "Welcomes",
    "Requests the Secretary-General",
    "Decides",
    "Calls upon all States",
    "Encourages States",
    "Urges",
    "Invites",
    "Reaffirms the importance of",
    "Emphasizes",
    "Stresses the need for",
    "Notes with appreciation",
    "Recognizes",
};

static const char *const cite_pp_en[] = {
    "Recalling",   "Recalling also", "Reaffirming", "Reaffirming also", "Bearing in mind",
    "Noting",      "Welcoming",      "Recalling further", "Taking into account",
};

static const char *const np_zh[] = {
    "增进和保护所有人权", "技术合作和能力建设", "有关国家", "国家人权机构",
    "民间社会组织", "联合国人权事务高级专员办事处", "普遍定期审议",
    "联合国有关基金、方案和机构", "区域和次区域组织", "法治", "司法工作",
    "处境脆弱者", "妇女和女童", "儿童和青年", "土著人民", "残疾人",
    "移民、难民和境内流离失所者", "发展权", "可持续发展", "经济、社会和文化权利",
    "公民权利和政治权利", "所有人充分有效参与", "性别平等和增强妇女权能",
    "诉诸司法和有效补救", "消除一切形式的歧视", "国际合作与团结", "各特别程序",
    "人权条约机构", "技术合作自愿基金", "透明度和问责制", "司法独立",
    "记者和媒体工作者的安全", "见解和言论自由", "受教育权",
    "享有能达到的最高标准身心健康的权利", "粮食安全和营养", "气候变化的不利影响",
    "人道主义援助", "国际和平与安全", "在武装冲突中保护平民", "冲突后建设和平与恢复",
    "善治", "民主机构", "交流良好做法和经验教训", "国家立法、政策和方案",
    "充足的财政和人力资源", "秘书长", "所有会员国", "国际社会", "私营部门",
    "最贫穷和最边缘化的群体", "预防暴力", "早期预警和早期行动", "前战斗人员重返社会",
    "小武器和轻武器", "非法贩运文化财产", "和平集会和结社自由", "数字鸿沟",
    "新技术和新兴技术", "突发公共卫生事件",
};

static const char *const vp_zh[] = {
    "继续支持", "加强", "促进", "确保", "采取一切必要措施保障", "充分配合",
    "提供充足资源用于", "适当考虑", "处理", "增强", "便利", "协助", "定期报告",
    "推动", "保护", "尊重和实现",
};

static const char *const link_zh[] = {
    "和", "，包括", "，尤其是", "以及", "，以便加强", "，通过", "方面的", "，并",
    "与", "，特别是",
};

static const char *const adv_zh[] = {
    "在国家、区域和国际各级", "在与有关国家协商并征得其同意的情况下", "在现有资源范围内",
    "及时", "定期", "到 2030 年", "自 2015 年以来", "在 2024-2027 年期间",
    "在至少 40 个国家", "在 2026-2027 两年期", "根据《2030 年可持续发展议程》目标 16",
    "最多 25%", "在所有 193 个会员国", "充分尊重人的尊严",
};

static const char *const pp_zh[] = {
    "确认", "强调", "又强调", "承认", "深为关切", "深信", "赞赏地注意到", "申明",
    "着重指出", "关切地注意到", "考虑到", "意识到",
};

static const char *const op_zh[] = {
    "欢迎", "请秘书长", "决定", "吁请所有国家", "鼓励各国", "敦促", "邀请", "重申",
    "强调", "赞赏地注意到", "确认", "着重指出",
};

static const char *const cite_pp_zh[] = {
    "回顾", "又回顾", "重申", "又重申", "铭记", "注意到", "欢迎", "还回顾", "考虑到",
};

static const char *const cn_digit[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

/* Chinese numeral for 1..199 */
static void
cn_num(struct buf *b, int n)
{
    if (n >= 100) {
        bput(b, cn_digit[n / 100]);
        bput(b, "百");
        n %= 100;
        if (n == 0) {
            return;
        }
        if (n < 10) {
            bput(b, "零");
        }
    }
    if (n >= 10) {
        if (n / 10 > 1) {
            bput(b, cn_digit[n / 10]);
        }
        bput(b, "十");
        n %= 10;
    }
    bput(b, cn_digit[n]);
}

static const char *const ord_unit[] = {"",      "first",  "second", "third",  "fourth",
                                       "fifth", "sixth",  "seventh", "eighth", "ninth"};
static const char *const ord_teen[] = {"tenth",     "eleventh",  "twelfth",    "thirteenth",
                                       "fourteenth", "fifteenth", "sixteenth",  "seventeenth",
                                       "eighteenth", "nineteenth"};
static const char *const tens[] = {"", "", "twenty", "thirty", "forty",
                                   "fifty", "sixty", "seventy", "eighty", "ninety"};
static const char *const ord_tens[] = {"", "", "twentieth", "thirtieth", "fortieth",
                                       "fiftieth", "sixtieth", "seventieth", "eightieth",
                                       "ninetieth"};

/* "Eighty-first" for 81 (1..99), capitalised when cap */
static void
en_ordinal(struct buf *b, int n, int cap)
{
    size_t at = b->n;
    if (n < 10) {
        bput(b, ord_unit[n]);
    } else if (n < 20) {
        bput(b, ord_teen[n - 10]);
    } else if (n % 10 == 0) {
        bput(b, ord_tens[n / 10]);
    } else {
        bprintf(b, "%s-%s", tens[n / 10], ord_unit[n % 10]);
    }
    if (cap && b->n > at) {
        b->s[at] = (char)(b->s[at] - 'a' + 'A');
    }
}

static const char *
suffix(int n)
{
    if (n % 100 >= 11 && n % 100 <= 13) {
        return "th";
    }
    switch (n % 10) {
    case 1:
        return "st";
    case 2:
        return "nd";
    case 3:
        return "rd";
    default:
        return "th";
    }
}

static void
date_en(struct buf *b, int y, int m, int d)
{
    bprintf(b, "%d %s %d", d, months[m - 1], y);
}

/* Human Rights Council texts space the digits, General Assembly ones not */
static void
date_zh(struct buf *b, int y, int m, int d, int spaced)
{
    bprintf(b, spaced ? "%d 年 %d 月 %d 日" : "%d年%d月%d日", y, m, d);
}

/* --- the documents ------------------------------------------------------- */

static const char *const body_en[] = {"General Assembly", "Security Council",
                                      "Human Rights Council", "Commission on Human Rights"};
static const char *const body_zh[] = {"大会", "安全理事会", "人权理事会", "人权委员会"};

static void
make_id(struct doc *d)
{
    switch (d->body) {
    case GA:
        snprintf(d->id, sizeof d->id, "A/RES/%d/%d", d->session, d->number);
        break;
    case SC:
        snprintf(d->id, sizeof d->id, "S/RES/%d(%d)", d->number, d->year);
        break;
    case HRC:
        snprintf(d->id, sizeof d->id, "A/HRC/RES/%d/%d", d->session, d->number);
        break;
    default:
        snprintf(d->id, sizeof d->id, "E/CN.4/RES/%d/%d", d->year, d->number);
        break;
    }
}

/* the number as a text prints it: 60/251, 1325 (2000) (Chinese 1325(2000)) */
static void
short_num(struct buf *b, const struct doc *d, int lang)
{
    if (d->body == SC && lang == ZH && chance(30)) {
        bprintf(b, "%d（%d）", d->number, d->year);
    } else if (d->body == SC) {
        bprintf(b, lang == ZH ? "%d(%d)" : "%d (%d)", d->number, d->year);
    } else if (d->body == CHR) {
        bprintf(b, "%d/%d", d->year, d->number);
    } else {
        bprintf(b, "%d/%d", d->session, d->number);
    }
}

/* --- one text ------------------------------------------------------------ */

struct text {
    struct buf out;    /* the whole file */
    struct buf notes;  /* footnotes of the current page */
    const struct doc *d;
    size_t page_start; /* offset in out where the page's body began */
    size_t page_len;   /* bytes after which a page ends */
    int page, note, job;
    FILE *truth;
    const char *file;
    /* distinct targets of this text, for the truth */
    char (*seen)[48];
    int nseen, capseen;
};

static void
truth_add(struct text *t, const char *target, const char *mention)
{
    for (int i = 0; i < t->nseen; i++) {
        if (strcmp(t->seen[i], target) == 0) {
            return;
        }
    }
    if (t->nseen == t->capseen) {
        t->capseen = t->capseen ? 2 * t->capseen : 64;
        t->seen = xrealloc(t->seen, (size_t)t->capseen * sizeof *t->seen);
    }
    snprintf(t->seen[t->nseen++], sizeof t->seen[0], "%s", target);
    /* the mention on one line, at most 100 bytes (cut at a UTF-8 boundary) */
    char m[128];
    size_t n = 0;
    for (const char *p = mention; *p && n < 100; p++) {
        m[n++] = (*p == '\t' || *p == '\n') ? ' ' : *p;
    }
    while (n > 0 && n < strlen(mention) && ((unsigned char)mention[n] & 0xC0) == 0x80) {
        n--;
    }
    m[n] = 0;
    fprintf(t->truth, "%s\t%s\t%s\t%s\n", t->d->id, target, t->file, m);
}

static void
page_break(struct text *t)
{
    const struct doc *d = t->d;
    if (t->notes.n > 0) {
        bput(&t->out, "__________________\n");
        bput(&t->out, t->notes.s);
        t->notes.n = 0;
        t->notes.s[0] = 0;
    }
    bprintf(&t->out, "\n%d\n\nGE.%02d-%05d (%c)\n\n", t->page, d->year % 100, t->job,
            d->lang == ZH ? 'C' : 'E');
    t->page++;
    bprintf(&t->out, "%s\n\n", d->id);
    t->page_start = t->out.n;
    t->page_len = 2600 + below(1800);
}

/* A paragraph: English is wrapped at about 95 columns as PDF text is;
 * Chinese stays on one line. */
static void
paragraph(struct text *t, const char *s)
{
    if (t->out.n - t->page_start > t->page_len) {
        page_break(t);
    }
    if (t->d->lang == ZH) {
        bput(&t->out, s);
        bput(&t->out, "\n\n");
        return;
    }
    size_t col = 0;
    const char *p = s;
    while (*p) {
        const char *e = strchr(p, ' ');
        size_t w = e ? (size_t)(e - p) : strlen(p);
        if (col > 0 && col + 1 + w > 95) {
            bput(&t->out, "\n");
            col = 0;
            /* PDF pages end where they end: in the middle of a sentence */
            if (t->out.n - t->page_start > t->page_len + 400) {
                page_break(t);
            }
        } else if (col > 0) {
            bput(&t->out, " ");
            col++;
        }
        bgrow(&t->out, w);
        memcpy(t->out.s + t->out.n, p, w);
        t->out.n += w;
        t->out.s[t->out.n] = 0;
        col += w;
        p += w;
        while (*p == ' ') {
            p++;
        }
    }
    bput(&t->out, "\n\n");
}

/* prose of about n bytes: noun and verb phrases joined by links */
static void
prose(struct buf *b, size_t n, int lang)
{
    size_t start = b->n;
    if (lang == ZH) {
        bput(b, PICK(np_zh));
        while (b->n - start < n) {
            if (chance(12)) {
                bput(b, "，");
                bput(b, PICK(adv_zh));
            }
            if (chance(30)) {
                bput(b, "，");
                bput(b, PICK(vp_zh));
            } else {
                bput(b, PICK(link_zh));
            }
            bput(b, PICK(np_zh));
        }
        return;
    }
    bput(b, PICK(np_en));
    while (b->n - start < n) {
        if (chance(12)) {
            bput(b, " ");
            bput(b, PICK(adv_en));
        }
        if (chance(30)) {
            bput(b, ", and ");
            bput(b, PICK(vp_en));
            bput(b, " ");
        } else {
            bput(b, PICK(link_en));
        }
        bput(b, PICK(np_en));
    }
}

/* One citation phrase for targets tg[0..n) (one body), naming the body
 * or saying "its" (其) for the citing body's own; each member dated or
 * not; the mention of each target goes to the truth. */
static void
cite_phrase(struct text *t, struct buf *b, const struct doc *const *tg, int n)
{
    const struct doc *d = t->d;
    int own = tg[0]->body == d->body;
    int dated = chance(60);
    size_t start = b->n, at[64];
    if (d->lang == EN) {
        if (own && chance(70)) {
            bput(b, d->body == HRC && chance(40) ? "Council " : "its ");
        } else if (own && d->body != HRC && d->body != CHR && chance(30)) {
            /* a bare number: the citing body's by default */
        } else {
            bprintf(b, "%s ", body_en[tg[0]->body]);
        }
        bput(b, n > 1 ? "resolutions " : "resolution ");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                bput(b, i == n - 1 ? " and " : ", ");
            }
            at[i] = i == 0 ? start : b->n;
            short_num(b, tg[i], EN);
            if (dated) {
                bput(b, " of ");
                date_en(b, tg[i]->year, tg[i]->month, tg[i]->day);
            }
            if (n == 1 && chance(8)) {
                bput(b, ", entitled \u201c");
                prose(b, 30, EN);
                bput(b, "\u201d");
            }
        }
    } else {
        int spaced = d->body == HRC || d->body == CHR;
        if (own && chance(60)) {
            bput(b, d->body == HRC ? "理事会" : "其");
        } else {
            bput(b, body_zh[tg[0]->body]);
        }
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                bput(b, i == n - 1 ? "和" : "、");
            }
            at[i] = i == 0 ? start : b->n;
            if (dated) {
                date_zh(b, tg[i]->year, tg[i]->month, tg[i]->day, spaced);
            }
            bput(b, tg[i]->body == SC || !spaced ? "第" : "第 ");
            short_num(b, tg[i], ZH);
            bput(b, tg[i]->body == SC || !spaced ? "号" : " 号");
        }
        bput(b, "决议");
    }
    /* the mention of each: the phrase from its member on (the first: with
     * the head) */
    for (int i = 0; i < n; i++) {
        truth_add(t, tg[i]->id, b->s + at[i]);
    }
}

/* An Assembly text citing one of its resolutions through a footnote:
 * "the outcome ...,1" with "1 Resolution 70/1." at the foot of the page
 * (Chinese: "《...》1，" and "1 第70/1号决议。"). */
static void
cite_footnote(struct text *t, struct buf *b, const struct doc *r)
{
    size_t at;
    if (t->d->lang == ZH) {
        bput(b, "《");
        prose(b, 20, ZH);
        bprintf(b, "》%d，", t->note);
        bprintf(&t->notes, "%d ", t->note);
        at = t->notes.n;
        bput(&t->notes, "第");
        short_num(&t->notes, r, ZH);
        bput(&t->notes, "号决议。\n");
    } else {
        bput(b, "the outcome on ");
        prose(b, 30, EN);
        bprintf(b, ",%d", t->note);
        bprintf(&t->notes, "%d ", t->note);
        at = t->notes.n;
        bput(&t->notes, "Resolution ");
        short_num(&t->notes, r, EN);
        bput(&t->notes, ".\n");
    }
    t->note++;
    truth_add(t, r->id, t->notes.s + at);
}

static void
cite_document(struct text *t, struct buf *b, const char *sym)
{
    size_t start = b->n;
    bput(b, sym);
    truth_add(t, sym, b->s + start);
}

static const struct {
    const char *en, *zh, *slug;
} instruments[] = {
    {"the Charter of the United Nations", "《联合国宪章》", "instrument:charter"},
    {"the Universal Declaration of Human Rights", "《世界人权宣言》", "instrument:udhr"},
    {"the International Covenant on Civil and Political Rights", "《公民权利和政治权利国际公约》",
     "instrument:iccpr"},
    {"the Vienna Declaration and Programme of Action", "《维也纳宣言和行动纲领》",
     "instrument:vdpa"},
    {"the Convention on the Rights of the Child", "《儿童权利公约》", "instrument:crc"},
    {"the Convention on the Rights of Persons with Disabilities", "《残疾人权利公约》",
     "instrument:crpd"},
};

struct corpus {
    struct doc *docs;
    long ndocs;
    long *pool;
    size_t npool;
    long *indeg;
};

static void
masthead(struct text *t, int adopt_y, int adopt_m, int adopt_d)
{
    const struct doc *d = t->d;
    struct buf *o = &t->out;
    int dy = d->year, dm = d->month, dd = d->day + 2 + (int)below(10);
    if (dd > 28) {
        dd -= 28;
        if (++dm > 12) {
            dm = 1;
            dy++;
        }
    }
    if (d->body == SC) {
        bprintf(o, "%s\n%s\n\n%s\n", d->lang == ZH ? "联合国" : "United Nations", d->id,
                d->lang == ZH ? "安全理事会" : "Security Council");
    } else {
        bprintf(o, "%s\n%s\n\n%s\n", d->lang == ZH ? "联合国" : "United Nations", d->id,
                d->body == CHR ? (d->lang == ZH ? "经济及社会理事会" : "Economic and Social Council")
                               : (d->lang == ZH ? "大会" : "General Assembly"));
    }
    bput(o, "Distr.: General\n");
    if (d->lang == ZH) {
        date_zh(o, dy, dm, dd, 0);
        bput(o, "\n\nChinese\nOriginal: English\n\n");
    } else {
        date_en(o, dy, dm, dd);
        bput(o, "\n\nOriginal: English\n\n");
    }
    int item = 1 + (int)below(140);
    if (d->lang == EN) {
        switch (d->body) {
        case GA:
            en_ordinal(o, d->session, 1);
            bprintf(o, " session\nAgenda item %d%s\n\n", item, chance(30) ? " (b)" : "");
            bput(o, "Resolution adopted by the General Assembly on ");
            date_en(o, adopt_y, adopt_m, adopt_d);
            bprintf(o, "\n\n[on the report of the %s Committee (", PICK(((const char *[]){
                                                                     "First", "Second", "Third",
                                                                     "Fifth", "Sixth"})));
            char sym[40];
            snprintf(sym, sizeof sym, "A/%d/%d/Add.%d", d->session, 400 + (int)below(300),
                     1 + (int)below(3));
            cite_document(t, o, sym);
            bprintf(o, ", para. %d)]\n\n", 8 + (int)below(60));
            bprintf(o, "%d/%d. ", d->session, d->number);
            break;
        case HRC:
            bput(o, "Human Rights Council\n");
            en_ordinal(o, d->session, 1);
            bprintf(o, " session\nAgenda item %d\n", 1 + item % 10);
            prose(o, 20, EN);
            bprintf(o, "\n\nResolution adopted by the Human Rights Council on ");
            date_en(o, adopt_y, adopt_m, adopt_d);
            bprintf(o, "\n\n%d/%d\n", d->session, d->number);
            break;
        case SC:
            bprintf(o, "Resolution %d (%d)\n\nAdopted by the Security Council at its %d%s "
                       "meeting, on ",
                    d->number, d->year, d->meeting, suffix(d->meeting));
            date_en(o, adopt_y, adopt_m, adopt_d);
            bput(o, "\n\n");
            break;
        default:
            bput(o, "Commission on Human Rights\n");
            en_ordinal(o, d->year - 1944, 1);
            bprintf(o, " session\nAgenda item %d\n\nCommission on Human Rights resolution "
                       "%d/%d: ",
                    1 + item % 20, d->year, d->number);
            break;
        }
        size_t at = o->n;
        prose(o, 40 + below(60), EN);
        o->s[at] = (char)(o->s[at] >= 'a' && o->s[at] <= 'z' ? o->s[at] - 'a' + 'A' : o->s[at]);
        if (d->body == SC) {
            o->n = at;
            o->s[at] = 0;
        } else {
            bput(o, "\n\n");
        }
        bprintf(o, "The %s,\n\n", body_en[d->body]);
    } else {
        switch (d->body) {
        case GA:
            bput(o, "第");
            cn_num(o, d->session);
            bprintf(o, "届会议\n议程项目%d%s\n\n", item, chance(30) ? "(b)" : "");
            date_zh(o, adopt_y, adopt_m, adopt_d, 0);
            bprintf(o, "大会决议\n\n[根据%s委员会的报告(",
                    PICK(((const char *[]){"第一", "第二", "第三", "第五", "第六"})));
            char sym[40];
            snprintf(sym, sizeof sym, "A/%d/%d/Add.%d", d->session, 400 + (int)below(300),
                     1 + (int)below(3));
            cite_document(t, o, sym);
            bprintf(o, "，第%d段)通过]\n\n%d/%d. ", 8 + (int)below(60), d->session, d->number);
            break;
        case HRC:
            bput(o, "人权理事会\n第");
            cn_num(o, d->session);
            bprintf(o, "届会议\n议程项目 %d\n", 1 + item % 10);
            prose(o, 20, ZH);
            bprintf(o, "\n\n人权理事会通过的决议*\n\n%d/%d\n\n", d->session, d->number);
            break;
        case SC:
            bprintf(o, "第%d(%d)号决议\n\n", d->number, d->year);
            date_zh(o, adopt_y, adopt_m, adopt_d, 0);
            bprintf(o, "安全理事会第%d次会议通过\n\n", d->meeting);
            break;
        default:
            bput(o, "人权委员会\n第");
            cn_num(o, d->year - 1944);
            bprintf(o, "届会议\n议程项目 %d\n\n人权委员会第 %d/%d 号决议：", 1 + item % 20,
                    d->year, d->number);
            break;
        }
        size_t at = o->n;
        prose(o, 30 + below(40), ZH);
        if (d->body == SC) {
            o->n = at;
            o->s[at] = 0;
        } else {
            bput(o, "\n\n");
        }
        bprintf(o, "%s，\n\n", body_zh[d->body]);
    }
    t->page_start = o->n;
}

static void
adoption(struct text *t)
{
    const struct doc *d = t->d;
    struct buf *o = &t->out;
    int vote = chance(70);
    int yes = 20 + (int)below(140), no = (int)below(15), abst = (int)below(40);
    if (d->body == SC) {
        return; /* the heading says when */
    }
    if (d->lang == EN) {
        if (d->body == GA) {
            bprintf(o, "%d%s plenary meeting\n", d->meeting, suffix(d->meeting));
            date_en(o, d->year, d->month, d->day);
            bput(o, "\n");
            return;
        }
        bprintf(o, "%d%s meeting\n", d->meeting, suffix(d->meeting));
        date_en(o, d->year, d->month, d->day);
        if (vote) {
            bput(o, "\n\n[Adopted without a vote.]\n");
        } else {
            bprintf(o, "\n\n[Adopted by a recorded vote of %d to %d, with %d abstentions.]\n",
                    yes, no, abst);
        }
        return;
    }
    int spaced = d->body != GA;
    date_zh(o, d->year, d->month, d->day, spaced);
    if (d->body == GA) {
        bprintf(o, "\n第%d次全体会议\n", d->meeting);
        return;
    }
    bprintf(o, spaced ? "\n第 %d 次会议\n\n" : "\n第%d次会议\n\n", d->meeting);
    if (vote) {
        bput(o, "[未经表决获得通过。]\n");
    } else {
        bprintf(o, "[经记录表决，以 %d 票赞成、%d 票反对、%d 票弃权获得通过。]\n", yes, no,
                abst);
    }
}

/* The report symbol a document of d's body and session would cite. */
static void
report_symbol(char *out, size_t n, const struct doc *d)
{
    switch (d->body) {
    case GA:
        snprintf(out, n, "A/%d/%d", d->session, 100 + (int)below(400));
        break;
    case HRC:
        snprintf(out, n, "A/HRC/%d/%d", d->session, 2 + (int)below(70));
        break;
    case SC:
        snprintf(out, n, "S/%d/%d", d->year, 10 + (int)below(900));
        break;
    default:
        snprintf(out, n, "E/CN.4/%d/%d", d->year, 10 + (int)below(120));
        break;
    }
}

static int
by_body(const void *a, const void *b)
{
    const struct doc *x = *(const struct doc *const *)a, *y = *(const struct doc *const *)b;
    if (x->body != y->body) {
        return x->body - y->body;
    }
    return x < y ? -1 : x > y;
}

/* Writes document i's text; returns its size in bytes. */
static size_t
write_text(struct corpus *c, long i, const char *dir, FILE *truth, FILE *edges)
{
    const struct doc *d = &c->docs[i];
    static struct text t;
    static const struct doc **tg;
    static long *chosen;
    if (tg == NULL) {
        tg = xrealloc(NULL, 64 * sizeof *tg);
        chosen = xrealloc(NULL, 64 * sizeof *chosen);
    }
    char file[512], name[64];
    size_t k = 0;
    for (const char *p = d->id; *p && k + 1 < sizeof name; p++) {
        if (*p == '/' || *p == '(') {
            name[k++] = '_';
        } else if (*p != ')') {
            name[k++] = *p;
        }
    }
    name[k] = 0;
    snprintf(file, sizeof file, "%s/texts/%s.%s.txt", dir, name, d->lang == ZH ? "zh" : "en");
    t.out.n = 0;
    bgrow(&t.out, 0);
    t.out.s[0] = 0;
    t.notes.n = 0;
    bgrow(&t.notes, 0);
    t.notes.s[0] = 0;
    t.d = d;
    t.page = 2;
    t.note = 1;
    t.job = 10000 + (int)below(89999);
    t.truth = truth;
    t.file = file + strlen(dir) + 1;
    t.nseen = 0;
    t.page_len = 2000 + below(1500);

    /* how long: about log-normal, a median of 9.5 KB, 3 to 40 KB (1.05 to
     * the power of a sum of uniform draws, in integers so that every
     * machine draws the same lengths) */
    long target = 9500;
    int steps = (int)(below(21) + below(21) + below(21) + below(21)) - 40;
    for (; steps > 0; steps--) {
        target = target * 105 / 100;
    }
    for (; steps < 0; steps++) {
        target = target * 100 / 105;
    }
    target = target < 3000 ? 3000 : target > 40000 ? 40000 : target;
    /* how many it cites */
    long want = 10 + (long)below(31);
    if (want > i) {
        want = i;
    }
    long n = 0;
    for (int tries = 0; n < want && tries < 50 * want; tries++) {
        long cand = c->pool[below((unsigned)c->npool)];
        int dup = 0;
        for (long x = 0; x < n; x++) {
            dup |= chosen[x] == cand;
        }
        if (!dup) {
            chosen[n++] = cand;
        }
    }
    for (long x = 0; x < n; x++) {
        tg[x] = &c->docs[chosen[x]];
    }
    qsort(tg, (size_t)n, sizeof *tg, by_body);

    int adopt_y = d->year, adopt_m = d->month, adopt_d = d->day;
    masthead(&t, adopt_y, adopt_m, adopt_d);

    struct buf p = {0};
    bgrow(&p, 0);
    int zh = d->lang == ZH;
    /* the instruments first, as real preambles begin */
    if (chance(70)) {
        p.n = 0;
        int a = (int)below(sizeof instruments / sizeof instruments[0]);
        if (zh) {
            bput(&p, a == 0 ? "遵循" : "重申");
            bput(&p, instruments[a].zh);
            truth_add(&t, instruments[a].slug, instruments[a].zh);
            bput(&p, a == 0 ? "的宗旨和原则，" : "，");
        } else {
            bput(&p, a == 0 ? "Guided by " : "Reaffirming ");
            bput(&p, instruments[a].en);
            truth_add(&t, instruments[a].slug, instruments[a].en);
            bput(&p, a == 0 ? " and the purposes and principles thereof," : ",");
        }
        paragraph(&t, p.s);
    }
    /* the citations in chunks of one body, 1 to 4 a chunk; about one in
     * four chunks goes to the operative part */
    struct chunk {
        long from, n;
        int op;
    } chunks[64];
    int nchunks = 0;
    for (long x = 0; x < n;) {
        long m = 1 + (long)below(4);
        long y = x;
        while (y < n && y - x < m && tg[y]->body == tg[x]->body) {
            y++;
        }
        chunks[nchunks].from = x;
        chunks[nchunks].n = y - x;
        chunks[nchunks].op = chance(25);
        nchunks++;
        x = y;
    }
    /* prose to fill: what is left of the target, over the paragraphs */
    int npp = 0, nop = 0;
    for (int q = 0; q < nchunks; q++) {
        chunks[q].op ? nop++ : npp++;
    }
    long est = (long)t.out.n + (long)n * 60;
    long fill = target - est;
    int extra_pp = 2 + (int)below(4), extra_op = 3 + (int)below(6);
    int paras = npp + nop + extra_pp + extra_op;
    long per = fill > 0 ? fill / paras : 40;
    if (per < 40) {
        per = 40;
    }
    int footnoted = 0;
    /* preambular paragraphs: citing ones with some prose ones between */
    int left_pp = extra_pp;
    for (int q = 0; q < nchunks; q++) {
        if (chunks[q].op) {
            continue;
        }
        p.n = 0;
        p.s[0] = 0;
        bput(&p, zh ? PICK(cite_pp_zh) : PICK(cite_pp_en));
        if (!zh) {
            bput(&p, " ");
        }
        if (d->body == GA && chunks[q].n == 1 && tg[chunks[q].from]->body == GA && chance(20)) {
            cite_footnote(&t, &p, tg[chunks[q].from]);
            paragraph(&t, p.s);
            continue;
        }
        cite_phrase(&t, &p, tg + chunks[q].from, (int)chunks[q].n);
        /* a footnote after a Council resolution in an Assembly text, its
         * number printed after the paragraph's comma: "2011,1" */
        int mark = 0;
        if (!zh && d->body == GA && tg[chunks[q].from]->body == HRC && chance(50)) {
            char sym[40];
            mark = t.note;
            int s = tg[chunks[q].from]->session;
            bprintf(&t.notes, "%d See Official Records of the General Assembly, ", t.note);
            en_ordinal(&t.notes, s + 60 > 99 ? 99 : s + 60, 1);
            bprintf(&t.notes, " Session, Supplement No. 53 (");
            snprintf(sym, sizeof sym, "A/%d/53", s + 60);
            cite_document(&t, &t.notes, sym);
            bput(&t.notes, "), chap. I.\n");
            t.note++;
        }
        if (!mark && chance(50)) {
            bput(&p, zh ? "，" : ", ");
            if (!zh) {
                bput(&p, chance(50) ? "on " : "concerning ");
            } else {
                bput(&p, "关于");
            }
            prose(&p, (size_t)per, d->lang);
        }
        bput(&p, zh ? "，" : ",");
        if (mark) {
            bprintf(&p, "%d", mark);
        }
        paragraph(&t, p.s);
        if (d->body == HRC && !footnoted) {
            /* the first page's note: where the resolutions will be */
            char sym[40];
            snprintf(sym, sizeof sym, "A/HRC/%d/2", d->session);
            p.n = 0;
            if (zh) {
                bput(&p, "* 人权理事会通过的决议和决定将载于理事会第");
                cn_num(&p, d->session);
                bput(&p, "届会议报告(");
                cite_document(&t, &p, sym);
                bput(&p, ")，第一章。");
            } else {
                bput(&p, "* The resolutions and decisions adopted by the Human Rights Council "
                         "will be contained in the report of the Council on its ");
                en_ordinal(&p, d->session, 0);
                bput(&p, " session (");
                cite_document(&t, &p, sym);
                bput(&p, "), chap. I.");
            }
            paragraph(&t, p.s);
            footnoted = 1;
        }
        if (left_pp > 0 && chance(40)) {
            p.n = 0;
            bput(&p, zh ? PICK(pp_zh) : PICK(pp_en));
            bput(&p, zh ? "" : " ");
            prose(&p, (size_t)per, d->lang);
            bput(&p, zh ? "，" : ",");
            paragraph(&t, p.s);
            left_pp--;
        }
    }
    /* a report taken note of */
    if (chance(60)) {
        char sym[40];
        report_symbol(sym, sizeof sym, d);
        p.n = 0;
        if (zh) {
            bput(&p, "注意到秘书长的报告(");
            cite_document(&t, &p, sym);
            bput(&p, ")，");
        } else {
            bput(&p, "Taking note of the report of the Secretary-General (");
            cite_document(&t, &p, sym);
            bput(&p, "),");
        }
        paragraph(&t, p.s);
    }
    while (left_pp-- > 0) {
        p.n = 0;
        bput(&p, zh ? PICK(pp_zh) : PICK(pp_en));
        bput(&p, zh ? "" : " ");
        prose(&p, (size_t)per, d->lang);
        bput(&p, zh ? "，" : ",");
        paragraph(&t, p.s);
    }
    /* operative paragraphs: the citing ones spread among the others */
    int opq[64], nopq = 0;
    for (int q = 0; q < nchunks; q++) {
        if (chunks[q].op) {
            opq[nopq++] = q;
        }
    }
    int total_op = nopq + extra_op, next_q = 0;
    for (int op = 1; op <= total_op; op++) {
        int left = total_op - op + 1, citing_left = nopq - next_q;
        int citing = citing_left > 0 && (int)below((unsigned)left) < citing_left;
        p.n = 0;
        bprintf(&p, "%d. ", op);
        bput(&p, zh ? PICK(op_zh) : PICK(op_en));
        bput(&p, zh ? "" : " ");
        if (citing) {
            int q = opq[next_q++];
            int pin = chance(15);
            if (zh) {
                bput(&p, "根据");
                cite_phrase(&t, &p, tg + chunks[q].from, (int)chunks[q].n);
                if (pin) {
                    bprintf(&p, "第 %d 段", 1 + (int)below(20));
                }
                bput(&p, "，");
            } else {
                prose(&p, (size_t)per / 2, EN);
                bput(&p, pin ? ", as called for in " : ", in accordance with ");
                if (pin) {
                    bprintf(&p, "paragraph %d of ", 1 + (int)below(20));
                }
                cite_phrase(&t, &p, tg + chunks[q].from, (int)chunks[q].n);
                bput(&p, ", ");
            }
        }
        prose(&p, (size_t)per, d->lang);
        /* a resolution cited before, cited again with a paragraph */
        if (n > 0 && chance(8)) {
            const struct doc *r = tg[below((unsigned)n)];
            if (zh) {
                bprintf(&p, "，并回顾%s", body_zh[r->body]);
                size_t at = p.n;
                bput(&p, r->body == SC ? "第" : "第 ");
                short_num(&p, r, ZH);
                bprintf(&p, r->body == SC ? "号决议第 %d 段" : " 号决议第 %d 段",
                        1 + (int)below(15));
                truth_add(&t, r->id, p.s + at);
            } else {
                bprintf(&p, ", recalling paragraph %d of %s resolution ", 1 + (int)below(15),
                        body_en[r->body]);
                size_t at = p.n;
                short_num(&p, r, EN);
                truth_add(&t, r->id, p.s + at);
            }
        }
        int last = op == total_op;
        bput(&p, zh ? (last ? "。" : "；") : (last ? "." : ";"));
        paragraph(&t, p.s);
    }
    if (t.notes.n > 0) {
        bput(&t.out, "__________________\n");
        bput(&t.out, t.notes.s);
        bput(&t.out, "\n");
    }
    adoption(&t);
    free(p.s);

    /* the edges: distinct pairs, the same as the truth */
    for (int s = 0; s < t.nseen; s++) {
        fprintf(edges, "%s %s\n", d->id, t.seen[s]);
    }
    for (long x = 0; x < n; x++) {
        c->pool[c->npool++] = chosen[x];
        c->indeg[chosen[x]]++;
    }
    c->pool[c->npool++] = i;

    FILE *f = fopen(file, "wb");
    if (f == NULL || fwrite(t.out.s, 1, t.out.n, f) != t.out.n || fclose(f) != 0) {
        fprintf(stderr, "corpus: %s: %s\n", file, strerror(errno));
        exit(3);
    }
    return t.out.n;
}

/* The documents in date order, 1976 to 2025, with their bodies and numbers. */
static void
plan(struct corpus *c)
{
    int ga_num[200] = {0}, hrc_num[200] = {0}, chr_num[100] = {0};
    int sc = 391, meeting_sc = 1900, meeting[4] = {0};
    int last_year = 0;
    for (long i = 0; i < c->ndocs; i++) {
        struct doc *d = &c->docs[i];
        long day = (long)((long long)i * 50 * 336 / c->ndocs);
        d->year = (short)(1976 + day / 336);
        d->month = (short)(1 + (day % 336) / 28);
        d->day = (short)(1 + day % 28);
        if (d->year != last_year) {
            meeting[GA] = meeting[HRC] = meeting[CHR] = 0;
            last_year = d->year;
        }
        unsigned r = below(100);
        d->body = r < 40 ? GA : r < 65 ? SC : d->year >= 2006 ? HRC : CHR;
        d->lang = chance(50) ? ZH : EN;
        /* The Council has never adopted 150 resolutions in a session, and
         * readers (citegraph among them) take a bigger number for the
         * Assembly's: past 150 (only in corpora of 100,000 and more) the
         * Assembly adopts the rest. */
        if (d->body == HRC && hrc_num[1 + 3 * (d->year - 2006) + (d->month - 1) / 4] >= 150) {
            d->body = GA;
        }
        switch (d->body) {
        case GA:
            d->session = d->year - 1945;
            d->number = ++ga_num[d->session];
            break;
        case SC:
            d->number = ++sc;
            d->session = d->year;
            break;
        case HRC:
            d->session = 1 + 3 * (d->year - 2006) + (d->month - 1) / 4;
            d->number = ++hrc_num[d->session];
            break;
        default:
            d->session = d->year;
            d->number = ++chr_num[d->year - 1946];
            break;
        }
        if (d->body == SC) {
            meeting_sc += 1 + (int)below(3);
            d->meeting = meeting_sc;
        } else {
            meeting[d->body] += below(4) == 0;
            d->meeting = 1 + meeting[d->body] % 120;
        }
        make_id(d);
    }
}

/* Changes whenever the same arguments would give other bytes, so that
 * compare.sh does not reuse a corpus an older generator made. */
#define CORPUS_VERSION "corpus 3"

static void
usage(void)
{
    fprintf(stderr, "usage: corpus [-n DOCS] [-o DIR] [-s SEED] | corpus -V\n");
    exit(2);
}

int
main(int argc, char **argv)
{
    long ndocs = 1000;
    unsigned long long seed = 1;
    const char *dir = "bench-corpus";
    for (int a = 1; a < argc; a++) {
        if (strcmp(argv[a], "-V") == 0) {
            puts(CORPUS_VERSION);
            return 0;
        } else if (a + 1 < argc && strcmp(argv[a], "-n") == 0) {
            ndocs = atol(argv[++a]);
        } else if (a + 1 < argc && strcmp(argv[a], "-o") == 0) {
            dir = argv[++a];
        } else if (a + 1 < argc && strcmp(argv[a], "-s") == 0) {
            seed = strtoull(argv[++a], NULL, 10);
        } else {
            usage();
        }
    }
    if (ndocs < 2 || ndocs > 10000000) {
        fprintf(stderr, "corpus: DOCS must be 2 to 10000000\n");
        return 2;
    }
    state ^= seed * 0xD6E8FEB86659FD93ULL;
    for (int w = 0; w < 8; w++) {
        rnd();
    }
    char path[512];
    snprintf(path, sizeof path, "%s/texts", dir);
    if ((mkdir(dir, 0777) != 0 && errno != EEXIST) || (mkdir(path, 0777) != 0 && errno != EEXIST)) {
        fprintf(stderr, "corpus: %s: %s\n", path, strerror(errno));
        return 3;
    }
    struct corpus c = {0};
    c.ndocs = ndocs;
    c.docs = xrealloc(NULL, (size_t)ndocs * sizeof *c.docs);
    c.pool = xrealloc(NULL, (size_t)ndocs * 42 * sizeof *c.pool);
    c.indeg = calloc((size_t)ndocs, sizeof *c.indeg);
    if (c.indeg == NULL) {
        fprintf(stderr, "corpus: out of memory\n");
        return 3;
    }
    plan(&c);
    snprintf(path, sizeof path, "%s/truth.tsv", dir);
    FILE *truth = fopen(path, "w");
    snprintf(path, sizeof path, "%s/edges.txt", dir);
    FILE *edges = fopen(path, "w");
    if (truth == NULL || edges == NULL) {
        fprintf(stderr, "corpus: %s: %s\n", path, strerror(errno));
        return 3;
    }
    unsigned long long bytes = 0;
    for (long i = 0; i < ndocs; i++) {
        bytes += write_text(&c, i, dir, truth, edges);
    }
    if (fclose(truth) != 0 || fclose(edges) != 0) {
        fprintf(stderr, "corpus: %s: %s\n", dir, strerror(errno));
        return 3;
    }
    long top = 0;
    for (long i = 1; i < ndocs; i++) {
        if (c.indeg[i] > c.indeg[top]) {
            top = i;
        }
    }
    snprintf(path, sizeof path, "%s/corpus.info", dir);
    FILE *info = fopen(path, "w");
    if (info == NULL) {
        fprintf(stderr, "corpus: %s: %s\n", path, strerror(errno));
        return 3;
    }
    fprintf(info,
            "generator=%s\ndocs=%ld\nbytes=%llu\nseed=%llu\ntop=%s\ntop_in_degree=%ld\n"
            "newest=%s\n",
            CORPUS_VERSION, ndocs, bytes, seed, c.docs[top].id, c.indeg[top],
            c.docs[ndocs - 1].id);
    if (fclose(info) != 0) {
        return 3;
    }
    free(c.docs);
    free(c.pool);
    free(c.indeg);
    return 0;
}

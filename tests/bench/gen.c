/*
 * gen.c - synthetic citation corpora for the benchmarks.
 *
 *   gen yaml DOCS CITATIONS [SEED]   a YAML stream as `citegraph extract`
 *                                    writes it, to standard output
 *   gen edges DOCS CITATIONS [SEED]  the same network as a plain edge list
 *                                    ("citing cited" per line)
 *
 * Documents are General Assembly resolutions numbered by session, oldest
 * first; each cites earlier ones chosen by preferential attachment (the
 * chance to be cited grows with the citations already received), which is
 * the shape of real citation networks: a few foundations cited by nearly
 * everything, a long tail cited once.  The same arguments give the same
 * bytes on every machine (a fixed linear congruential generator).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long state = 88172645463325252ULL;

static unsigned long
next(void)
{
    /* xorshift64*: small, fast, the same everywhere */
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return (unsigned long)((state * 2685821657736338717ULL) >> 33);
}

/* Document i's symbol: 80 resolutions a session over sessions 31.. */
static void
symbol(char *out, size_t n, long i)
{
    snprintf(out, n, "A/RES/%ld/%ld", 31 + i / 2000, 1 + i % 2000);
}

static void
date_of(char *out, size_t n, long i)
{
    long year = 1976 + i / 2000;
    snprintf(out, n, "%04ld-%02ld-%02ld", year > 9999 ? 9999 : year, 1 + (i / 170) % 12,
             1 + i % 28);
}

int
main(int argc, char **argv)
{
    if (argc < 4 || (strcmp(argv[1], "yaml") != 0 && strcmp(argv[1], "edges") != 0)) {
        fprintf(stderr, "usage: gen yaml|edges DOCS CITATIONS [SEED]\n");
        return 2;
    }
    int yaml = strcmp(argv[1], "yaml") == 0;
    long docs = atol(argv[2]), cites = atol(argv[3]);
    if (argc > 4) {
        state ^= (unsigned long long)atol(argv[4]) * 0x9E3779B97F4A7C15ULL;
    }
    if (docs < 2 || cites < 0) {
        fprintf(stderr, "gen: need at least 2 documents\n");
        return 2;
    }
    /* pool: every document once, plus once more per citation received */
    size_t cap = (size_t)docs + (size_t)cites + 1, npool = 0;
    long *pool = malloc(cap * sizeof *pool);
    long *out = malloc(64 * sizeof *out);
    if (pool == NULL || out == NULL) {
        fprintf(stderr, "gen: out of memory\n");
        return 3;
    }
    char id[64], tid[64], date[16];
    double per_doc = (double)cites / (double)(docs - 1), owed = 0;
    for (long i = 0; i < docs; i++) {
        /* how many this one cites: on average per_doc, at most 64 */
        owed += per_doc;
        long k = i == 0 ? 0 : (long)owed;
        owed -= (double)k;
        if (k > 64) {
            owed += (double)(k - 64);
            k = 64;
        }
        if (k > i) {
            owed += (double)(k - i);
            k = i;
        }
        long nout = 0;
        for (long c = 0; c < k; c++) {
            long t = pool[next() % npool];
            int dup = 0;
            for (long x = 0; x < nout; x++) {
                dup |= out[x] == t;
            }
            if (!dup) {
                out[nout++] = t;
            }
        }
        symbol(id, sizeof id, i);
        if (yaml) {
            date_of(date, sizeof date, i);
            printf("---\nsource: bench/%ld.txt\nlanguage: en\ndocument:\n  id: %s\n"
                   "  body: GA\n  type: resolution\n  session: %ld\n  date: %s\n"
                   "citations:%s\n",
                   i, id, 31 + i / 2000, date, nout == 0 ? " []" : "");
        }
        for (long x = 0; x < nout; x++) {
            symbol(tid, sizeof tid, out[x]);
            if (yaml) {
                printf("- target: %s\n  type: resolution\n  body: GA\n  relation: recalling\n"
                       "  in: PP%ld\n  line: %ld\n  column: 11\n",
                       tid, x + 1, 20 + 2 * x);
            } else {
                printf("%ld %ld\n", i, out[x]);
            }
            pool[npool++] = out[x];
        }
        pool[npool++] = i;
    }
    free(pool);
    free(out);
    return ferror(stdout) ? 3 : 0;
}

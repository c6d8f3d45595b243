"""How many of the corpus's citing pairs rg's matches find.

Usage: rg_recall.py LABEL TRUTH.tsv RG.out

TRUTH.tsv is the corpus's truth (citing id, cited id, text file, mention);
RG.out what `rg -o` printed ("path:match" a line).  A citing pair counts as
found when, in the citing text's file, rg printed a match that holds the
cited document as texts write it: the number of a resolution or decision
("60/251", "2004/81"), that of a Security Council resolution with its year
("1325 (2000)", "1325（2000）"), a document's symbol, an instrument's name.
Prints one line: "LABEL: recall P% (N of M citing pairs)".
"""
import collections
import os
import re
import sys

NUMBER = re.compile(r"(?<![0-9/])([0-9]+/[0-9]+)(?![0-9])")
SC = re.compile(r"(?<![0-9/])([0-9]+) ?[(（]([0-9]{4})[)）]")
RESOLUTION = re.compile(r".*/(?:RES|DEC)/([0-9]+/[0-9]+)$")
SC_TARGET = re.compile(r"S/RES/([0-9]+)\(([0-9]{4})\)$")


def found_in(rg_out):
    """What rg found, by file name: numbers, Council numbers, matches."""
    found = collections.defaultdict(set)
    with open(rg_out, encoding="utf-8", errors="replace") as f:
        for line in f:
            path, sep, match = line.rstrip("\n").partition(":")
            if not sep:
                continue
            seen = found[os.path.basename(path)]
            seen.update(("n", m) for m in NUMBER.findall(match))
            seen.update(("sc", a + "(" + b + ")") for a, b in SC.findall(match))
            seen.add(("s", match.rstrip(".")))
    return found


def is_found(seen, cited, mention):
    m = SC_TARGET.match(cited)
    if m:
        return ("sc", m.group(1) + "(" + m.group(2) + ")") in seen
    m = RESOLUTION.match(cited)
    if m:
        return ("n", m.group(1)) in seen
    if cited.startswith("instrument:"):
        name = mention[4:] if mention.startswith("the ") else mention
        return ("s", name) in seen
    return ("s", cited) in seen


def main():
    label, truth, rg_out = sys.argv[1:4]
    found = found_in(rg_out)
    total = hits = 0
    with open(truth, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 4:
                continue
            _, cited, text, mention = fields[:4]
            total += 1
            hits += is_found(found.get(os.path.basename(text), ()), cited, mention)
    print("%s: recall %.2f%% (%d of %d citing pairs)"
          % (label, 100.0 * hits / total if total else 0.0, hits, total))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Builds passwords.txt and czech.txt, the word lists the passphrase check ships (see README.md).

    cd "$(mktemp -d)" && npm pack @zxcvbn-ts/language-common@4.1.3 @zxcvbn-ts/language-cs@3.0.1
    python3 /path/to/make_lists.py "$PWD"

Each output line is `#N`, the number of guesses an attacker needs, on average, to reach each word
below it (half the rank at the end of its tier), or a word (lower case, ASCII, no diacritics)
front-coded: a digit saying how many first letters it shares with the word above (at most 9),
then the rest of it. Words are sorted inside a tier, which compresses much better than rank
order, and front coding saves another tenth after brotli.
"""
import json
import re
import sys
import tarfile
import unicodedata
from pathlib import Path

PASSWORDS = 1300  # the most common passwords considered (Xato's ten million, by frequency)
CZECH_CONSIDERED = 5000  # the most frequent Czech words looked at...
CZECH_TOP = 0  # ...of which these are kept whatever they are
SURNAMES = 80  # the most common Czech surnames (both genders)
MIN_LEN = 4  # shorter ones cost an attacker almost nothing by brute force anyway

LEET = {'4': 'a', '@': 'a', '8': 'b', '(': 'c', '3': 'e', '6': 'g', '9': 'g', '1': 'il',
        '!': 'i', '|': 'il', '0': 'o', '$': 's', '5': 's', '7': 'lt', '+': 't', '%': 'x', '2': 'z'}
HERE = Path(__file__).resolve().parent


def load(packs, package, name):
    for tgz in Path(packs).glob(f'zxcvbn-ts-{package}-*.tgz'):
        with tarfile.open(tgz) as t:
            return json.load(t.extractfile(f'package/src/{name}.json'))
    sys.exit(f'no zxcvbn-ts-{package}-*.tgz in {packs}: run npm pack there first')


def plain(word):
    """Lower case without diacritics, as the check compares."""
    return ''.join(c for c in unicodedata.normalize('NFD', word.lower()) if not unicodedata.combining(c))


def unleet(word):
    """Every reading of a leetspeak spelling (at most 64)."""
    readings = {''}
    for c in word:
        readings = {r + x for r in readings for x in [c, *LEET.get(c, '')]}
        if len(readings) > 64:
            return set()
    return readings - {word}


def covered(word, kept):
    """Why the check finds `word` without listing it: another listed word with a few digits or
    symbols around it, a leetspeak spelling, two listed words, or a repetition."""
    if any(r in kept for r in unleet(word)):
        return True
    tail = lambda s: len(s) <= 3 and not any(c.isalpha() for c in s)
    year = lambda s: re.fullmatch(r'(19|20)\d\d', s) is not None
    for i in range(1, len(word)):
        head, rest = word[:i], word[i:]
        if head in kept and (tail(rest) or year(rest) or rest in kept):
            return True
        if rest in kept and (tail(head) or year(head)):
            return True
    n = len(word)
    return any(n % u == 0 and word[:u] * (n // u) == word for u in range(1, n // 2 + 1))


def usable(word):
    return len(word) >= MIN_LEN and word.isascii() and not word.isdigit() and '\n' not in word


def tiers(ranked):
    """`#guesses` sections: ranks 1-10, 11-100, 101-1000, 1001-10000."""
    out, by_tier = [], {}
    for word, rank in ranked:
        top = 10
        while rank > top:
            top *= 10
        by_tier.setdefault(top, []).append(word)
    for top in sorted(by_tier):
        out.append(f'#{top // 2}')
        out += front_coded(sorted(by_tier[top]))
    return out


def front_coded(words):
    out, previous = [], ''
    for word in words:
        shared = 0
        while shared < min(len(word), len(previous), 9) and word[shared] == previous[shared]:
            shared += 1
        out.append(f'{shared}{word[shared:]}')
        previous = word
    return out


def merge(sections):
    """One `#guesses` section per tier from single-word sections, words sorted in each."""
    by_tier = {}
    for header, word in sections:
        by_tier.setdefault(int(header[1:]), []).append(word[1:])  # a lone word shares nothing: "0word"
    return [line for tier in sorted(by_tier) for line in [f'#{tier}', *front_coded(sorted(by_tier[tier]))]]


def distinct(words):
    seen, out = set(), []
    for w in map(plain, words):
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


def main(packs):
    xato = load(packs, 'language-common', 'passwords')
    kept = {}
    for rank, word in enumerate(xato[:PASSWORDS], start=1):
        if usable(word) and not covered(word, kept):
            kept[word] = rank

    in_xato = set(xato)
    czech = [w for w in distinct(load(packs, 'language-cs', 'commonWords')) if usable(w) and w.isalpha()]
    used = [w for w in czech[:CZECH_CONSIDERED] if w in in_xato]  # Czech words people use as passwords
    have = set(kept)
    words = []
    for w in used + czech[:CZECH_TOP]:
        if w not in have:
            have.add(w)
            words.append((w, len(words) + 1))
    names = []
    for source, limit in (('firstnames', None), ('lastnames', SURNAMES)):
        ranked = [w for w in distinct(load(packs, 'language-cs', source)) if usable(w) and w.isalpha()]
        for rank, w in enumerate(ranked[:limit], start=1):
            if w not in have:
                have.add(w)
                names.append(tiers([(w, rank)]))

    (HERE / 'passwords.txt').write_text('\n'.join(tiers(kept.items())) + '\n')
    (HERE / 'czech.txt').write_text('\n'.join(tiers(words) + merge(names)) + '\n')
    print(f'passwords.txt: {len(kept)} of the {PASSWORDS} most common; czech.txt: {len(words)} words, {len(names)} names')


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '.')

"""Person-name helpers: possessives, surnames, and telling a misspelling from another person."""

from __future__ import annotations

from askwinston.analysis import entity_rules as rules

POSSESSIVE_ENDINGS = ("'s", "’s", "'S", "’S", "'", "’")


def strip_possessive(text: str) -> str:
    """ "Kirov’s" → "Kirov": the possessive is grammar, not part of the name."""
    for suffix in POSSESSIVE_ENDINGS:
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)]
    return text


def surname(name: str) -> str:
    """Last word of a person's name that is not a regnal number ("Nicholas II" keeps both)."""
    words = name.split()
    if len(words) > 1 and words[-1].upper() in rules.REGNAL_NUMBERS:
        return name
    if any(w.lower() == "the" for w in words):
        return name  # "Edward the Confessor": an epithet, not a surname
    return words[-1] if words else name


def first_name(name: str) -> str | None:
    """The given name of a multi-word name, None for a bare surname."""
    words = [w for w in name.split() if w.lower() not in rules.NAME_PARTICLES]
    return words[0] if len(words) > 1 and surname(name) != name else None


def edit_distance(a: str, b: str) -> int:
    """Optimal-string-alignment distance: insertions, deletions, substitutions, swaps count 1.

    Swapped letters ("Yezhov"/"Yehzov") are the commonest slip when typing a foreign name.
    """
    a, b = a.lower(), b.lower()
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def max_distance(length: int) -> int:
    """Edit distance allowed between spellings of a surname this long (0: never merge)."""
    allowed = 0
    for min_len, dist in sorted(rules.MAX_SURNAME_DISTANCE.items()):
        if length >= min_len:
            allowed = dist
    return allowed


def are_variants(a: str, b: str) -> bool:
    """Two person names that are spellings of one name: same first letter, surnames a few
    edits apart, and no different given names ("Ivan Petrov" is not "Boris Petrov")."""
    if _regnal(a) or _regnal(b):
        return False  # "Henry VI" and "Henry VII" are two kings, not one misspelt
    fa, fb = first_name(a), first_name(b)
    if fa and fb and fa.lower() != fb.lower():
        return False
    sa, sb = surname(a), surname(b)
    if sa.lower() == sb.lower():
        return False
    if _leading_letter_dropped(sa, sb):
        return True
    if sa[:1].lower() != sb[:1].lower():
        return False
    allowed = max_distance(min(len(sa), len(sb)))
    distance = edit_distance(sa, sb)
    if distance > 1 and sa[-1:].lower() != sb[-1:].lower():
        return False  # two slips and a different ending: more likely another name
    return allowed > 0 and distance <= allowed


def _regnal(name: str) -> bool:
    words = name.split()
    return len(words) > 1 and words[-1].upper() in rules.REGNAL_NUMBERS


def _leading_letter_dropped(a: str, b: str) -> bool:
    """ "Yezhov"/"Ezhov": transliterations often drop a leading Y or I; nothing else changes."""
    short, long_ = sorted((a.lower(), b.lower()), key=len)
    return len(short) >= rules.MIN_LEADING_DROP_LENGTH and long_[1:] == short


def canonical_spelling(spellings: list[str], first_seen: list[int]) -> str:
    """The spelling closest to all the others (the medoid); ties go to the first one written."""
    def cost(i: int) -> tuple[int, int]:
        return (sum(edit_distance(spellings[i], s) for s in spellings), first_seen[i])
    return spellings[min(range(len(spellings)), key=cost)]
